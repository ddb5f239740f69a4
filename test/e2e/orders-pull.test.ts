import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/registry.js';
import type { LoadedConfig } from '../../src/config/loaded-config.js';
import { loadConfig } from '../../src/config/load.js';
import { readCursors } from '../../src/ledger/cursors.js';
import { openLedger } from '../../src/ledger/database.js';
import { readOrders } from '../../src/ledger/orders.js';
import { collectingLogger } from '../../src/log.js';
import { pullOrders, type PullReport } from '../../src/orders/pull-orders.js';
import { runSync } from '../../src/sync/run-sync.js';
import { BIN, runCli } from '../support/run-cli.js';
import type { TestShop } from '../support/shop.js';
import { shopOnSimulator } from '../support/simulator.js';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown; dump(value: unknown): string };

let loaded: LoadedConfig;
const log = collectingLogger();

/** Listings with plenty of units and no channel cap, so hundreds of buyers can order. */
function uncapStock(s: TestShop): void {
  // biome-ignore lint/suspicious/noExplicitAny: free-form YAML edited in place
  const config = yaml.load(readFileSync(s.configFile, 'utf8')) as Record<string, any>;
  config.channels.amazon.stock = { reserve: 0 };
  config.channels.ebay.stock = { reserve: 0 };
  writeFileSync(s.configFile, yaml.dump(config));
  s.writeStock(s.rows.map((r) => ({ ...r, Giacenza: '1000' })));
}

async function pull(): Promise<PullReport> {
  const ledger = openLedger(loaded.config.ledger);
  try {
    const { sim } = world;
    const channels = createChannels(loaded, {}, { log, now: () => sim.clock.nowMs() });
    return await pullOrders(ledger, channels, { now: sim.clock.now(), overlapMinutes: 30, firstPullDays: 30, log });
  } finally {
    ledger.close();
  }
}

function ledgerCounts(): { orders: number; distinct: number; lines: number; events: number } {
  const ledger = openLedger(loaded.config.ledger);
  try {
    const n = (sql: string) => (ledger.db.prepare(sql).get() as { n: number }).n;
    return {
      orders: n('SELECT count(*) AS n FROM orders'),
      distinct: n('SELECT count(DISTINCT channel || order_id) AS n FROM orders'),
      lines: n('SELECT count(*) AS n FROM order_lines'),
      events: n('SELECT count(*) AS n FROM order_events'),
    };
  } finally {
    ledger.close();
  }
}

const world = shopOnSimulator({
  shop: { hooksLimit: 4 },
  // The first sync runs in-process, on the simulator's clock.
  prepare: async ({ sim, shop }) => {
    uncapStock(shop);
    loaded = await loadConfig({ cwd: shop.dir.path, file: shop.configFile });
    const report = await runSync(loaded, { dryRun: false, forceGuard: [] }, { env: {}, now: () => sim.clock.now(), log, createChannels });
    expect(report.failed).toEqual([]);
  },
});

