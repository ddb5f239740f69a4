import { describe, expect, it } from 'vitest';
import { LISTING_RULES } from '../../src/channels/registry.js';
import { createChannels } from '../../src/channels/registry.js';
import type { Channel, ChangeOutcome, ListingChange } from '../../src/channels/channel.js';
import { loadConfig } from '../../src/config/load.js';
import { channelHooks } from '../../src/hooks/channel-hooks.js';
import { readShopStock } from '../../src/stock/read-shop-stock.js';
import { collectingLogger } from '../../src/log.js';
import { autoAsin } from '../../src/simulator/index.js';
import { civetta, civettaJson } from '../support/run-cli.js';
import type { TestShop } from '../support/shop.js';
import { freshShops, remoteState } from '../support/simulator.js';
import { ledgerRows } from './sync-helpers.js';

const freshShop = freshShops();

/** Someone else's hands on the marketplace (Seller Central, eBay ending a listing): the adapters used directly. */
async function editElsewhere(shop: TestShop, channel: 'amazon' | 'ebay', change: (offers: Awaited<ReturnType<typeof hookOffers>>) => ListingChange): Promise<ChangeOutcome[]> {
  const loaded = await loadConfig({ cwd: shop.dir.path, file: shop.configFile });
  const adapter = createChannels(loaded, { CI: '1' }, { log: collectingLogger() }, channel).get(channel) as Channel;
  const outcomes: ChangeOutcome[] = [];
  await adapter.apply([change(await hookOffers(shop, channel))], (o) => outcomes.push(o));
  return outcomes;
}

async function hookOffers(shop: TestShop, channel: 'amazon' | 'ebay') {
  const loaded = await loadConfig({ cwd: shop.dir.path, file: shop.configFile });
  return channelHooks(loaded.config, await readShopStock(loaded), channel, LISTING_RULES[channel]).offers;
}

interface PlanJson {
  actions: Array<{ kind: string; channel: string; sku: string; correctsDrift?: boolean; changes?: Array<{ field: string; from: unknown; to: unknown }> }>;
  drift: Array<{ channel: string; sku: string; kind: string; ledger?: string; live?: string }>;
}

