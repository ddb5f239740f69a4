// The contract's command surface as scripts drive it: every command with its documented
// flags, the global flags --config/--json/--quiet/--verbose on each, logs on stderr only,
// no spinner or escape code unless on a terminal without CI.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliRun } from '../support/run-cli.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { ANSI, SPINNER_FRAMES, bareEnv, civetta, expectJsonError, expectPlainStreams, onlyJson, spawnExact } from './acceptance-helpers.js';

/** A folder with no config anywhere above it that matters: scripts run from anywhere with --config. */
let elsewhere: TempDir;
let sku: string;
let orderId: string;
const today = new Date().toISOString().slice(0, 10);

const world = shopOnSimulator({ shop: { hooksLimit: 2 }, firstSync: true });
beforeAll(() => {
  elsewhere = tempDir('civetta-elsewhere-');
  sku = liveSkus(world.sim).ebay[0]!;
  orderId = world.sim.buyers.placeOrder({ channel: 'ebay', sku, quantity: 1 }).orderId;
});
afterAll(() => elsewhere?.cleanup());

/** Every contract command with its documented flags, in an order that works as one session. */
function commands(): Array<{ args: string[]; code: number; writes?: 'none' }> {
  const out = (name: string) => join(elsewhere.path, name);
  return [
    { args: ['validate'], code: 0, writes: 'none' },
    { args: ['hooks', '--channel', 'ebay', '--explain'], code: 0, writes: 'none' },
    { args: ['plan', '--channel', 'amazon', '--refresh'], code: 0, writes: 'none' },
    { args: ['sync', '--dry-run', '--yes'], code: 0, writes: 'none' },
    { args: ['sync', '--channel', 'ebay', '--yes'], code: 0 },
    { args: ['orders', 'pull', '--channel', 'ebay', '--since', `${today}T00:00:00Z`], code: 0, writes: 'none' },
    { args: ['list', sku, '--channel', 'ebay', '--quantity', '1'], code: 0 },
    { args: ['delist', sku, '--channel', 'ebay'], code: 0 },
    { args: ['orders', 'export', '--from', today, '--to', today, '--channel', 'ebay', '--format', 'csv'], code: 0, writes: 'none' },
    { args: ['orders', 'export', '--format', 'json', '--out', out('orders.json')], code: 0, writes: 'none' },
    { args: ['orders', 'ship', orderId, '--carrier', 'BRT', '--tracking', 'BRT00001'], code: 0 },
    { args: ['orders', 'purge-pii', '--older-than', '30'], code: 0, writes: 'none' },
    { args: ['status'], code: 0, writes: 'none' },
    { args: ['report', 'hooks', '--since', today, '--html', out('hooks.html')], code: 0, writes: 'none' },
    { args: ['ebay', 'categories', 'puzzle'], code: 0, writes: 'none' },
    // No ruName in the sample config and no terminal: a usage error, as JSON too.
    { args: ['auth', 'ebay'], code: 2, writes: 'none' },
  ];
}

