import { afterEach, describe, expect, it } from 'vitest';
import type { ListingChange } from '../../../src/channels/channel.js';
import { IT, offer } from './helpers.js';
import { simChannel, type SimChannel } from './sim-support.js';

let s: SimChannel | undefined;
afterEach(async () => {
  await s?.sim.close();
  s = undefined;
});

const catalog = [
  { ean: '8001234567890', asin: 'B0LEGO0001', title: 'LEGO City Stazione dei Pompieri', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' },
  { ean: '4006381333931', asin: 'B0PEN00001', title: 'Evidenziatore', brand: 'Stabilo', productType: 'WRITING_INSTRUMENT' },
  { ean: '4006381333931', asin: 'B0PEN00002', title: 'Evidenziatore x4', brand: 'Stabilo', productType: 'WRITING_INSTRUMENT' },
];
const seeded = (sku: string, quantity: number, price: number) => ({
  sku,
  productType: 'TOY_BUILDING_BLOCK',
  attributes: {
    merchant_suggested_asin: [{ value: 'B0LEGO0001', marketplace_id: IT }],
    condition_type: [{ value: 'new_new', marketplace_id: IT }],
    purchasable_offer: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: price }] }] }],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
  },
});

describe('Amazon channel against the simulator: JSON_LISTINGS_FEED', () => {
  it('above feedThreshold: create, price, quantity and delist go in one feed; the report maps back to SKUs', async () => {
    s = await simChannel({ amazon: { catalog, listings: [seeded('OLD-1', 4, 30), seeded('OLD-2', 4, 30), seeded('OLD-3', 4, 30)] } }, { feedThreshold: 3 });
    const remote = { asin: 'B0LEGO0001', productType: 'TOY_BUILDING_BLOCK' };
    const changes: ListingChange[] = [
      { kind: 'create', offer: offer({ sku: 'NEW-1', priceMinor: 2490, quantity: 3 }) },
      { kind: 'create', offer: offer({ sku: 'PEN', product: { ean: '4006381333931', brand: 'Stabilo', title: 'Evidenziatore' } }) },
      { kind: 'update', offer: offer({ sku: 'OLD-1', priceMinor: 2790 }), fields: ['price'], remote },
      { kind: 'update', offer: offer({ sku: 'OLD-2', quantity: 8 }), fields: ['quantity'], remote },
      { kind: 'delist', sku: 'OLD-3', remote },
    ];
    const outcomes = await s.apply(changes);

    expect(outcomes.map((o) => [o.sku, o.kind, o.ok])).toEqual([
      ['PEN', 'create', false],
      ['NEW-1', 'create', true],
      ['OLD-1', 'update', true],
      ['OLD-2', 'update', true],
      ['OLD-3', 'delist', true],
    ]);
    expect(outcomes[0]?.errors[0]?.code).toBe('ambiguous-catalog-match');
    expect(outcomes[1]).toMatchObject({ remote: { asin: 'B0LEGO0001' }, request: 'JSON_LISTINGS_FEED message=1 UPDATE LISTING_OFFER_ONLY asin=B0LEGO0001 sku=NEW-1 price=24.90 EUR qty=3' });
    expect(outcomes[1]?.response).toMatch(/^feed \S+ DONE accepted/);

    // What the simulator received: no per-item listing calls, one feed.
    for (const op of ['putListingsItem', 'patchListingsItem', 'deleteListingsItem']) expect(s.sim.count(op)).toBe(0);
    expect(s.sim.count('createFeedDocument')).toBe(1);
    expect(s.sim.count('createFeed')).toBe(1);
    const created = s.sim.requests.find((r) => r.operation === 'createFeed');
    expect(created?.body).toMatchObject({ feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [IT] });
    const upload = s.sim.requests.find((r) => r.service === 'documents' && r.method === 'PUT');
    expect(upload?.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(upload?.headers['x-amz-access-token']).toBeUndefined();
    const doc = upload?.body as { messages: Array<{ messageId: number; sku: string; operationType: string }> };
    expect(doc.messages.map((m) => [m.messageId, m.sku, m.operationType])).toEqual([
      [1, 'NEW-1', 'UPDATE'],
      [2, 'OLD-1', 'PATCH'],
      [3, 'OLD-2', 'PATCH'],
      [4, 'OLD-3', 'DELETE'],
    ]);
    expect(s.sim.count('getFeed')).toBeGreaterThanOrEqual(2);
    // The report came GZIP-compressed (the simulator's default, as Amazon does) and was read.
    expect(s.sim.requests.filter((r) => r.operation === 'downloadFeedDocument').map((r) => r.status)).toEqual([200]);

    // And the state it holds afterwards.
    expect(s.sim.amazon.listing('NEW-1')).toMatchObject({ asin: 'B0LEGO0001', price: { amount: 24.9, currency: 'EUR' }, quantity: 3 });
    expect(s.sim.amazon.listing('OLD-1')?.price).toEqual({ amount: 27.9, currency: 'EUR' });
    expect(s.sim.amazon.listing('OLD-2')?.quantity).toBe(8);
    expect(s.sim.amazon.listing('OLD-3')).toBeUndefined();
  });

  it.each(['GZIP', 'NONE'] as const)('an invalid message fails only its SKU, with the issue from the %s processing report', async (compression) => {
    s = await simChannel({ feedResultCompression: compression, amazon: { catalog, listings: [seeded('OLD-1', 4, 30)] } }, { feedThreshold: 1 });
    const outcomes = await s.apply([
      { kind: 'update', offer: offer({ sku: 'OLD-1', quantity: 2 }), fields: ['quantity'], remote: {} },
      { kind: 'update', offer: offer({ sku: 'GHOST', quantity: 2 }), fields: ['quantity'], remote: {} },
    ]);
    expect(outcomes.map((o) => [o.sku, o.ok])).toEqual([['OLD-1', true], ['GHOST', false]]);
    expect(outcomes[1]?.errors.length).toBeGreaterThan(0);
    expect(outcomes[1]?.response).toMatch(/^feed \S+ DONE invalid issues=/);
    expect(s.sim.amazon.listing('OLD-1')?.quantity).toBe(2);
  });
});

describe('Amazon feeds under faults (simulator)', () => {
  const twoUpdates = (): ListingChange[] => [
    { kind: 'update', offer: offer({ sku: 'OLD-1', quantity: 5 }), fields: ['quantity'], remote: {} },
    { kind: 'update', offer: offer({ sku: 'OLD-2', quantity: 6 }), fields: ['quantity'], remote: {} },
  ];

  it('a 429 storm on getFeed and a reset connection on createFeedDocument are retried; the feed lands once', async () => {
    s = await simChannel({ amazon: { catalog, listings: [seeded('OLD-1', 4, 30), seeded('OLD-2', 4, 30)] } }, { feedThreshold: 1 });
    s.sim.faults.set({ throttleNext: { getFeed: 3 }, resetNext: { createFeedDocument: 1 } });
    const outcomes = await s.apply(twoUpdates());
    expect(outcomes.map((o) => [o.sku, o.ok])).toEqual([['OLD-1', true], ['OLD-2', true]]);
    expect(s.sim.requests.filter((r) => r.operation === 'createFeedDocument').map((r) => r.status)).toEqual([0, 201]);
    expect(s.sim.requests.filter((r) => r.operation === 'getFeed').slice(0, 3).map((r) => r.status)).toEqual([429, 429, 429]);
    expect(s.sim.count('createFeed')).toBe(1);
    expect(s.sim.amazon.listing('OLD-2')?.quantity).toBe(6);
  });

  it('createFeed is never resent after a 5xx (it could submit twice): every item fails, nothing applied', async () => {
    s = await simChannel({ amazon: { catalog, listings: [seeded('OLD-1', 4, 30), seeded('OLD-2', 4, 30)] } }, { feedThreshold: 1 });
    s.sim.faults.set({ errorRate: { createFeed: 1 } });
    const outcomes = await s.apply(twoUpdates());
    expect(s.sim.count('createFeed')).toBe(1);
    expect(outcomes.map((o) => [o.sku, o.ok])).toEqual([['OLD-1', false], ['OLD-2', false]]);
    expect(outcomes[0]?.response).toMatch(/^feed not submitted: HTTP 50[03]/);
    expect(s.sim.amazon.listing('OLD-1')?.quantity).toBe(4);
  });
});