describe('drift', () => {
  it('plan --refresh reports a price edited on Amazon and a listing ended on eBay; sync puts back only those', async () => {
    const { sim, shop } = await freshShop();
    expect((await civetta(shop, 'sync')).code).toBe(0);
    const amazonOffers = await hookOffers(shop, 'amazon');
    const edited = amazonOffers[0]!;
    const [remote] = ledgerRows<{ remote: string }>(shop, "SELECT remote FROM listings WHERE channel = 'amazon' AND sku = ?", edited.sku);
    const outcome = await editElsewhere(shop, 'amazon', () => ({ kind: 'update', offer: { ...edited, priceMinor: 1111 }, fields: ['price'], remote: JSON.parse(remote!.remote) }));
    expect(outcome.map((o) => o.ok)).toEqual([true]);
    const ended = (await hookOffers(shop, 'ebay'))[1]!;
    const [ebayRemote] = ledgerRows<{ remote: string }>(shop, "SELECT remote FROM listings WHERE channel = 'ebay' AND sku = ?", ended.sku);
    expect((await editElsewhere(shop, 'ebay', () => ({ kind: 'delist', sku: ended.sku, remote: JSON.parse(ebayRemote!.remote) }))).map((o) => o.ok)).toEqual([true]);

    const blind = await civettaJson<PlanJson>(shop, 'plan');
    expect(blind.json.actions).toEqual([]);
    const before = sim.writeCount();
    const refreshed = await civettaJson<PlanJson>(shop, 'plan', '--refresh');
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expect(sim.writeCount()).toBe(before);
    expect(refreshed.json.drift).toEqual([
      { channel: 'amazon', sku: edited.sku, kind: 'price', ledger: (edited.priceMinor / 100).toFixed(2), live: '11.11' },
      { channel: 'ebay', sku: ended.sku, kind: 'ended', ledger: 'active', live: expect.any(String) },
    ]);
    expect(refreshed.json.actions.map((a) => [a.channel, a.kind, a.sku, a.correctsDrift ?? false])).toEqual([
      ['amazon', 'update', edited.sku, true],
      ['ebay', 'create', ended.sku, false],
    ]);

    const sync = await civetta(shop, 'sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain(`price 11.11 → ${(edited.priceMinor / 100).toFixed(2)}  (puts back a marketplace edit)`);
    const state = remoteState(sim);
    expect(state.amazon.find((l) => l.sku === edited.sku)?.price).toBe(edited.priceMinor / 100);
    expect(state.ebay.find((l) => l.sku === ended.sku)).toMatchObject({ offers: 1, status: 'PUBLISHED/ACTIVE' });
  }, 180_000);
});

describe('adoption', () => {
  it('a hook already live on eBay under its SKU is adopted and updated, never listed twice', async () => {
    const probe = await freshShop();
    const [first] = await hookOffers(probe.shop, 'ebay');
    const sku = first!.sku;
    const { sim, shop } = await freshShop({
      simulator: {
        ebay: {
          inventoryItems: [{ sku, item: { condition: 'NEW', availability: { shipToLocationAvailability: { quantity: 1 } }, product: { title: 'listed by hand' } } }],
          offers: [{ offerId: '9100000077', sku, listingId: '110000000077', details: { pricingSummary: { price: { value: ((first!.priceMinor * 1.2) / 100).toFixed(2), currency: 'EUR' } }, availableQuantity: 1 } }],
        },
      },
    });
    const run = await civettaJson<{ plan: PlanJson; exitCode: number }>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.drift).toContainEqual({ channel: 'ebay', sku, kind: 'adopted', ledger: 'unknown', live: 'active' });
    const action = run.json.plan.actions.find((a) => a.channel === 'ebay' && a.sku === sku);
    expect(action?.kind).toBe('update');
    expect(action?.changes?.map((c) => c.field).sort()).toEqual(['content', 'price', 'quantity']);
    // The other three hooks are new: their offers go in one bulkCreateOffer; the adopted one is not among them.
    const created = sim.requests.filter((r) => r.operation === 'bulkCreateOffer').flatMap((r) => (r.body as { requests: Array<{ sku: string }> }).requests.map((x) => x.sku));
    expect(created).toHaveLength(3);
    expect(created).not.toContain(sku);
    expect(remoteState(sim).ebay.find((l) => l.sku === sku)).toMatchObject({ offers: 1, price: (first!.priceMinor / 100).toFixed(2), status: 'PUBLISHED/ACTIVE' });
  }, 180_000);
});

describe('adoption on Amazon', () => {
  it('a hook already live under its SKU is adopted: updated in place, its content sent once, then left alone', async () => {
    const probe = await freshShop();
    const [first] = await hookOffers(probe.shop, 'amazon');
    const { sku, product } = first!;
    const mp = 'APJ6JRA9NG5V4';
    const { sim, shop } = await freshShop({
      simulator: {
        amazon: {
          listings: [{
            sku,
            productType: 'TOY',
            attributes: {
              merchant_suggested_asin: [{ value: autoAsin(product.ean!), marketplace_id: mp }],
              condition_type: [{ value: 'new_new', marketplace_id: mp }],
              purchasable_offer: [{ marketplace_id: mp, currency: 'EUR', our_price: [{ schedule: [{ value_with_tax: Number(((first!.priceMinor * 0.9) / 100).toFixed(2)) }] }] }],
              fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }],
            },
          }],
        },
      },
    });
    const run = await civettaJson<{ plan: PlanJson }>(shop, 'sync', '--channel', 'amazon');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.drift).toEqual([{ channel: 'amazon', sku, kind: 'adopted', ledger: 'unknown', live: 'active' }]);
    const action = run.json.plan.actions.find((a) => a.sku === sku);
    expect(action?.kind).toBe('update');
    expect(action?.changes?.map((c) => c.field).sort()).toEqual(['content', 'price', 'quantity']);
    expect(remoteState(sim).amazon.find((l) => l.sku === sku)).toMatchObject({ price: first!.priceMinor / 100, quantity: first!.quantity });
    const before = sim.writeCount();
    expect((await civetta(shop, 'sync', '--channel', 'amazon')).code).toBe(0);
    expect(sim.writeCount()).toBe(before);
  }, 180_000);
});