describe('--json on every command: stdout is one JSON document, whatever the exit code', () => {
  it('every command, run with --config from another folder', async () => {
    for (const { args, code, writes } of commands()) {
      const before = world.sim.writeCount();
      const run = await civetta(world.shop, ['--json', ...args], { cwd: elsewhere.path });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(code);
      const body = onlyJson(run);
      if (code !== 0) expect(expectJsonError(run, code).message.length).toBeGreaterThan(0);
      else expect(body).not.toHaveProperty('error');
      expectPlainStreams(run);
      if (writes === 'none') expect(world.sim.writeCount() - before, args.join(' ')).toBe(0);
    }
    expect(JSON.parse(readFileSync(join(elsewhere.path, 'orders.json'), 'utf8'))).toBeTypeOf('object');
    expect(readFileSync(join(elsewhere.path, 'hooks.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(existsSync(join(elsewhere.path, 'civetta.db'))).toBe(false);
  }, 120_000);

  it('init --dir writes the starter config; usage errors and --version/--help are handled', async () => {
    const init = await civetta(world.shop, ['--json', 'init', '--dir', join(elsewhere.path, 'nuovo')], { cwd: elsewhere.path });
    expect(init.code, init.stderr).toBe(0);
    expect(onlyJson(init)).toBeTypeOf('object');
    expect(existsSync(join(elsewhere.path, 'nuovo', 'civetta.config.yaml'))).toBe(true);
    for (const args of [['frobnicate'], ['list', sku], ['orders', 'ship', 'X'], ['sync', '--channel', 'etsy'], ['list', sku, '--channel', 'ebay', '--quantity', 'molti']]) {
      const run = await civetta(world.shop, ['--json', ...args]);
      expectJsonError(run, 2);
    }
  });
});

describe('--quiet, --verbose and where logs go', () => {
  const quietLine = /^(warning: |civetta sync run \d+: )/;

  it('--quiet leaves only warnings (and the sync summary line) on stderr; results stay on stdout', async () => {
    for (const args of [['validate'], ['plan'], ['orders', 'pull'], ['status'], ['report', 'hooks']]) {
      const run = await civetta(world.shop, ['--quiet', ...args]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout.length, args.join(' ')).toBeGreaterThan(0);
      for (const line of run.stderr.split('\n').filter(Boolean)) expect(line, args.join(' ')).toMatch(quietLine);
    }
  }, 90_000);

  it('sync --quiet, as in the README cron line: one summary line on stderr, nothing on stdout when all went well', async () => {
    // 3 on the shelf (still within the rule's minimum), 1 kept back: a quantity drop to send.
    world.shop.setRow(sku, { Giacenza: '3' });
    const run = await civetta(world.shop, ['sync', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^civetta sync run \d+: [^\n]* [1-9] update[^\n]*; [1-9] ok, 0 failed; exit 0\n$/);
  });

  it('--verbose adds debug lines on stderr only; with --json stdout stays one document', async () => {
    for (const args of [['sync'], ['ebay', 'categories', 'lego']]) {
      const run = await civetta(world.shop, ['--verbose', '--json', ...args]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      onlyJson(run);
      expect(run.stderr, args.join(' ')).toMatch(/^debug: /m);
    }
    for (const args of [['hooks', '--explain']]) {
      const plain = await civetta(world.shop, args);
      const verbose = await civetta(world.shop, ['--verbose', ...args]);
      expect(verbose.code, args.join(' ')).toBe(plain.code);
      expect(verbose.stdout.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'), args.join(' ')).toBe(plain.stdout.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'));
    }
  }, 90_000);

  it('log lines go to stderr, the result to stdout', async () => {
    const run = await civetta(world.shop, ['sync']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^civetta sync run \d+: /m);
    expect(run.stdout).not.toMatch(/civetta sync run \d+/);
    expect(run.stdout).toMatch(/unchanged/);
  });

  it('without --config the config is found from a subfolder of the shop', async () => {
    const deeper = join(world.shop.dir.path, 'ordini', '2026');
    mkdirSync(deeper, { recursive: true });
    const run = await spawnExact(['--json', 'hooks', '--channel', 'ebay'], { cwd: deeper, env: { ...bareEnv(), CI: '1' } });
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(onlyJson<{ channels: Record<string, unknown> }>(run).channels)).toEqual(['ebay']);
  });
});

describe('spinners: only on a terminal, never under CI', () => {
  it('piped stderr without CI (colour allowed): no spinner, no escape code', async () => {
    const run = await spawnExact(['--config', world.shop.configFile, 'sync', '--channel', 'ebay'], { cwd: world.shop.dir.path, env: bareEnv() });
    expect(run.code, run.stderr).toBe(0);
    expectPlainStreams(run);
  });

  it('on a terminal under CI: no spinner', async () => {
    const run = await spawnExact(['--config', world.shop.configFile, 'sync', '--channel', 'ebay'], { cwd: world.shop.dir.path, env: { ...bareEnv(), CI: 'true' }, tty: true });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/civetta sync run \d+/);
    expect(run.stdout).not.toMatch(SPINNER_FRAMES);
  });

  it('on a terminal without CI: the spinner shows (the check above can fail)', async () => {
    const run = await spawnExact(['--config', world.shop.configFile, 'sync', '--channel', 'ebay'], { cwd: world.shop.dir.path, env: { ...bareEnv(), TERM: 'xterm' }, tty: true });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(SPINNER_FRAMES);
    expect(run.stdout).toMatch(ANSI);
  });
});

describe('a reader that stops early', () => {
  it('`civetta validate | head -1`: no EPIPE crash, the exit code is the run\'s', async () => {
    const child = spawn(process.execPath, [BIN, '--config', world.shop.configFile, 'validate'], { cwd: world.shop.dir.path, env: { ...bareEnv(), CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Read the first chunk, then close the pipe as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const run: CliRun = { code, stdout: '', stderr };
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
    expect(run.code).toBe(0);
  });
});
