import { afterEach, describe, expect, it } from 'vitest';
import { ChannelAuthError } from '../../../src/errors.js';
import type { CatalogEntry } from '../../../src/simulator/index.js';
import { IT, offer, stockItem } from './helpers.js';
import { simChannel, type SimChannel } from './sim-support.js';

const catalog: CatalogEntry[] = [
  { ean: '8001234567890', asin: 'B0LEGO0001', title: 'LEGO City Stazione dei Pompieri 60320', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' },
  { ean: '4006381333931', asin: 'B0PEN00001', title: 'Evidenziatore giallo', brand: 'Stabilo', productType: 'WRITING_INSTRUMENT' },
  { ean: '4006381333931', asin: 'B0PEN00002', title: 'Evidenziatore giallo 4 pezzi', brand: 'Stabilo', productType: 'WRITING_INSTRUMENT' },
  { ean: '5012345678900', asin: 'B0OTHER001', title: 'Bambola', brand: 'Mattel', productType: 'DOLL' },
];

let s: SimChannel | undefined;
afterEach(async () => {
  await s?.sim.close();
  s = undefined;
});

const lego = () => offer({ sku: 'CIV-LEGO', priceMinor: 2490, quantity: 3 });
const patchesSent = (sim: SimChannel['sim']) =>
  sim.requests.filter((r) => r.operation === 'patchListingsItem').map((r) => (r.body as { patches: unknown[] }).patches);

describe('Amazon channel against the simulator: listings', () => {
  it('match: one search for all EANs; matched, ambiguous, mismatch, none and no-ean per SKU', async () => {
    s = await simChannel({ amazon: { catalog } });
    const results = await s.channel.match([
      stockItem({ sku: 'A', ean: '8001234567890', title: 'LEGO City Stazione pompieri', brand: 'LEGO' }),
      stockItem({ sku: 'B', ean: '4006381333931', title: 'Evidenziatore', brand: 'Stabilo' }),
      stockItem({ sku: 'C', ean: '5012345678900', title: 'Bambola Barbie', brand: 'Giochi Preziosi' }),
      stockItem({ sku: 'D', ean: '8000000000001', title: 'Puzzle', brand: 'Ravensburger' }),
      stockItem({ sku: 'E', ean: undefined }),
    ]);
    expect(results.map((r) => [r.sku, r.outcome, r.remote?.asin, r.candidates.map((c) => c.id)])).toEqual([
      ['A', 'matched', 'B0LEGO0001', ['B0LEGO0001']],
      ['B', 'ambiguous', undefined, ['B0PEN00001', 'B0PEN00002']],
      ['C', 'mismatch', undefined, ['B0OTHER001']],
      ['D', 'none', undefined, []],
      ['E', 'no-ean', undefined, []],
    ]);
    expect(results[3]?.message).toBe('no match for EAN 8000000000001: will not create');
    const searches = s.sim.requests.filter((r) => r.operation === 'searchCatalogItems');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.query).toMatchObject({
      marketplaceIds: IT,
      identifiers: '8001234567890,4006381333931,5012345678900,8000000000001',
      identifiersType: 'EAN',
      includedData: 'summaries,identifiers,productTypes',
    });
    expect(s.sim.writeCount('amazon')).toBe(0);
  });

  it('create: matches inside apply, then one offer-only PUT on the ASIN; the simulator holds price and stock', async () => {
    s = await simChannel({ amazon: { catalog } });
    const [outcome] = await s.apply([{ kind: 'create', offer: lego() }]);
    expect(outcome).toMatchObject({
      sku: 'CIV-LEGO',
      kind: 'create',
      ok: true,
      remote: { asin: 'B0LEGO0001', productType: 'TOY_BUILDING_BLOCK' },
      request: 'putListingsItem LISTING_OFFER_ONLY asin=B0LEGO0001 sku=CIV-LEGO price=24.90 EUR qty=3',
      errors: [],
    });
    expect(outcome?.response).toMatch(/^ACCEPTED submissionId=\S+/);
    const put = s.sim.requests.find((r) => r.operation === 'putListingsItem');
    expect(put?.path).toBe(`/listings/2021-08-01/items/${s.sim.amazon.sellerId}/CIV-LEGO`);
    expect(put?.body).toMatchObject({ productType: 'TOY_BUILDING_BLOCK', requirements: 'LISTING_OFFER_ONLY' });
    expect(s.sim.amazon.listing('CIV-LEGO')).toMatchObject({ asin: 'B0LEGO0001', price: { amount: 24.9, currency: 'EUR' }, quantity: 3 });
    expect(s.sim.count('searchCatalogItems')).toBe(1);
  });

  it('create of an ambiguous product sends nothing and says why', async () => {
    s = await simChannel({ amazon: { catalog } });
    const [outcome] = await s.apply([{ kind: 'create', offer: offer({ sku: 'PEN', product: { ean: '4006381333931', brand: 'Stabilo', title: 'Evidenziatore' } }) }]);
    expect(outcome).toMatchObject({ ok: false, request: 'match ean=4006381333931 (nothing sent)' });
    expect(outcome?.errors.map((e) => e.code)).toEqual(['ambiguous-catalog-match']);
    expect(s.sim.count('putListingsItem')).toBe(0);
    expect(s.sim.writeCount('amazon')).toBe(0);
  });

  it('adoption, price, quantity and delist: reads back, patches only what changed, deletes or zeroes', async () => {
    s = await simChannel({
      amazon: {
        catalog,
        listings: [
          {
            sku: 'CIV-LEGO',
            productType: 'TOY_BUILDING_BLOCK',
            attributes: {
              merchant_suggested_asin: [{ value: 'B0LEGO0001', marketplace_id: IT }],
              condition_type: [{ value: 'new_new', marketplace_id: IT }],
              purchasable_offer: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 26.5 }] }] }],
              fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 4 }],
            },
          },
        ],
      },
    });
    const live = await s.channel.readListings(['CIV-LEGO', 'CIV-NEW']);
    expect(live.get('CIV-LEGO')).toMatchObject({ sku: 'CIV-LEGO', remote: { asin: 'B0LEGO0001', productType: 'TOY_BUILDING_BLOCK' }, priceMinor: 2650, quantity: 4, currency: 'EUR' });
    expect(live.get('CIV-NEW')).toEqual({ sku: 'CIV-NEW', status: 'missing', remote: {} });
    expect(s.sim.requests.find((r) => r.operation === 'searchListingsItems')?.query).toMatchObject({
      identifiers: 'CIV-LEGO,CIV-NEW',
      identifiersType: 'SKU',
      // Only what remoteListingFromItem reads (of the attributes, the GPSR contacts).
      includedData: 'summaries,offers,fulfillmentAvailability,issues,attributes',
      issueLocale: 'it_IT',
    });

    const remote = live.get('CIV-LEGO')?.remote ?? {};
    const [price] = await s.apply([{ kind: 'update', offer: offer({ sku: 'CIV-LEGO', priceMinor: 2250 }), fields: ['price'], remote }]);
    expect(price).toMatchObject({ ok: true, request: 'patchListingsItem sku=CIV-LEGO price=22.50 EUR' });
    const [qty] = await s.apply([{ kind: 'update', offer: offer({ sku: 'CIV-LEGO', quantity: 9 }), fields: ['quantity'], remote }]);
    expect(qty).toMatchObject({ ok: true, request: 'patchListingsItem sku=CIV-LEGO qty=9' });
    expect(patchesSent(s.sim).map((p) => p.map((x) => (x as { path: string }).path))).toEqual([
      ['/attributes/purchasable_offer', '/attributes/list_price'],
      ['/attributes/fulfillment_availability'],
    ]);
    expect(s.sim.amazon.listing('CIV-LEGO')).toMatchObject({ price: { amount: 22.5, currency: 'EUR' }, quantity: 9 });

    const [gone] = await s.apply([{ kind: 'delist', sku: 'CIV-LEGO', remote }]);
    expect(gone).toMatchObject({ ok: true, kind: 'delist', request: 'deleteListingsItem sku=CIV-LEGO' });
    expect(s.sim.amazon.listing('CIV-LEGO')).toBeUndefined();
    expect(s.sim.count('putListingsItem')).toBe(0);
  });

  it('delistBy zero keeps the listing with quantity 0', async () => {
    s = await simChannel({ amazon: { catalog } }, { delistBy: 'zero' });
    await s.apply([{ kind: 'create', offer: lego() }]);
    const [outcome] = await s.apply([{ kind: 'delist', sku: 'CIV-LEGO', remote: { productType: 'TOY_BUILDING_BLOCK' } }]);
    expect(outcome).toMatchObject({ ok: true, request: 'patchListingsItem sku=CIV-LEGO qty=0 (delist)' });
    expect(s.sim.amazon.listing('CIV-LEGO')).toMatchObject({ quantity: 0 });
    expect(s.sim.count('deleteListingsItem')).toBe(0);
  });

  it('token expiry mid-run: one refresh, the call is resent and lands', async () => {
    s = await simChannel({ amazon: { catalog } });
    await s.apply([{ kind: 'create', offer: lego() }]);
    s.sim.faults.expireTokens();
    const [outcome] = await s.apply([{ kind: 'update', offer: offer({ sku: 'CIV-LEGO', priceMinor: 1990 }), fields: ['price'], remote: { productType: 'TOY_BUILDING_BLOCK' } }]);
    expect(outcome?.ok).toBe(true);
    expect(s.sim.count('lwaToken')).toBe(2);
    expect(s.sim.requests.filter((r) => r.operation === 'patchListingsItem').map((r) => r.status)).toEqual([403, 200]);
    expect(s.sim.amazon.listing('CIV-LEGO')?.price).toEqual({ amount: 19.9, currency: 'EUR' });
  });

  it('a revoked refresh token stops the run with ChannelAuthError before any write', async () => {
    s = await simChannel({ amazon: { catalog } });
    s.sim.revokeRefreshToken('amazon', 'Atzr|civetta-simulator');
    await expect(s.apply([{ kind: 'create', offer: lego() }])).rejects.toBeInstanceOf(ChannelAuthError);
    expect(s.sim.count('lwaToken')).toBe(1);
    expect(s.sim.count()).toBe(1);
    expect(s.sim.writeCount('amazon')).toBe(0);
  });

  it('a 429 storm is waited out and retried; the item lands once', async () => {
    s = await simChannel({ amazon: { catalog } });
    await s.apply([{ kind: 'create', offer: lego() }]);
    s.sim.faults.set({ throttleNext: { patchListingsItem: 3 } });
    const [outcome] = await s.apply([{ kind: 'update', offer: offer({ sku: 'CIV-LEGO', quantity: 1 }), fields: ['quantity'], remote: {} }]);
    expect(outcome?.ok).toBe(true);
    expect(s.sim.requests.filter((r) => r.operation === 'patchListingsItem').map((r) => r.status)).toEqual([429, 429, 429, 200]);
    expect(s.sim.amazon.listing('CIV-LEGO')?.quantity).toBe(1);
  });

  it('5xx answers are retried up to the bound, then reported per item', async () => {
    s = await simChannel({ amazon: { catalog } });
    await s.apply([{ kind: 'create', offer: lego() }]);
    s.sim.faults.set({ errorRate: { patchListingsItem: 1 } });
    const [outcome] = await s.apply([{ kind: 'update', offer: offer({ sku: 'CIV-LEGO', quantity: 2 }), fields: ['quantity'], remote: {} }]);
    const statuses = s.sim.requests.filter((r) => r.operation === 'patchListingsItem').map((r) => r.status);
    expect(statuses).toHaveLength(4);
    expect(statuses.every((st) => st === 500 || st === 503)).toBe(true);
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome?.response).toMatch(/^HTTP 50[03] requestId=\S+/);
    expect(outcome?.errors[0]?.code).toMatch(/^(InternalFailure|ServiceUnavailable)$/);
    expect(s.sim.amazon.listing('CIV-LEGO')?.quantity).toBe(3);
  });
});

