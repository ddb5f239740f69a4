import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestShop } from './shop.js';

/** The built bin (run `npm run build` first; `npm test` does). */
export const BIN = fileURLToPath(new URL('../../bin/civetta.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd: string;
  /** Extra variables on top of the clean environment (e.g. CIVETTA_* credentials). */
  env?: Record<string, string>;
  /** Text written to stdin, then closed. */
  input?: string;
  /** Stop the child after this long (it is then killed with SIGTERM); default 60 s. */
  timeoutMs?: number;
}

/**
 * Spawns `node bin/civetta.js …args` in `cwd` with a clean environment: no CIVETTA_* variables
 * unless given, NO_COLOR=1 and CI=1 (no spinners, no colour codes).
 */
export function runCli(args: readonly string[], opts: RunCliOptions): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('CIVETTA_')) env[k] = v;
  }
  Object.assign(env, { NO_COLOR: '1', CI: '1' }, opts.env ?? {});
  delete env.FORCE_COLOR;
  return spawnCollected(process.execPath, [BIN, ...args], { cwd: opts.cwd, env, timeoutMs: opts.timeoutMs, input: opts.input ?? '' });
}

/**
 * `civetta --config <the shop's config> …args` from the shop's folder, or `cwd` (90 s: a sync on
 * a busy machine), with `env` on top of the clean environment.
 */
export function shopCli(shop: TestShop, args: readonly string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  return runCli(['--config', shop.configFile, ...args], { cwd: opts.cwd ?? shop.dir.path, env: opts.env ?? {}, timeoutMs: 90_000 });
}

/** shopCli with the arguments spread, as most tests write it. */
export function civetta(shop: TestShop, ...args: string[]): Promise<CliRun> {
  return shopCli(shop, args);
}

/** `civetta --json …` with stdout parsed. */
export async function civettaJson<T = Record<string, unknown>>(shop: TestShop, ...args: string[]): Promise<CliRun & { json: T }> {
  const run = await civetta(shop, '--json', ...args);
  let json: T;
  try {
    json = JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
  return { ...run, json };
}

/**
 * Spawns `command`, collects its stdout and stderr as text and resolves when it has closed; the
 * child is sent SIGTERM after `timeoutMs` (default 60 s). With `input`, stdin gets it and is closed;
 * without, stdin is not connected.
 */
export function spawnCollected(command: string, args: readonly string[], opts: { cwd: string; env: Record<string, string>; timeoutMs?: number | undefined; input?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: opts.cwd, env: opts.env, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}