describe('orders pull against the simulator', () => {
  it('lands several pages on both channels once each, adds nothing on a second pull, and records status changes', async () => {
    const { sim } = world;
    // eBay pages hold 200 orders, Amazon's 100: three pages each.
    expect(sim.buyers.generate({ channel: 'ebay', count: 450, seed: 3 })).toHaveLength(450);
    expect(sim.buyers.generate({ channel: 'amazon', count: 230, seed: 4 })).toHaveLength(230);
    // Amazon shows orders once they are two minutes old (searchOrders' default lastUpdatedBefore).
    sim.clock.advance(3 * 60_000);
    const first = await pull();
    expect(first.channels.map((c) => [c.channel, c.pages, c.orders, c.inserted, c.error])).toEqual([
      ['amazon', 3, 230, 230, undefined],
      ['ebay', 3, 450, 450, undefined],
    ]);
    expect(ledgerCounts()).toEqual({ orders: 680, distinct: 680, lines: 680, events: 680 });

    const second = await pull();
    expect(second.channels.map((c) => [c.channel, c.inserted, c.updated, c.statusChanges])).toEqual([['amazon', 0, 0, 0], ['ebay', 0, 0, 0]]);
    expect(ledgerCounts()).toEqual({ orders: 680, distinct: 680, lines: 680, events: 680 });

    // Amazon's pending orders are paid after 10 simulated minutes: each is one recorded status change.
    sim.clock.advance(15 * 60_000);
    const third = await pull();
    expect(third.channels.map((c) => [c.channel, c.updated, c.statusChanges])).toEqual([['amazon', 230, 230], ['ebay', 0, 0]]);
    expect(ledgerCounts()).toEqual({ orders: 680, distinct: 680, lines: 680, events: 910 });
    const ledger = openLedger(loaded.config.ledger);
    try {
      expect(new Set(readOrders(ledger, { channel: 'amazon' }).map((o) => o.status))).toEqual(new Set(['unshipped']));
    } finally {
      ledger.close();
    }
  });

  it('a pull killed (SIGKILL) mid-way keeps its committed pages and leaves the cursor; the re-run loses and duplicates nothing', async () => {
    const { sim, shop } = world;
    const before = ledgerCounts();
    const cursorBefore = cursorOf('ebay');
    expect(sim.buyers.generate({ channel: 'ebay', count: 450, seed: 5 })).toHaveLength(450);
    // The pull re-reads the 450 earlier orders (the overlap window before the cursor) and then the
    // new ones: 5 pages of 200. Each page now takes 0.8 s to arrive; the kill lands once the 4th
    // page has arrived (so the 3rd, holding new orders, is committed) and before the 5th.
    sim.faults.set({ latencyMs: { getOrders: 800 } });
    const answered = sim.count('getOrders');
    const child = spawn(process.execPath, [BIN, '--config', shop.configFile, 'orders', 'pull', '--channel', 'ebay'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await until(() => sim.count('getOrders') >= answered + 4);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    sim.faults.clear();

    const killed = ledgerCounts();
    expect(stderr).toBe('');
    expect(killed.orders).toBeGreaterThan(before.orders);
    expect(killed.orders).toBeLessThan(before.orders + 450);
    expect(killed.distinct).toBe(killed.orders);
    expect(cursorOf('ebay')).toBe(cursorBefore);

    const rerun = await pull();
    expect(rerun.channels.find((c) => c.channel === 'ebay')).toMatchObject({ inserted: before.orders + 450 - killed.orders, updated: 0 });
    expect(ledgerCounts()).toEqual({ orders: before.orders + 450, distinct: before.orders + 450, lines: before.lines + 450, events: before.events + 450 });
    expect(cursorOf('ebay')).not.toBe(cursorBefore);
  });
});

describe('civetta orders pull (spawned)', () => {
  it('prints its result once: one line per channel on stdout, nothing repeated on stderr', async () => {
    const { sim, shop } = world;
    expect(sim.buyers.generate({ channel: 'ebay', count: 2, seed: 11 })).toHaveLength(2);
    sim.clock.advance(3 * 60_000);
    const r = await runCli(['--config', shop.configFile, 'orders', 'pull'], { cwd: shop.dir.path });
    expect(r.code, r.stderr).toBe(0);
    const results = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^(amazon|ebay): \d+ order\(s\) in \d+ page\(s\)/.test(l));
    expect(results.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['amazon', 'ebay']);
    expect(r.stdout).toMatch(/^ebay: \d+ order\(s\) in \d+ page\(s\) since \S+ — 2 new, 0 changed/m);
    expect(r.stderr).not.toMatch(/order\(s\) in \d+ page/);
  });

  it('exits 5 when a marketplace refuses the credentials, after pulling the other channel', async () => {
    const { sim, shop } = world;
    const before = ledgerCounts().orders;
    sim.buyers.generate({ channel: 'amazon', count: 3, seed: 9 });
    sim.clock.advance(3 * 60_000);
    sim.revokeRefreshToken('ebay', 'v^1.1#civetta-simulator');
    const r = await runCli(['--config', shop.configFile, 'orders', 'pull', '--json'], { cwd: shop.dir.path });
    expect(r.code).toBe(5);
    const body = JSON.parse(r.stdout) as { error: { exitCode: number; channel: string } };
    expect(body.error).toMatchObject({ exitCode: 5, channel: 'ebay' });
    // Amazon's 3 new orders landed before eBay's refusal.
    expect(ledgerCounts().orders).toBe(before + 3);
  });
});

function cursorOf(channel: 'amazon' | 'ebay'): string | undefined {
  const ledger = openLedger(loaded.config.ledger);
  try {
    return readCursors(ledger, channel)[0]?.lastUpdated;
  } finally {
    ledger.close();
  }
}

/** Waits for a condition the test can observe (no fixed sleep): polls every 20 ms, gives up after 30 s. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached within 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}
