import type { LoadedConfig } from '../config/loaded-config.js';
import type { ExitCode } from '../errors.js';
import type { Logger } from '../log.js';

/** The global flags every command takes (contract: "Global flags"). */
export interface GlobalOptions {
  config?: string;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

/** A progress indicator: an ora spinner on an interactive stderr, silent otherwise. */
export interface Progress {
  update(text: string): void;
  done(text?: string): void;
  fail(text?: string): void;
}

/** Where a command speaks. stdout carries only the result (JSON only under --json); logs and spinners go to stderr. */
export interface Output {
  readonly json: boolean;
  /** stderr, filtered by --quiet/--verbose, secrets redacted. */
  readonly log: Logger;
  /** Human result text on stdout; dropped under --json. */
  print(text: string): void;
  progress(text: string): Progress;
  /**
   * Writes one JSON line to stdout at once (only under --json; a no-op otherwise). For
   * long-running commands such as `simulator --json` that must speak before they return.
   * When a command used it, `main` does not print the returned `json` again.
   */
  emitJson(value: unknown): void;
  /**
   * The one line per run a cron log keeps (stderr, redacted): written even under --quiet, which
   * otherwise drops everything but warnings. Optional so test doubles need not implement it;
   * callers fall back to `log.info`.
   */
  summary?(text: string): void;
}

/** Built once per invocation and handed to the command. */
export interface RunContext {
  readonly options: GlobalOptions;
  readonly out: Output;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  /** Finds (or takes --config), loads and validates the config; throws InputError (exit 2) on any problem. */
  loadConfig(): Promise<LoadedConfig>;
}

/** What a command hands back to `main`: the exit code, and the value printed under --json. */
export interface CommandResult {
  exitCode: ExitCode;
  json?: unknown;
}