describe('one-off list and delist', () => {
  it('list pins a product no rule selects; sync keeps it; delist ends and unpins it', async () => {
    const { sim, shop } = await freshShop();
    expect((await civetta(shop, 'sync')).code).toBe(0);
    const hooks = new Set((await hookOffers(shop, 'amazon')).map((o) => o.sku));
    const extra = shop.rows.find((r) => !hooks.has(r.Codice!) && r.Categoria === 'LEGO' && Number(r.Giacenza) > 2 && /^\d{13}$/.test(r.EAN ?? ''))!.Codice!;

    const listed = await civettaJson<{ exitCode: number; listing: { status: string; pinned: boolean; priceMinor: number; quantity: number } }>(shop, 'list', extra, '--channel', 'amazon', '--price', '99.90', '--quantity', '2');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json.listing).toMatchObject({ status: 'active', pinned: true, priceMinor: 9990, quantity: 2 });
    expect(remoteState(sim).amazon.find((l) => l.sku === extra)).toMatchObject({ price: 99.9, quantity: 2 });

    const before = sim.writeCount();
    const again = await civettaJson<{ plan: PlanJson }>(shop, 'sync');
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.plan.actions).toEqual([]);
    expect(sim.writeCount()).toBe(before);

    const delisted = await civetta(shop, 'delist', extra, '--channel', 'amazon');
    expect(delisted.code, delisted.stderr).toBe(0);
    expect(delisted.stdout).toContain(`amazon ${extra}: listing ended and unpinned.`);
    expect(remoteState(sim).amazon.find((l) => l.sku === extra)).toBeUndefined();
    expect(ledgerRows(shop, "SELECT status, pinned FROM listings WHERE channel = 'amazon' AND sku = ?", extra)).toEqual([{ status: 'ended', pinned: 0 }]);
    const after = await civettaJson<{ plan: PlanJson }>(shop, 'sync');
    expect(after.json.plan.actions).toEqual([]);
  }, 180_000);

  it('a product listed by hand whose row leaves the stock file goes to quantity 0 (before: it kept selling its last quantity); its row back restores it', async () => {
    const { sim, shop } = await freshShop();
    expect((await civetta(shop, 'sync')).code).toBe(0);
    const hooks = new Set((await hookOffers(shop, 'amazon')).map((o) => o.sku));
    const extra = shop.rows.find((r) => !hooks.has(r.Codice!) && r.Categoria === 'LEGO' && Number(r.Giacenza) > 2 && /^\d{13}$/.test(r.EAN ?? ''))!.Codice!;
    const listed = await civetta(shop, 'list', extra, '--channel', 'amazon', '--price', '99.90');
    expect(listed.code, listed.stderr).toBe(0);
    const listedQuantity = remoteState(sim).amazon.find((l) => l.sku === extra)!.quantity;
    expect(listedQuantity).toBeGreaterThan(0);

    const allRows = shop.rows;
    shop.writeStock(allRows.filter((r) => r.Codice !== extra));
    const gone = await civettaJson<{ plan: PlanJson }>(shop, 'sync', '--channel', 'amazon');
    expect(gone.code, gone.stderr).toBe(0);
    expect(gone.json.plan.actions.filter((a) => a.sku === extra).map((a) => a.kind)).toEqual(['update']);
    expect(remoteState(sim).amazon.find((l) => l.sku === extra)).toMatchObject({ price: 99.9, quantity: 0 });

    shop.writeStock(allRows);
    expect((await civetta(shop, 'sync', '--channel', 'amazon')).code).toBe(0);
    expect(remoteState(sim).amazon.find((l) => l.sku === extra)).toMatchObject({ price: 99.9, quantity: listedQuantity });
  }, 180_000);
});

