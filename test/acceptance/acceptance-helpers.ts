// Acceptance helpers: drive the built CLI exactly as a shop owner's script would (a child
// process, a clean environment, a temp folder) and judge its output as a script would.
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { BIN, spawnCollected, type CliRun } from '../support/run-cli.js';

/** Any ANSI escape (colour, cursor moves, spinner redraws). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is exactly what this looks for
export const ANSI = /\u001b\[/;
/** The frames of ora's default spinner. */
export const SPINNER_FRAMES = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

/** The acceptance tests' runner: the arguments as one list, with `env` and `cwd` when a test needs them. */
export { shopCli as civetta } from '../support/run-cli.js';

/**
 * Parses stdout as a script would: the whole of it must be ONE JSON document (nothing before or
 * after it but whitespace). Fails the test with the output when it is not.
 */
export function onlyJson<T = Record<string, unknown>>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${String(run.code)}):\n${run.stdout}\n--- stderr:\n${run.stderr}`);
  }
}

/** The error body every failed run prints under --json. */
export interface JsonError {
  error: { message: string; exitCode: number; details: string[]; guards?: string[]; channel?: string };
}

/** Asserts the run failed with `code` and, under --json, printed the error document with the same code. */
export function expectJsonError(run: CliRun, code: number): JsonError['error'] {
  expect(run.code, run.stderr).toBe(code);
  const body = onlyJson<JsonError>(run);
  expect(body.error.exitCode).toBe(code);
  return body.error;
}

/** Neither stream carries escape codes or spinner frames (piped, as under cron). */
export function expectPlainStreams(run: CliRun): void {
  expect(run.stdout).not.toMatch(ANSI);
  expect(run.stderr).not.toMatch(ANSI);
  expect(run.stderr).not.toMatch(SPINNER_FRAMES);
}

/** Reads the ledger with a plain read-only connection, as an auditor would. */
export function ledgerRows<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * Spawns the built CLI with exactly `env` (nothing added: no CI, no NO_COLOR unless given), for
 * the runs whose point is what the environment does. Optionally through `script`, which gives
 * the child a real terminal (100 columns) the way an owner's shell would.
 */
export function spawnExact(args: readonly string[], opts: { cwd: string; env: Record<string, string>; tty?: boolean; timeoutMs?: number }): Promise<CliRun> {
  const command = opts.tty
    ? ['script', ['-qec', `stty cols 100 rows 30; exec ${[process.execPath, BIN, ...args].map(shellQuote).join(' ')}`, '/dev/null']] as const
    : [process.execPath, [BIN, ...args]] as const;
  return spawnCollected(command[0], command[1], { cwd: opts.cwd, env: opts.env, timeoutMs: opts.timeoutMs });
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The test process's environment without any CIVETTA_*, CI, NO_COLOR or FORCE_COLOR. */
export function bareEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('CIVETTA_') || k === 'CI' || k === 'NO_COLOR' || k === 'FORCE_COLOR') continue;
    env[k] = v;
  }
  return env;
}
