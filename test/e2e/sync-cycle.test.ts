import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { civetta, civettaJson } from '../support/run-cli.js';
import { liveSkus, remoteState, shopOnSimulator } from '../support/simulator.js';
import { expectedHooks, ledgerRows } from './sync-helpers.js';

// One shop through its life on both channels, each step a real `civetta` process against the
// simulator: first listing, an idle re-run, a stock change, a product dropping out.
const world = shopOnSimulator();

interface Report {
  exitCode: number;
  succeeded: number;
  failed: unknown[];
  plan: { actions: Array<{ kind: string; channel: string; sku: string; changes?: Array<{ field: string; from: unknown; to: unknown }> }> };
}

describe('civetta sync on both channels', () => {
  let hooks: Awaited<ReturnType<typeof expectedHooks>>;

  it('first sync lists exactly the hooks', async () => {
    const { sim, shop } = world;
    hooks = await expectedHooks(shop);
    expect(hooks.amazon).toHaveLength(4);
    expect(hooks.ebay).toHaveLength(4);
    const planned = await civettaJson<Report['plan']>(shop, 'plan');
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.json.actions.map((a) => `${a.channel}:${a.kind}:${a.sku}`)).toEqual([
      ...hooks.amazon.map((s) => `amazon:create:${s}`),
      ...hooks.ebay.map((s) => `ebay:create:${s}`),
    ]);
    // Looking writes nothing: no ledger file yet, no request to any marketplace.
    expect(existsSync(shop.ledgerFile)).toBe(false);
    expect(sim.count()).toBe(0);
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.succeeded).toBe(8);
    expect(liveSkus(sim)).toEqual(hooks);
    expect(run.stderr).toMatch(/^civetta sync run 1: amazon: 4 create, 0 update, 0 delist, 0 unchanged; ebay: 4 create.*exit 0$/m);
    const listings = ledgerRows<{ channel: string; sku: string; status: string }>(shop, "SELECT channel, sku, status FROM listings WHERE status = 'active' ORDER BY channel, sku");
    expect(listings.map((l) => `${l.channel}:${l.sku}`)).toEqual([...hooks.amazon.map((s) => `amazon:${s}`), ...hooks.ebay.map((s) => `ebay:${s}`)]);
  }, 120_000);

  it('a re-run with nothing changed sends zero write requests', async () => {
    const { sim, shop } = world;
    const before = sim.writeCount();
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.actions).toEqual([]);
    expect(sim.writeCount() - before).toBe(0);
  }, 120_000);

  it('a stock change moves only the affected quantities and prices', async () => {
    const { sim, shop } = world;
    const [qtySku, priceSku] = hooks.amazon;
    const before = remoteState(sim);
    const row = (sku: string) => shop.rows.find((r) => r.Codice === sku)!;
    shop.setRow(qtySku!, { Giacenza: '3' });
    const oldPrice = Number(row(priceSku!).Prezzo);
    shop.setRow(priceSku!, { Prezzo: (oldPrice - 2).toFixed(2) });
    const writes = sim.writeCount();
    const dry = await civettaJson<Report>(shop, 'sync', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(sim.writeCount()).toBe(writes);
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    // --dry-run showed exactly what the sync then applied.
    expect(run.json.plan.actions).toEqual(dry.json.plan.actions);
    const touched = run.json.plan.actions.map((a) => `${a.channel}:${a.kind}:${a.sku}:${a.changes?.map((c) => c.field).join('+')}`).sort();
    const onBoth = (sku: string, field: string) => hooks.ebay.includes(sku) ? [`amazon:update:${sku}:${field}`, `ebay:update:${sku}:${field}`] : [`amazon:update:${sku}:${field}`];
    expect(touched).toEqual([...onBoth(qtySku!, 'quantity'), ...onBoth(priceSku!, 'price')].sort());
    const after = remoteState(sim);
    // Stock 3 − reserve 1 = 2 units on each channel.
    expect(after.amazon.find((l) => l.sku === qtySku)?.quantity).toBe(2);
    expect(after.amazon.find((l) => l.sku === priceSku)?.price).toBeLessThan(before.amazon.find((l) => l.sku === priceSku)!.price!);
    const untouched = (s: typeof before) => s.amazon.filter((l) => l.sku !== qtySku && l.sku !== priceSku);
    expect(untouched(after)).toEqual(untouched(before));
  }, 120_000);

  it('a product dropping out of the rules is delisted and the next in rank listed', async () => {
    const { sim, shop } = world;
    const gone = hooks.amazon[2]!;
    // The shop moves it to a category no rule takes (a sold-out hook would stay and wait for stock).
    shop.setRow(gone, { Categoria: 'Ricambi' });
    const next = await expectedHooks(shop);
    expect(next.amazon).not.toContain(gone);
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.actions.filter((a) => a.kind === 'delist').map((a) => `${a.channel}:${a.sku}`).sort()).toEqual(
      [`amazon:${gone}`, ...(hooks.ebay.includes(gone) ? [`ebay:${gone}`] : [])],
    );
    expect(liveSkus(sim)).toEqual(next);
    const after = await civetta(shop, 'sync');
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(/amazon: 0 create, 0 update, 0 delist, 4 unchanged; ebay: 0 create, 0 update, 0 delist, 4 unchanged; 0 ok, 0 failed; exit 0/);
  }, 120_000);

  it('status shows the runs and the listings per channel', async () => {
    const { shop } = world;
    const run = await civettaJson<{ runs: Array<{ command: string; exitCode: number }>; listings: Array<{ channel: string; active: number }> }>(shop, 'status');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.runs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(run.json.listings.map((l) => [l.channel, l.active])).toEqual([['amazon', 4], ['ebay', 4]]);
  }, 60_000);
});
