import { describe, expect, it } from 'vitest';
import { civetta, civettaJson } from '../support/run-cli.js';
import { shopOnSimulator } from '../support/simulator.js';
import { expectedHooks, ledgerRows } from './sync-helpers.js';

// A cron run every few minutes must not burn a listing's daily revisions.
const world = shopOnSimulator({ shop: { sync: { maxRevisionsPerDay: { amazon: 1, ebay: 1 }, quantityDeadBand: 3 } } });

interface Report {
  plan: { actions: Array<{ kind: string; sku: string }>; deferred: Array<{ channel: string; sku: string; why: string }> };
}

describe('revision budget', () => {
  it('skips small upward moves, and defers changes once a listing used its revisions today', async () => {
    const { sim, shop } = world;
    const [sku] = (await expectedHooks(shop)).amazon;
    expect((await civetta(shop, 'sync')).code).toBe(0);

    // 7 in stock → 6 offered on Amazon (reserve 1, max 10); 8 in stock → 7: inside the dead band of 3.
    shop.setRow(sku!, { Giacenza: '7' });
    expect((await civetta(shop, 'sync')).code).toBe(0);
    shop.setRow(sku!, { Giacenza: '8' });
    let before = sim.writeCount('amazon');
    const small = await civettaJson<Report>(shop, 'sync', '--channel', 'amazon');
    expect(small.code, small.stderr).toBe(0);
    expect(small.json.plan.deferred).toEqual([expect.objectContaining({ channel: 'amazon', sku, why: 'dead-band' })]);
    expect(sim.writeCount('amazon') - before).toBe(0);

    // A file a safety guard refuses leaves the dead band's clock alone. Before: planning on it
    // (the row gone, so no deferral) stopped the clock, and the wait began again with the next
    // good file: a dead band that a bad file every few runs kept from ever closing.
    const clock = () => ledgerRows<{ since: string }>(shop, "SELECT since FROM dead_band WHERE channel = 'amazon' AND sku = ?", sku);
    const since = clock();
    expect(since).toHaveLength(1);
    const all = shop.rows;
    shop.writeStock(all.filter((r) => r.Codice !== sku).slice(0, Math.floor(all.length * 0.8)));
    try {
      const refused = await civetta(shop, 'sync', '--channel', 'amazon');
      expect(refused.code, refused.stdout + refused.stderr).toBe(4);
      expect(clock()).toEqual(since);
    } finally {
      shop.writeStock(all);
    }

    // Today's one revision was spent by the move to 6, yet a drop still goes, alone: the listing
    // must not show stock the shop no longer has.
    shop.setRow(sku!, { Giacenza: '4' });
    before = sim.writeCount('amazon');
    const drop = await civettaJson<Report>(shop, 'sync', '--channel', 'amazon');
    expect(drop.code, drop.stderr).toBe(0);
    expect(drop.json.plan.actions.map((a) => [a.kind, a.sku])).toEqual([['update', sku]]);
    expect(drop.json.plan.deferred).toEqual([]);
    expect(sim.writeCount('amazon') - before).toBe(1);
    expect(sim.amazon.listing(sku!)?.quantity).toBe(3);

    // A price change waits for tomorrow.
    const row = shop.rows.find((r) => r.Codice === sku)!;
    shop.setRow(sku!, { Prezzo: (Number(row.Prezzo) * 1.1).toFixed(2) });
    before = sim.writeCount('amazon');
    const capped = await civettaJson<Report>(shop, 'sync', '--channel', 'amazon');
    expect(capped.code, capped.stderr).toBe(0);
    expect(capped.json.plan.actions).toEqual([]);
    expect(capped.json.plan.deferred).toEqual([expect.objectContaining({ channel: 'amazon', sku, why: 'revision-cap' })]);
    expect(sim.writeCount('amazon') - before).toBe(0);
    const human = await civetta(shop, 'plan', '--channel', 'amazon');
    expect(human.stdout).toContain('revisions already sent today (limit 1): deferred to tomorrow');
  }, 180_000);
});
