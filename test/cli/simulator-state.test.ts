import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/run-cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const FIXTURE_SHOP = fileURLToPath(new URL('../../fixtures/shop/', import.meta.url));

interface SimChild {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed on stdout so far. */
  out(): string;
  /** Resolves once stdout holds `count` lines matching `pattern`. */
  waitFor(pattern: RegExp, count?: number): Promise<string[]>;
  stop(): Promise<number | null>;
}

/** `civetta simulator …args` in the shop's folder, as an owner starts it in a second terminal. */
function startSim(cwd: string, args: string[]): SimChild {
  const env: Record<string, string> = { NO_COLOR: '1', CI: '1', CIVETTA_SIM_TIME_SCALE: '600' };
  for (const k of ['PATH', 'HOME', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k]!;
  const child = spawn(process.execPath, [BIN, 'simulator', ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    out: () => stdout,
    waitFor: (pattern, count = 1) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hits = stdout.split('\n').filter((l) => pattern.test(l));
          if (hits.length >= count) resolve(hits);
        };
        waiters.push(check);
        void exited.then((code) => reject(new Error(`simulator exited (${String(code)}) before ${String(pattern)}:\n${stdout}\n${stderr}`)));
        check();
      }),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('civetta simulator for your own shop: --state, --orders (spawned)', () => {
  let dir: TempDir;
  const sims: SimChild[] = [];
  beforeAll(() => {
    dir = tempDir();
    dir.copy(join(FIXTURE_SHOP, 'stock'), 'stock');
    dir.copy(join(FIXTURE_SHOP, 'civetta.config.yaml'), 'civetta.config.yaml');
  });
  afterAll(async () => {
    for (const s of sims) if (s.child.exitCode === null) await s.stop();
    dir.cleanup();
  });

  it('finds the shop config, keeps its state across a restart (no drift), and its shoppers\' orders are pulled once', async () => {
    const first = startSim(dir.path, ['--state', 'sim-state.json', '--orders', '5']);
    sims.push(first);
    const [listening] = await first.waitFor(/^civetta simulator listening on /);
    const origin = /(http:\/\/127\.0\.0\.1:\d+)/.exec(listening!)![1]!;
    const port = new URL(origin).port;
    // The startup output is the YAML to paste; the shop's catalogue was found without --config.
    expect(first.out()).toContain(`    endpoint: ${origin}/amazon`);
    expect(first.out()).toContain(`    tokenEndpoint: ${origin}/ebay/identity/v1/oauth2/token`);
    const config = readFileSync(join(dir.path, 'civetta.config.yaml'), 'utf8').replaceAll('http://127.0.0.1:4010', origin).replace(/limit: \d+/, 'limit: 3');
    dir.write({ 'civetta.config.yaml': config });

    const sync = await runCli(['sync', '--yes'], { cwd: dir.path });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    // Shoppers buy only what is listed: the five orders come after the sync.
    await first.waitFor(/^order \S+ placed on (amazon|ebay): /, 5);
    // Amazon shows an order only after its processing delay (two minutes, shortened by the time
    // scale): pull until all five are in, as an owner would run the pull again.
    let inserted = 0;
    for (let attempt = 0; attempt < 10 && inserted < 5; attempt += 1) {
      const pulled = await runCli(['--json', 'orders', 'pull'], { cwd: dir.path });
      expect(pulled.code, pulled.stderr).toBe(0);
      inserted += (JSON.parse(pulled.stdout) as { channels: Array<{ inserted: number }> }).channels.reduce((n, c) => n + c.inserted, 0);
    }
    expect(inserted).toBe(5);
    // The sales lowered the live quantities: a sync brings the ledger to them.
    const again = await runCli(['sync', '--yes'], { cwd: dir.path });
    expect(again.code, again.stdout + again.stderr).toBe(0);

    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dir.path, 'sim-state.json'))).toBe(true);

    const second = startSim(dir.path, ['--state', 'sim-state.json', '--port', port]);
    sims.push(second);
    await second.waitFor(/^civetta simulator listening on /);
    const plan = await runCli(['--json', 'plan', '--refresh'], { cwd: dir.path });
    expect(plan.code, plan.stderr).toBe(0);
    const body = JSON.parse(plan.stdout) as { drift: unknown[]; actions: unknown[] };
    expect(body.drift).toEqual([]);
    expect(body.actions).toEqual([]);
    // The orders survived the restart as well: pulled again, none is new.
    const repull = await runCli(['--json', 'orders', 'pull', '--since', '2000-01-01T00:00:00Z'], { cwd: dir.path });
    const report2 = JSON.parse(repull.stdout) as { channels: Array<{ orders: number; inserted: number }> };
    expect(report2.channels.reduce((n, c) => n + c.orders, 0)).toBe(5);
    expect(report2.channels.reduce((n, c) => n + c.inserted, 0)).toBe(0);
    // At a terminal or in cron, the pull's result is printed once, on stdout.
    const text = await runCli(['orders', 'pull'], { cwd: dir.path });
    expect(text.stderr).toBe('');
    expect(text.stdout.trimEnd().split('\n').map((l) => /^(amazon|ebay): \d+ order\(s\) in \d+ page\(s\) since \S+ — 0 new, 0 changed; /.exec(l)?.[1])).toEqual(['amazon', 'ebay']);
    expect(await second.stop()).toBe(0);
  }, 180_000);
});
