import ora from 'ora';
import type { Logger } from '../log.js';
import type { Output, Progress } from '../app/run-context.js';

/** A writable text sink: process.stdout/stderr, or a collector in tests. */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  stdout: TextSink;
  stderr: TextSink;
  env: Readonly<Record<string, string | undefined>>;
  /** Hides registered secrets; every stderr line and every stdout text passes through it. */
  redact: (text: string) => string;
}

/** The Output used by the CLI, plus what `main` needs to know after the command returned. */
export interface CliOutput extends Output {
  /** True once the command wrote JSON itself through emitJson. */
  readonly emitted: boolean;
}

/**
 * Whether stderr may carry an animated spinner. ora's own check misses one case: a TTY that
 * reports 0 columns makes ora 9.4.1 loop forever (toolchain.md §6), so we demand columns > 0.
 */
export function spinnerAllowed(stderr: TextSink, env: Readonly<Record<string, string | undefined>>): boolean {
  return stderr.isTTY === true && !('CI' in env) && env.TERM !== 'dumb' && (stderr.columns ?? 0) > 0;
}

function stderrLogger(o: OutputOptions): Logger {
  const line = (prefix: string, message: string) => o.stderr.write(`${prefix}${o.redact(message)}\n`);
  return {
    debug: (m) => {
      if (o.verbose) line('debug: ', m);
    },
    info: (m) => {
      if (!o.quiet) line('', m);
    },
    warn: (m) => line('warning: ', m),
  };
}

function quietProgress(log: Logger): Progress {
  return {
    update: (t) => log.debug(t),
    done: (t) => {
      if (t) log.info(t);
    },
    fail: (t) => {
      if (t) log.warn(t);
    },
  };
}

function spinnerProgress(text: string, o: OutputOptions): Progress {
  // ora writes to a NodeJS stream; the TextSink here is process.stderr whenever spinners are allowed.
  const spinner = ora({ text: o.redact(text), stream: o.stderr as NodeJS.WritableStream }).start();
  return {
    update: (t) => {
      spinner.text = o.redact(t);
    },
    done: (t) => {
      if (t && !o.quiet) spinner.succeed(o.redact(t));
      else spinner.stop();
    },
    fail: (t) => {
      if (t) spinner.fail(o.redact(t));
      else spinner.stop();
    },
  };
}

/**
 * stdout carries only the result (only JSON under --json); logs and spinners go to stderr.
 * --quiet keeps warnings only; --verbose adds debug lines.
 */
export function createOutput(o: OutputOptions): CliOutput {
  const log = stderrLogger(o);
  const animate = !o.quiet && spinnerAllowed(o.stderr, o.env);
  let emitted = false;
  return {
    json: o.json,
    log,
    get emitted() {
      return emitted;
    },
    print(text: string) {
      if (o.json) return;
      o.stdout.write(o.redact(text.endsWith('\n') ? text : `${text}\n`));
    },
    progress(text: string) {
      return animate ? spinnerProgress(text, o) : quietProgress(log);
    },
    summary(text: string) {
      o.stderr.write(`${o.redact(text)}\n`);
    },
    emitJson(value: unknown) {
      if (!o.json) return;
      emitted = true;
      o.stdout.write(`${o.redact(JSON.stringify(value))}\n`);
    },
  };
}

/** An Output that collects everything, for tests of commands called in-process. */
export function captureOutput(opts: { json?: boolean; verbose?: boolean } = {}): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = createOutput({
    json: opts.json ?? false,
    quiet: false,
    verbose: opts.verbose ?? true,
    stdout: { write: (t) => stdout.push(t) },
    stderr: { write: (t) => stderr.push(t) },
    env: { CI: '1' },
    redact: (t) => t,
  });
  return Object.assign(out, { stdout, stderr });
}