describe('Amazon channel against the simulator: pacing and batching', () => {
  it('twelve patches at once are paced by the documented bucket (5/s, burst 5): no 429', async () => {
    const skus = Array.from({ length: 12 }, (_, i) => `CIV-${String(i).padStart(2, '0')}`);
    s = await simChannel({
      amazon: {
        listings: skus.map((sku) => ({
          sku,
          productType: 'PRODUCT',
          attributes: { fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }], condition_type: [{ value: 'new_new', marketplace_id: IT }], merchant_suggested_asin: [{ value: 'B0LEGO0001', marketplace_id: IT }] },
        })),
        catalog,
      },
    });
    const outcomes = await s.apply(skus.map((sku) => ({ kind: 'update' as const, offer: offer({ sku, quantity: 6 }), fields: ['quantity' as const], remote: {} })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(12);
    expect(s.sim.requests.filter((r) => r.operation === 'patchListingsItem').map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(s.sim.amazon.listings().map((l) => l.quantity)).toEqual(Array(12).fill(6));
  });

  it('readListings asks at most 20 SKUs per call', async () => {
    s = await simChannel();
    const skus = Array.from({ length: 25 }, (_, i) => `S${i}`);
    const live = await s.channel.readListings(skus);
    expect([...live.values()].every((l) => l.status === 'missing')).toBe(true);
    expect(s.sim.requests.filter((r) => r.operation === 'searchListingsItems').map((r) => r.query.identifiers?.split(',').length)).toEqual([20, 5]);
  });
});
