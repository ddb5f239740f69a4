import { describe, expect, it } from 'vitest';
import type { ListingChange } from '../../../src/channels/channel.js';
import { applyAll, ebayOnSimulator, seen } from './sim-harness.js';
import { offer } from './helpers.js';

const A = 'CIV8001234567897';
const B = 'CIV8001234567880';

async function twoLive(options: Parameters<typeof ebayOnSimulator>[0] = {}) {
  const h = await ebayOnSimulator(options);
  const created = await applyAll(h.channel, [
    { kind: 'create', offer: offer({ sku: A }) },
    { kind: 'create', offer: offer({ sku: B, product: { ean: '8001234567880' } }) },
  ]);
  h.sim.clearRequests();
  return { ...h, remoteA: created.get(A)?.remote ?? {}, remoteB: created.get(B)?.remote ?? {} };
}

describe('eBay channel on the simulator: price and quantity in bulk', () => {
  it('one bulkUpdatePriceQuantity call for both SKUs; the bad price fails alone', async () => {
    const { sim, channel, remoteA, remoteB } = await twoLive();
    const changes: ListingChange[] = [
      { kind: 'update', offer: offer({ sku: A, priceMinor: 2290, quantity: 2 }), fields: ['price', 'quantity'], remote: remoteA },
      { kind: 'update', offer: offer({ sku: B, priceMinor: 0, quantity: 3 }), fields: ['price'], remote: remoteB },
    ];
    const out = await applyAll(channel, changes);
    const calls = seen(sim, 'bulkUpdatePriceQuantity');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({
      requests: [
        { sku: A, shipToLocationAvailability: { quantity: 2 }, offers: [{ offerId: remoteA.offerId, availableQuantity: 2, price: { value: '22.90', currency: 'EUR' } }] },
        { sku: B, offers: [{ offerId: remoteB.offerId, price: { value: '0.00', currency: 'EUR' } }] },
      ],
    });
    expect(out.get(A)).toMatchObject({ ok: true, remote: remoteA, errors: [] });
    expect(out.get(B)).toMatchObject({ ok: false, errors: [{ code: '25709', field: 'price' }] });
    expect(sim.ebay.listingFor(A)).toMatchObject({ price: { value: '22.90', currency: 'EUR' }, quantity: 2 });
    expect(sim.ebay.listingFor(B)).toMatchObject({ price: { value: '24.90', currency: 'EUR' } });
    expect(sim.count('createOrReplaceInventoryItem') + sim.count('updateOffer')).toBe(0);
  });

  it('quantity 0 with out-of-stock control: pushes 0, the listing stays (OUT_OF_STOCK)', async () => {
    const { sim, channel, remoteA } = await twoLive({ ebay: { optedInPrograms: ['SELLING_POLICY_MANAGEMENT', 'OUT_OF_STOCK_CONTROL'] } });
    const out = await applyAll(channel, [{ kind: 'update', offer: offer({ sku: A, quantity: 0 }), fields: ['quantity'], remote: remoteA }]);
    expect(out.get(A)).toMatchObject({ ok: true, remote: remoteA, warnings: [] });
    expect(seen(sim, 'bulkUpdatePriceQuantity')[0]?.body).toEqual({
      requests: [{ sku: A, shipToLocationAvailability: { quantity: 0 }, offers: [{ offerId: remoteA.offerId, availableQuantity: 0 }] }],
    });
    expect(sim.count('withdrawOffer')).toBe(0);
    expect(sim.ebay.listingFor(A)).toMatchObject({ listingStatus: 'OUT_OF_STOCK', offerStatus: 'PUBLISHED', listingId: remoteA.listingId });
  });

  it('quantity 0 without out-of-stock control: withdraws, warns, and a relist mints a new listing id', async () => {
    const { sim, channel, remoteA } = await twoLive();
    const zero = await applyAll(channel, [{ kind: 'update', offer: offer({ sku: A, quantity: 0 }), fields: ['quantity'], remote: remoteA }]);
    expect(zero.get(A)).toMatchObject({ ok: true, remote: { offerId: remoteA.offerId }, warnings: [{ code: 'withdrawn-at-zero' }] });
    expect(zero.get(A)?.remote).toHaveProperty('listingId', undefined);
    // A ledger merging remotes the way src/executor does forgets the ended listing id.
    expect({ ...remoteA, ...zero.get(A)?.remote }.listingId).toBeUndefined();
    expect(sim.count('getOptedInPrograms')).toBe(1);
    expect(sim.count('bulkUpdatePriceQuantity')).toBe(0);
    expect(seen(sim, 'withdrawOffer')[0]?.body).toEqual({});
    const back = await applyAll(channel, [{ kind: 'update', offer: offer({ sku: A, quantity: 4 }), fields: ['quantity'], remote: zero.get(A)?.remote ?? {} }]);
    const relisted = back.get(A);
    expect(relisted?.ok).toBe(true);
    expect(relisted?.remote?.listingId).toBeDefined();
    expect(relisted?.remote?.listingId).not.toBe(remoteA.listingId);
    expect(sim.ebay.listingFor(A)).toMatchObject({ listingStatus: 'ACTIVE', quantity: 4, listingId: relisted?.remote?.listingId });
  });
});

