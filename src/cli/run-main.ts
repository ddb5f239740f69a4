import { CommanderError } from 'commander';
import { CivettaError, ExitCode } from '../errors.js';
import { buildContext } from './build-context.js';
import type { CommandResult, GlobalOptions, RunContext } from '../app/run-context.js';
import { createOutput, type CliOutput, type TextSink } from './output.js';
import { buildProgram, type CommandFile } from './program.js';
import { packageVersion } from './version.js';
import { HttpError, NetworkError, UnexpectedResponseError } from '../http/http-error.js';
import { redact } from '../http/redact.js';
import { escapeControls } from './terminal-text.js';

/** Everything civetta writes passes here: secrets hidden, terminal controls made visible. */
const redactText = (text: string): string => escapeControls(redact(text));

/** The process's surroundings, passed in so tests can run the CLI in-process. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now?: () => Date;
  /** How a command module is loaded; tests replace it. Default: import ./commands/<file>.js. */
  importCommand?: (file: CommandFile) => Promise<CommandModule>;
}

/** A bug or a missing command module: exit 1 with a plea to report it (see README "Exit codes"). */
class InternalError extends Error {}

/** What a command module exports (src/cli/commands/<file>.ts). */
export type CommandModule = { run?: (args: never, ctx: RunContext) => Promise<CommandResult> };

export async function importCommand(file: CommandFile): Promise<CommandModule> {
  const url = new URL(`./commands/${file}.js`, import.meta.url);
  try {
    return (await import(url.href)) as CommandModule;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === 'ERR_MODULE_NOT_FOUND' && e.message?.includes(url.pathname)) {
      throw new InternalError(`the ${file} command is not part of this build yet (missing src/cli/commands/${file}.ts)`);
    }
    throw error;
  }
}

function reportError(error: unknown, out: CliOutput | undefined, io: CliIo, json: boolean, verbose: boolean): ExitCode {
  const write = (text: string) => io.stderr.write(`${redactText(text)}\n`);
  let exitCode: ExitCode;
  let message: string;
  let details: readonly string[] = [];
  const extra: Record<string, unknown> = {};
  if (error instanceof CivettaError) {
    exitCode = error.exitCode;
    message = error.message;
    details = error.details;
    if ('guards' in error) extra.guards = error.guards;
    if ('channel' in error) extra.channel = error.channel;
  } else if (error instanceof NetworkError || error instanceof HttpError || error instanceof UnexpectedResponseError) {
    // A marketplace that cannot be reached or answers nonsense is not a bug in civetta: say
    // what happened (exit 1), without the "please report it" plea.
    exitCode = ExitCode.itemsFailed;
    message = `a marketplace call failed: ${error.message}`;
    details = ['Check the connection and the channel endpoint, then run again: a sync picks up where it stopped.'];
  } else {
    exitCode = ExitCode.itemsFailed;
    const e = error instanceof Error ? error : new Error(String(error));
    message = error instanceof InternalError ? `internal error: ${e.message}` : `internal error, please report it: ${e.message}`;
    if (verbose && e.stack && !(error instanceof InternalError)) details = [e.stack];
  }
  write(`civetta: ${message}`);
  for (const d of details) write(`  ${d}`);
  if (json && !out?.emitted) {
    const body = { error: { message: redactText(message), exitCode, details: details.map(redactText), ...extra } };
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  }
  return exitCode;
}

/**
 * Runs the CLI for `argv` (without node and script) and returns the exit code. Never throws:
 * CivettaErrors map to their code, usage errors to 2, anything else to 1 ("internal error").
 */
export async function runMain(argv: readonly string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  let out: CliOutput | undefined;
  let globals: GlobalOptions = { json: wantsJson, quiet: false, verbose: argv.includes('--verbose') };
  let result: CommandResult | undefined;
  const program = buildProgram(
    packageVersion(),
    async (file, args, g) => {
      globals = g;
      out = createOutput({ ...g, stdout: io.stdout, stderr: io.stderr, env: io.env, redact: redactText });
      const ctx = buildContext({ options: g, out, cwd: io.cwd, env: io.env, ...(io.now ? { now: io.now } : {}) });
      const mod = await (io.importCommand ?? importCommand)(file);
      if (typeof mod.run !== 'function') throw new InternalError(`src/cli/commands/${file}.ts exports no run()`);
      // The registry built `args` from the command's own flags and positionals (program.ts).
      result = await mod.run(args as never, ctx);
    },
    { out: (t) => io.stdout.write(t), err: (t) => io.stderr.write(escapeControls(t)) },
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
      if (wantsJson) {
        const body = { error: { message: error.message.replace(/^error: /, ''), exitCode: ExitCode.invalidInput, details: [] } };
        io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      }
      return ExitCode.invalidInput;
    }
    return reportError(error, out, io, globals.json, globals.verbose);
  }
  if (!result) return ExitCode.ok;
  if (globals.json && !out?.emitted) {
    io.stdout.write(`${redactText(JSON.stringify(result.json ?? {}, null, 2))}\n`);
  }
  return result.exitCode;
}
