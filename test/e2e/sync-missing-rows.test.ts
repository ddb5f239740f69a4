// A vanished row is not a delisting (issue 11: "5 hooks per channel were delisted and replaced.
// When the good file came back, 3 of the 5 never returned"). A hook whose SKU is missing from an
// accepted stock file goes to quantity 0 on every channel and keeps its slot for
// hooks.missingGraceHours (24); back within it, the same listing is restored; past it, it is
// delisted and replaced. Runs in-process on the simulator's clock, which the test moves.
import { describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/registry.js';
import type { LoadedConfig } from '../../src/config/loaded-config.js';
import { loadConfig } from '../../src/config/load.js';
import { collectingLogger } from '../../src/log.js';
import { runSync } from '../../src/sync/run-sync.js';
import { civetta, civettaJson } from '../support/run-cli.js';
import { liveSkus, remoteState, shopOnSimulator } from '../support/simulator.js';
import { ledgerRows } from './sync-helpers.js';

const HOUR = 3_600_000;
const log = collectingLogger();

// eBay ends a listing at 0 unless the seller opted into out-of-stock control: then the zero is a
// withdrawal and the same offer is published again when the row is back (the only way eBay allows).
describe.each([
  { oos: true, title: 'eBay with out-of-stock control' },
  { oos: false, title: 'eBay without out-of-stock control' },
])('a hook missing from the stock file ($title)', ({ oos }) => {
  let loaded: LoadedConfig;
  let hook: string;
  let before: ReturnType<typeof remoteState>;
  const sync = async () => {
    const report = await runSync(loaded, { dryRun: false, forceGuard: [] }, { env: {}, now: () => world.sim.clock.now(), log, createChannels });
    expect(report.failed, JSON.stringify(report.failed)).toEqual([]);
    expect(report.exitCode).toBe(0);
    return report;
  };
  const offerIds = () => (world.sim.ebay.offers() as Array<{ sku: string; offerId: string }>).map((o) => `${o.sku}:${o.offerId}`).sort();
  const openHooks = (channel: string) => ledgerRows<{ sku: string }>(world.shop, 'SELECT sku FROM hook_history WHERE channel = ? AND until IS NULL ORDER BY sku', channel).map((r) => r.sku);
  const kinds = (report: Awaited<ReturnType<typeof sync>>, sku: string) => report.plan.actions.filter((a) => a.sku === sku).map((a) => [a.channel, a.kind]);
  const dropRow = (sku: string) => {
    const { shop } = world;
    const row = shop.rows.find((r) => r.Codice === sku)!;
    shop.removeRow(sku);
    shop.rows.push(row);
  };

  const world = shopOnSimulator({
    simulator: { rateLimiting: false, ebay: { optedInPrograms: ['SELLING_POLICY_MANAGEMENT', ...(oos ? ['OUT_OF_STOCK_CONTROL'] : [])] } },
    shop: { hooksLimit: 4 },
    prepare: async ({ shop }) => {
      loaded = await loadConfig({ cwd: shop.dir.path, file: shop.configFile });
      await sync();
    },
  });

  if (oos) it('a file the stock-rows guard refuses starts no clock', async () => {
    const { sim, shop } = world;
    const hook = liveSkus(sim).ebay[0]!;
    const all = shop.rows;
    // Under 90% of the last accepted file's rows, the hook's among those gone: a broken file.
    shop.writeStock(all.filter((r) => r.Codice !== hook).slice(0, Math.floor(all.length * 0.8)));
    const writes = sim.writeCount();
    await expect(runSync(loaded, { dryRun: false, forceGuard: [] }, { env: {}, now: () => sim.clock.now(), log, createChannels })).rejects.toThrow(/stock-rows/);
    expect(sim.writeCount()).toBe(writes);
    expect(ledgerRows(shop, 'SELECT sku FROM missing_hooks')).toEqual([]);
    shop.writeStock(all);
  }, 120_000);

  it('goes to quantity 0 on every channel and keeps its slot: no delisting, no replacement', async () => {
    const { sim, shop } = world;
    const live = liveSkus(sim);
    hook = live.amazon.find((s) => live.ebay.includes(s))!;
    expect(hook).toBeDefined();
    before = remoteState(sim);
    const ids = offerIds();
    const hooks = { amazon: openHooks('amazon'), ebay: openHooks('ebay') };
    dropRow(hook);

    const report = await sync();
    // Before: `delist` of the hook and `create` of the next product on both channels.
    expect(report.plan.actions.map((a) => [a.channel, a.kind, a.sku, a.kind === 'update' ? a.changes : []])).toEqual([
      ['amazon', 'update', hook, [{ field: 'quantity', from: before.amazon.find((l) => l.sku === hook)!.quantity, to: 0 }]],
      ['ebay', 'update', hook, [{ field: 'quantity', from: before.ebay.find((l) => l.sku === hook)!.quantity, to: 0 }]],
    ]);
    expect([sim.amazon.listing(hook)?.quantity, sim.ebay.listingFor(hook)?.quantity ?? 0]).toEqual([0, 0]);
    expect(sim.ebay.listingFor(hook)?.listingStatus).toBe(oos ? 'OUT_OF_STOCK' : 'ENDED');
    expect(offerIds()).toEqual(ids);
    expect({ amazon: openHooks('amazon'), ebay: openHooks('ebay') }).toEqual(hooks);
    expect(report.plan.missing.map((m) => [m.channel, m.sku])).toEqual([['amazon', hook], ['ebay', hook]]);

    // The next run sends nothing more for it and still keeps the slot.
    const again = await sync();
    expect(again.plan.actions).toEqual([]);
    expect(ledgerRows(shop, 'SELECT channel, sku FROM missing_hooks ORDER BY channel')).toEqual([
      { channel: 'amazon', sku: hook },
      { channel: 'ebay', sku: hook },
    ]);
  }, 120_000);

  if (oos) it('plan, hooks and status say since when it is missing and when it will be delisted', async () => {
    const { shop } = world;
    const plan = await civetta(shop, 'plan');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(new RegExp(`ebay ${hook}: missing from the stock file since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, delisted after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC unless its row comes back`));
    expect(plan.stdout).toMatch(/ebay: 0 create, 0 update, 0 delist, \d+ unchanged, 1 missing from the stock file/);
    const status = await civetta(shop, 'status');
    expect(status.stdout).toMatch(new RegExp(`amazon ${hook}: missing from the stock file since .*, delisted after`));
    const hooks = await civettaJson<{ channels: Record<string, { hooks: Array<{ sku: string }>; missing: Array<{ sku: string; since: string; delistAfter: string }> }> }>(shop, 'hooks');
    expect(hooks.json.channels.ebay?.missing.map((m) => m.sku)).toEqual([hook]);
    expect(hooks.json.channels.ebay?.hooks.map((h) => h.sku)).not.toContain(hook);
    const since = Date.parse(hooks.json.channels.ebay!.missing[0]!.since);
    expect(Date.parse(hooks.json.channels.ebay!.missing[0]!.delistAfter) - since).toBe(24 * HOUR);
  }, 120_000);

  it('back within the grace: its price and quantity come back on the same offer, no new product is created', async () => {
    const { sim, shop } = world;
    sim.clock.advance(20 * HOUR);
    const ids = offerIds();
    const listingId = sim.ebay.listingFor(hook)?.listingId;
    shop.writeStock();
    const report = await sync();
    // Amazon keeps the listing at 0; eBay too with out-of-stock control, else the same offer is published again.
    expect(kinds(report, hook)).toEqual([['amazon', 'update'], ['ebay', oos ? 'update' : 'create']]);
    expect(report.plan.actions.filter((a) => a.sku !== hook)).toEqual([]);
    expect(offerIds()).toEqual(ids);
    if (oos) expect(sim.ebay.listingFor(hook)?.listingId).toBe(listingId);
    const pick = (s: ReturnType<typeof remoteState>) => ({ amazon: s.amazon.find((l) => l.sku === hook), ebay: s.ebay.find((l) => l.sku === hook) });
    expect(pick(remoteState(sim))).toEqual(pick(before));
    expect(ledgerRows(shop, 'SELECT sku FROM missing_hooks')).toEqual([]);
  }, 120_000);

  it('missing past hooks.missingGraceHours: delisted and replaced by the next product', async () => {
    const { sim, shop } = world;
    const hooks = openHooks('ebay');
    dropRow(hook);
    await sync();
    sim.clock.advance(23 * HOUR);
    expect((await sync()).plan.actions).toEqual([]);
    // Its clock started at the first run that missed it, not at the last.
    sim.clock.advance(1 * HOUR);
    const report = await sync();
    const mine = (channel: string) => report.plan.actions.filter((a) => a.channel === channel).map((a) => [a.kind, a.kind === 'delist' ? a.sku : '']);
    expect(mine('amazon')).toEqual([['create', ''], ['delist', hook]]);
    // Without out-of-stock control eBay already ended it at 0: there is nothing left to end.
    expect(mine('ebay')).toEqual(oos ? [['create', ''], ['delist', hook]] : [['create', '']]);
    expect(report.plan.actions.find((a) => a.kind === 'delist')?.reason).toMatch(/^missing from the stock file since .*: hooks.missingGraceHours is over$/);
    const now = openHooks('ebay');
    expect(now).not.toContain(hook);
    expect(now).toHaveLength(hooks.length);
    expect(liveSkus(sim).ebay.sort()).toEqual(now);
    expect(ledgerRows(shop, 'SELECT sku FROM missing_hooks')).toEqual([]);
  }, 120_000);
});