describe('eBay channel on the simulator: content updates replace whole objects', () => {
  it('keeps the EAN and pictures eBay has when the shop row lost them, and sends the full offer', async () => {
    const { sim, channel, remoteA } = await twoLive();
    const changed = offer({ sku: A, priceMinor: 2590, product: { title: 'Stazione di Polizia LEGO City 60316', ean: undefined, images: [] } });
    const out = await applyAll(channel, [{ kind: 'update', offer: changed, fields: ['content', 'price'], remote: remoteA }]);
    expect(out.get(A)).toMatchObject({ ok: true, remote: remoteA, errors: [] });
    const item = seen(sim, 'bulkCreateOrReplaceInventoryItem')[0]?.body as { requests: Array<Record<string, unknown>> };
    expect(item.requests).toHaveLength(1);
    expect(item.requests[0]).toMatchObject({
      sku: A,
      locale: 'it_IT',
      condition: 'NEW',
      availability: { shipToLocationAvailability: { quantity: 3 } },
      product: { title: 'Stazione di Polizia LEGO City 60316', ean: ['8001234567897'], imageUrls: ['https://negozio.example/img/60316.jpg'], aspects: { Marca: ['LEGO'], Tema: ['City'] } },
    });
    const stored = sim.ebay.inventoryItem(A) as { product: Record<string, unknown> };
    expect(stored.product.ean).toEqual(['8001234567897']);
    expect(stored.product.imageUrls).toEqual(['https://negozio.example/img/60316.jpg']);
    const upd = seen(sim, 'updateOffer')[0];
    expect(upd?.path).toBe(`/sell/inventory/v1/offer/${remoteA.offerId}`);
    expect(upd?.body).toMatchObject({
      availableQuantity: 3,
      categoryId: '183446',
      merchantLocationKey: 'negozio',
      includeCatalogProductDetails: false,
      listingDescription: 'Set nuovo, scatola sigillata.',
      listingPolicies: { fulfillmentPolicyId: '6200000001', paymentPolicyId: '6200000002', returnPolicyId: '6200000003' },
      pricingSummary: { price: { value: '25.90', currency: 'EUR' } },
    });
    expect(upd?.body).not.toHaveProperty('sku');
    expect(upd?.headers['content-language']).toBe('it-IT');
    expect(sim.ebay.listingFor(A)).toMatchObject({ price: { value: '25.90', currency: 'EUR' }, listingId: remoteA.listingId });
  });
});

