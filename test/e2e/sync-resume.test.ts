import { describe, expect, it } from 'vitest';
import { syncKilledAfter } from '../support/kill-sync.js';
import { civetta, runCli } from '../support/run-cli.js';
import { freshShops, remoteState } from '../support/simulator.js';
import { ledgerRows } from './sync-helpers.js';

const freshShop = freshShops();

describe('a sync killed part-way', () => {
  it('re-runs to the same remote state as an uninterrupted run: no duplicate listing, no lost action record', async () => {
    const baseline = await freshShop();
    const straight = await civetta(baseline.shop, 'sync');
    expect(straight.code, straight.stderr).toBe(0);
    const expected = remoteState(baseline.sim);

    const { sim, shop } = await freshShop();
    // Slow answers so the kill lands in the middle of the writes, not after them.
    sim.faults.set({ latencyMs: { '*': 40 } });
    const killed = await syncKilledAfter(sim, shop, 5);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.writesSeen).toBeLessThan(16);
    const interrupted = ledgerRows<{ outcome: string }>(shop, "SELECT outcome FROM actions WHERE outcome = 'pending'");
    expect(interrupted.length).toBeGreaterThan(0);
    sim.faults.clear();

    const rerun = await civetta(shop, 'sync');
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(remoteState(sim)).toEqual(expected);
    for (const l of remoteState(sim).ebay) expect(l.offers).toBe(1);

    // Every action of the killed run was settled, and every live listing has the create that made it.
    expect(ledgerRows(shop, "SELECT id FROM actions WHERE outcome = 'pending'")).toEqual([]);
    const created = ledgerRows<{ key: string }>(shop, "SELECT DISTINCT channel || ':' || sku AS key FROM actions WHERE kind = 'create' AND outcome = 'ok' ORDER BY key");
    const live = [...expected.amazon.map((l) => `amazon:${l.sku}`), ...expected.ebay.map((l) => `ebay:${l.sku}`)].sort();
    expect(created.map((r) => r.key)).toEqual(live);
    const runs = ledgerRows<{ exit_code: number | null; finished_at: string | null }>(shop, 'SELECT exit_code, finished_at FROM sync_runs ORDER BY id');
    expect(runs).toEqual([{ exit_code: null, finished_at: null }, { exit_code: 0, finished_at: expect.any(String) }]);

    const before = sim.writeCount();
    const third = await civetta(shop, 'sync');
    expect(third.code, third.stderr).toBe(0);
    expect(sim.writeCount() - before).toBe(0);
  }, 180_000);
});

describe('two syncs at once', () => {
  it('one runs, the other exits 3 at once without touching anything', async () => {
    const { sim, shop } = await freshShop();
    // Every answer takes 1.5 s, so the first run holds the lock for many seconds while the second starts.
    sim.faults.set({ latencyMs: { '*': 1500 } });
    const first = runCli(['--config', shop.configFile, 'sync'], { cwd: shop.dir.path, timeoutMs: 120_000 });
    // The lock is taken before the first request, so once the simulator sees one, it is held.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (sim.count() > 0) {
          clearInterval(poll);
          resolve();
        }
      }, 2);
    });
    const second = await runCli(['--config', shop.configFile, 'sync'], { cwd: shop.dir.path, timeoutMs: 60_000 });
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/Another civetta run holds the ledger lock \(civetta sync, pid \d+/);
    sim.faults.clear();
    const done = await first;
    expect(done.code, done.stderr).toBe(0);
    expect(ledgerRows<{ n: number }>(shop, 'SELECT count(*) AS n FROM sync_runs')).toEqual([{ n: 1 }]);
  }, 180_000);
});
