import { describe, expect, it } from 'vitest';
import { civetta, civettaJson } from '../support/run-cli.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';
import { expectedHooks, ledgerRows } from './sync-helpers.js';

// The whole life of a shop's listings on both channels, on the strict simulator (GPSR parties
// checked on every eBay publish and revision, listings eBay ends while their offer stays
// PUBLISHED, eBay's own carrier codes): list, update, end, relist, ship. Every run has 0 failed
// items, and a run after the last has nothing to send.
const world = shopOnSimulator();

interface Report {
  exitCode: number;
  failed: unknown[];
  plan: { actions: Array<{ kind: string; channel: string; sku: string }> };
}

async function sync(): Promise<Report> {
  const run = await civettaJson<Report>(world.shop, 'sync');
  expect(run.code, run.stderr).toBe(0);
  expect(run.json.failed).toEqual([]);
  return run.json;
}
const actions = (r: Report) => r.plan.actions.map((a) => `${a.channel}:${a.kind}:${a.sku}`).sort();

describe('full cycle on both channels', () => {
  it('list, update, end, relist, ship: 0 failed items, then a run with 0 writes', async () => {
    const { sim, shop } = world;
    // List.
    const hooks = await expectedHooks(shop);
    await sync();
    expect(liveSkus(sim)).toEqual(hooks);

    // Update: a price on both channels.
    const [priced] = hooks.ebay;
    const row = shop.rows.find((r) => r.Codice === priced)!;
    shop.setRow(priced!, { Prezzo: (Number(row.Prezzo) - 1).toFixed(2) });
    const updated = await sync();
    expect(actions(updated)).toEqual([...(hooks.amazon.includes(priced!) ? [`amazon:update:${priced}`] : []), `ebay:update:${priced}`].sort());

    // End: a product the shop moves to a category no rule takes drops out of the rules and is
    // delisted (a sold-out hook would stay and wait for stock).
    const gone = hooks.ebay[1]!;
    shop.setRow(gone, { Categoria: 'Ricambi' });
    const next = await expectedHooks(shop);
    const ended = await sync();
    expect(ended.plan.actions.filter((a) => a.kind === 'delist').map((a) => `${a.channel}:${a.sku}`)).toContain(`ebay:${gone}`);
    expect(liveSkus(sim)).toEqual(next);

    // Relist: eBay ends a live listing itself; the offer stays PUBLISHED. civetta publishes it
    // again under a new listing id and records it.
    const relisted = next.ebay[0]!;
    const oldId = sim.ebay.listingFor(relisted)!.listingId;
    sim.ebay.endListing(relisted, 'EBAY_ENDED');
    const relist = await sync();
    expect(actions(relist)).toEqual([`ebay:create:${relisted}`]);
    const newId = sim.ebay.listingFor(relisted)!.listingId;
    expect(newId).not.toBe(oldId);
    expect(sim.ebay.listingFor(relisted)).toMatchObject({ listingStatus: 'ACTIVE', offerStatus: 'PUBLISHED' });
    expect(ledgerRows<{ remote: string }>(shop, "SELECT remote FROM listings WHERE channel = 'ebay' AND sku = ?", relisted)[0]?.remote).toContain(newId);
    expect(liveSkus(sim)).toEqual(next);

    // Ship: a buyer on each channel, the orders pulled, tracking sent with each marketplace's code.
    const ebayOrder = sim.buyers.placeOrder({ channel: 'ebay', sku: next.ebay[2]!, quantity: 1 });
    const amazonOrder = sim.buyers.placeOrder({ channel: 'amazon', sku: next.amazon[2]!, quantity: 1 });
    sim.clock.advance(15 * 60_000); // Amazon: paid (pending → unshipped) and past its visibility delay
    const pulled = await civetta(shop, 'orders', 'pull');
    expect(pulled.code, pulled.stderr).toBe(0);
    for (const [order, tracking] of [[ebayOrder, 'BRT0001'], [amazonOrder, 'BRT0002']] as const) {
      const shipped = await civetta(shop, 'orders', 'ship', order.orderId, '--carrier', 'brt', '--tracking', tracking);
      expect(shipped.code, shipped.stderr).toBe(0);
    }
    expect(sim.orders('ebay').find((o) => o.orderId === ebayOrder.orderId)?.shipments.map((s) => [s.carrier, s.trackingNumber])).toEqual([['Bartolini', 'BRT0001']]);
    expect(sim.orders('amazon').find((o) => o.orderId === amazonOrder.orderId)?.shipments.map((s) => [s.carrier, s.trackingNumber])).toEqual([['BRT', 'BRT0002']]);

    // The stock the orders took is synced, then nothing is left to send.
    await sync();
    const writes = sim.writeCount();
    const idle = await sync();
    expect(idle.plan.actions).toEqual([]);
    expect(sim.writeCount() - writes).toBe(0);
  }, 600_000);
});