describe('eBay channel on the simulator: adoption', () => {
  it('reads items (bulk) and offers of the asked SKUs only', async () => {
    const { sim, channel, remoteA } = await twoLive();
    const listings = await channel.readListings([A, 'NOTLISTED1']);
    expect(listings.get(A)).toEqual({ sku: A, status: 'active', remote: remoteA, priceMinor: 2490, currency: 'EUR', quantity: 3 });
    expect(listings.get('NOTLISTED1')).toEqual({ sku: 'NOTLISTED1', status: 'missing', remote: {} });
    expect(seen(sim, 'bulkGetInventoryItem')[0]?.body).toEqual({ requests: [{ sku: A }, { sku: 'NOTLISTED1' }] });
    // eBay holds no item for NOTLISTED1, so it has no offer either: only A's offers are read.
    expect(seen(sim, 'getOffers').map((r) => r.query.sku)).toEqual([A]);
    expect(sim.writeCount('ebay')).toBe(0);
  });

  it('SKUs eBay has never seen are missing (the bulk read answers 400 with per-SKU entries)', async () => {
    const { sim, channel } = await ebayOnSimulator();
    const listings = await channel.readListings(['NEW1', 'NEW2']);
    expect([...listings.values()]).toEqual([
      { sku: 'NEW1', status: 'missing', remote: {} },
      { sku: 'NEW2', status: 'missing', remote: {} },
    ]);
    expect(seen(sim, 'bulkGetInventoryItem').map((r) => r.status)).toEqual([400]);
    expect(sim.count('getOffers')).toBe(0);
  });
});

describe('eBay channel on the simulator: one language on every call', () => {
  it('Content-Language, Accept-Language and the marketplace id go with every API call of a mixed run', async () => {
    const { sim, channel, remoteA, remoteB } = await twoLive({ ebay: { optedInPrograms: ['SELLING_POLICY_MANAGEMENT', 'OUT_OF_STOCK_CONTROL'] } });
    await channel.setupCheck([offer({ sku: A })]);
    await channel.readListings([A, B]);
    await applyAll(channel, [
      { kind: 'update', offer: offer({ sku: A, priceMinor: 2390 }), fields: ['price'], remote: remoteA },
      { kind: 'update', offer: offer({ sku: B, product: { title: 'Nuovo titolo' } }), fields: ['content'], remote: remoteB },
    ]);
    await applyAll(channel, [{ kind: 'delist', sku: A, remote: remoteA }]);
    for await (const page of channel.pullOrders(new Date(Date.now() - 60_000))) expect(page).toBeDefined();
    const api = sim.requests.filter((r) => r.operation !== 'getToken');
    const operations = new Set(api.map((r) => r.operation));
    for (const op of ['getOptedInPrograms', 'getReturnPolicies', 'getInventoryLocation', 'getItemAspectsForCategory', 'bulkGetInventoryItem', 'getOffers', 'bulkUpdatePriceQuantity', 'bulkCreateOrReplaceInventoryItem', 'getOffer', 'updateOffer', 'withdrawOffer', 'getOrders']) {
      expect(operations).toContain(op);
    }
    const wrong = api.filter((r) => r.headers['content-language'] !== 'it-IT' || r.headers['accept-language'] !== 'it-IT' || r.headers['x-ebay-c-marketplace-id'] !== 'EBAY_IT');
    expect(wrong.map((r) => r.operation)).toEqual([]);
  });

  it('useCatalogProductDetails: true is passed on as includeCatalogProductDetails', async () => {
    const { sim, channel } = await ebayOnSimulator({}, { useCatalogProductDetails: true });
    await applyAll(channel, [{ kind: 'create', offer: offer() }]);
    expect(seen(sim, 'bulkCreateOffer')[0]?.body).toMatchObject({ requests: [{ includeCatalogProductDetails: true }] });
  });
});

describe('eBay channel on the simulator: an offer removed by hand', () => {
  it('a content update whose offer id is gone creates a new offer and publishes it', async () => {
    const { sim, channel } = await ebayOnSimulator({
      ebay: { inventoryItems: [{ sku: A, item: { condition: 'NEW', product: { title: 'x', ean: ['8001234567897'], imageUrls: ['https://negozio.example/img/60316.jpg'] } } }] },
    });
    const out = await applyAll(channel, [{ kind: 'update', offer: offer({ sku: A }), fields: ['content'], remote: { offerId: '9999999999', listingId: '110000000999' } }]);
    const o = out.get(A);
    expect(o?.ok).toBe(true);
    expect(seen(sim, 'getOffer').map((r) => r.status)).toEqual([404]);
    expect(sim.count('createOffer')).toBe(1);
    expect(o?.remote?.listingId).toBe(sim.ebay.listingFor(A)?.listingId);
    expect(o?.warnings.map((w) => w.code)).toContain('new-listing-id');
  });
});
