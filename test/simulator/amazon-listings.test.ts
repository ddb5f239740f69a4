import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { amazonAccess, amz, AMZ_MP, offerOnlyBody, SELLER } from './helpers.js';

const ASIN = 'B0TESTLEGO';
let sim: Simulator;
let api: ReturnType<typeof amz>;
const item = (sku: string, q = `marketplaceIds=${AMZ_MP}`) => `/listings/2021-08-01/items/${SELLER}/${encodeURIComponent(sku)}?${q}`;

beforeAll(async () => {
  sim = await startSimulator({
    rateLimiting: false,
    amazon: {
      catalog: [{ ean: '5702016617313', asin: ASIN, title: 'LEGO City Stazione di Polizia', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' }],
      listings: [{ sku: 'OLD-1', attributes: offerOnlyBody(ASIN, 10, 1).attributes }],
    },
  });
  api = amz(sim, await amazonAccess(sim));
});
afterAll(async () => sim.close());
beforeEach(() => sim.clearRequests());

describe('putListingsItem', () => {
  it('accepts a well-formed offer-only listing and makes it BUYABLE', async () => {
    const r = await api('PUT', item('CIV-1'), offerOnlyBody(ASIN));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ sku: 'CIV-1', status: 'ACCEPTED', issues: [] });
    expect(r.body.submissionId).toMatch(/^[0-9a-f]{32}$/);
    expect(r.headers.get('x-amzn-requestid')).toMatch(/-/);
    expect(r.headers.get('x-amzn-ratelimit-limit')).toBe('5');
    expect(sim.amazon.listing('CIV-1')).toMatchObject({ asin: ASIN, price: { amount: 24.9, currency: 'EUR' }, quantity: 3, status: ['BUYABLE', 'DISCOVERABLE'] });
    expect(sim.writeCount('amazon')).toBe(1);
  });

  it('answers INVALID with issues for a purchasable_offer whose our_price/schedule are objects, not arrays', async () => {
    const body = offerOnlyBody(ASIN);
    (body.attributes.purchasable_offer[0] as Record<string, unknown>).our_price = { schedule: { value_with_tax: 24.9 } };
    const r = await api('PUT', item('CIV-2'), body);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('INVALID');
    expect(r.body.issues).toEqual([expect.objectContaining({ code: '4000001', severity: 'ERROR', attributeNames: ['purchasable_offer'], categories: ['INVALID_PRICE'] })]);
    expect(sim.amazon.listing('CIV-2')).toBeUndefined();
  });

  it('answers INVALID for an offer without marketplace_id or currency', async () => {
    const body = offerOnlyBody(ASIN);
    delete (body.attributes.purchasable_offer[0] as Record<string, unknown>).marketplace_id;
    const r = await api('PUT', item('CIV-3'), body);
    expect(r.body.status).toBe('INVALID');
    expect(r.body.issues[0].attributeNames).toEqual(['purchasable_offer']);
  });

  it('answers INVALID when fulfillment_availability is missing for an offer', async () => {
    const body = offerOnlyBody(ASIN);
    delete (body.attributes as Record<string, unknown>).fulfillment_availability;
    const r = await api('PUT', item('CIV-4'), body);
    expect(r.body.status).toBe('INVALID');
    expect(r.body.issues).toEqual([expect.objectContaining({ code: '90220', attributeNames: ['fulfillment_availability'], categories: ['MISSING_ATTRIBUTE'] })]);
  });

  it('answers INVALID for an ASIN unknown to the catalogue and for a foreign marketplace_id', async () => {
    const unknown = await api('PUT', item('CIV-5'), offerOnlyBody('B0NOTTHERE'));
    expect(unknown.body.status).toBe('INVALID');
    expect(unknown.body.issues[0].attributeNames).toEqual(['merchant_suggested_asin']);
    const body = offerOnlyBody(ASIN);
    body.attributes.condition_type[0]!.marketplace_id = 'A1PA6795UKMFR9';
    const foreign = await api('PUT', item('CIV-5'), body);
    expect(foreign.body.status).toBe('INVALID');
    expect(foreign.body.issues[0].attributeNames).toEqual(['condition_type']);
  });

  it('answers INVALID when required offer-only attributes are missing', async () => {
    const r = await api('PUT', item('CIV-6'), { productType: 'PRODUCT', requirements: 'LISTING_OFFER_ONLY', attributes: {} });
    expect(r.body.status).toBe('INVALID');
    expect(r.body.issues.map((i: { attributeNames: string[] }) => i.attributeNames[0])).toEqual(['merchant_suggested_asin', 'condition_type']);
  });

  it('returns identifiers only when includedData asks for them', async () => {
    const plain = await api('PUT', item('CIV-10'), offerOnlyBody(ASIN));
    expect(plain.body.identifiers).toBeUndefined();
    const asked = await api('PUT', item('CIV-10', `marketplaceIds=${AMZ_MP}&includedData=identifiers,issues`), offerOnlyBody(ASIN));
    expect(asked.body.identifiers).toEqual([{ marketplaceId: AMZ_MP, asin: ASIN }]);
    expect((await api('PUT', item('CIV-10', `marketplaceIds=${AMZ_MP}&includedData=offers`), offerOnlyBody(ASIN))).status).toBe(400);
  });

  it('returns VALID without saving under mode=VALIDATION_PREVIEW', async () => {
    const r = await api('PUT', item('CIV-7', `marketplaceIds=${AMZ_MP}&mode=VALIDATION_PREVIEW`), offerOnlyBody(ASIN));
    expect(r.body.status).toBe('VALID');
    expect(sim.amazon.listing('CIV-7')).toBeUndefined();
  });

  it('answers 400 InvalidInput for malformed bodies and parameters', async () => {
    const noType = await api('PUT', item('CIV-8'), { attributes: {} });
    expect(noType.status).toBe(400);
    expect(noType.body.errors[0].code).toBe('InvalidInput');
    expect((await api('PUT', item('CIV-8'), '{"productType":')).status).toBe(400);
    expect((await api('PUT', item('CIV-8', ''), offerOnlyBody(ASIN))).status).toBe(400);
    expect((await api('PUT', item('CIV-8', `marketplaceIds=${AMZ_MP},A1PA6795UKMFR9`), offerOnlyBody(ASIN))).status).toBe(400);
    expect((await api('PUT', item('CIV-8', 'marketplaceIds=XXXX'), offerOnlyBody(ASIN))).status).toBe(400);
  });

  it('refuses another seller id as the service does (403)', async () => {
    const r = await api('PUT', `/listings/2021-08-01/items/A2OTHER/CIV-9?marketplaceIds=${AMZ_MP}`, offerOnlyBody(ASIN));
    expect(r.status).toBe(403);
    expect(r.body.errors[0].code).toBe('Unauthorized');
  });
});

describe('patchListingsItem', () => {
  it('replaces price and quantity; quantity 0 keeps the listing but not BUYABLE', async () => {
    await api('PUT', item('P-1'), offerOnlyBody(ASIN));
    const r = await api('PATCH', item('P-1'), {
      productType: 'PRODUCT',
      patches: [
        { op: 'replace', path: '/attributes/purchasable_offer', value: [{ marketplace_id: AMZ_MP, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 22.5 }] }] }] },
        { op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }] },
      ],
    });
    expect(r.body.status).toBe('ACCEPTED');
    expect(sim.amazon.listing('P-1')).toMatchObject({ price: { amount: 22.5 }, quantity: 0, status: ['DISCOVERABLE'] });
  });

  it('merges into the selected offer, keeping its other fields', async () => {
    await api('PUT', item('P-2'), offerOnlyBody(ASIN));
    const r = await api('PATCH', item('P-2'), {
      productType: 'PRODUCT',
      patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 9 }] }],
    });
    expect(r.body.status).toBe('ACCEPTED');
    expect(sim.amazon.listing('P-2')?.attributes.fulfillment_availability).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 9 }]);
    expect(sim.amazon.listing('P-2')?.price?.amount).toBe(24.9);
  });

  it('deletes an attribute; an offer without availability is then INVALID', async () => {
    await api('PUT', item('P-3'), offerOnlyBody(ASIN));
    const r = await api('PATCH', item('P-3'), { productType: 'PRODUCT', patches: [{ op: 'delete', path: '/attributes/fulfillment_availability' }] });
    expect(r.body.status).toBe('INVALID');
    expect(sim.amazon.listing('P-3')?.quantity).toBe(3);
  });

  it('answers 400 for a non-array patch value or no patches, INVALID for an unknown SKU or bad path', async () => {
    const notArray = await api('PATCH', item('P-1'), { productType: 'PRODUCT', patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: { quantity: 1 } }] });
    expect(notArray.status).toBe(400);
    expect(notArray.body.errors[0].code).toBe('InvalidInput');
    expect((await api('PATCH', item('P-1'), { productType: 'PRODUCT', patches: [] })).status).toBe(400);
    expect((await api('PATCH', item('P-1'), { patches: [{ op: 'delete', path: '/attributes/x' }] })).status).toBe(400);
    const unknown = await api('PATCH', item('NOPE'), { productType: 'PRODUCT', patches: [{ op: 'delete', path: '/attributes/x' }] });
    expect(unknown.status).toBe(200);
    expect(unknown.body.status).toBe('INVALID');
    const path = await api('PATCH', item('P-1'), { productType: 'PRODUCT', patches: [{ op: 'replace', path: '/attributes/purchasable_offer/0/currency', value: [{}] }] });
    expect(path.body.status).toBe('INVALID');
  });
});

describe('getListingsItem / deleteListingsItem / searchListingsItems', () => {
  it('returns the requested datasets', async () => {
    await api('PUT', item('G-1'), offerOnlyBody(ASIN, 19.99, 4));
    const r = await api('GET', item('G-1', `marketplaceIds=${AMZ_MP}&includedData=summaries,offers,fulfillmentAvailability,issues,attributes`));
    expect(r.status).toBe(200);
    expect(r.body.summaries[0]).toMatchObject({ marketplaceId: AMZ_MP, asin: ASIN, productType: 'PRODUCT', conditionType: 'new_new', status: ['BUYABLE', 'DISCOVERABLE'], itemName: 'LEGO City Stazione di Polizia' });
    expect(r.body.offers).toEqual([{ marketplaceId: AMZ_MP, offerType: 'B2C', price: { currencyCode: 'EUR', amount: '19.99' }, audience: { value: 'ALL', displayName: 'Sales to all customers' } }]);
    expect(r.body.fulfillmentAvailability).toEqual([{ fulfillmentChannelCode: 'DEFAULT', quantity: 4 }]);
    expect(r.body.issues).toEqual([]);
    expect(r.body.attributes.condition_type[0].value).toBe('new_new');
    const summariesOnly = await api('GET', item('G-1'));
    expect(Object.keys(summariesOnly.body)).toEqual(['sku', 'summaries']);
  });

  it('answers 404 NOT_FOUND for an unknown SKU and 400 for a bad includedData', async () => {
    const r = await api('GET', item('NOPE'));
    expect(r.status).toBe(404);
    expect(r.body.errors[0].code).toBe('NOT_FOUND');
    expect((await api('GET', item('G-1', `marketplaceIds=${AMZ_MP}&includedData=everything`))).status).toBe(400);
  });

  it('deletes a listing', async () => {
    await api('PUT', item('D-1'), offerOnlyBody(ASIN));
    const r = await api('DELETE', item('D-1'));
    expect(r.body.status).toBe('ACCEPTED');
    expect(sim.amazon.listing('D-1')).toBeUndefined();
    expect((await api('DELETE', item('D-1'))).body.status).toBe('INVALID');
  });

  it('searches by SKU, ASIN and EAN with paging; seeded listings are found', async () => {
    const bySku = await api('GET', `/listings/2021-08-01/items/${SELLER}?marketplaceIds=${AMZ_MP}&identifiers=OLD-1&identifiersType=SKU`);
    expect(bySku.body.numberOfResults).toBe(1);
    expect(bySku.body.items[0].sku).toBe('OLD-1');
    const byEan = await api('GET', `/listings/2021-08-01/items/${SELLER}?marketplaceIds=${AMZ_MP}&identifiers=5702016617313&identifiersType=EAN&pageSize=1`);
    expect(byEan.body.numberOfResults).toBeGreaterThan(1);
    expect(byEan.body.items).toHaveLength(1);
    const next = await api('GET', `/listings/2021-08-01/items/${SELLER}?marketplaceIds=${AMZ_MP}&identifiers=5702016617313&identifiersType=EAN&pageSize=1&pageToken=${byEan.body.pagination.nextToken}`);
    expect(next.body.items[0].sku).not.toBe(byEan.body.items[0].sku);
    expect((await api('GET', `/listings/2021-08-01/items/${SELLER}?marketplaceIds=${AMZ_MP}&pageSize=21`)).status).toBe(400);
  });
});

describe('acceptDelayMs', () => {
  it('answers ACCEPTED at once but applies the write only after the delay (÷ timeScale)', async () => {
    const slow = await startSimulator({ now: () => Date.parse('2026-08-01T10:00:00Z'), timeScale: 2, amazon: { acceptDelayMs: 300_000, autoCatalog: true } });
    try {
      const a = amz(slow, await amazonAccess(slow));
      const put = await a('PUT', `/listings/2021-08-01/items/${SELLER}/LATE?marketplaceIds=${AMZ_MP}`, offerOnlyBody('B0ABCDEFGH'));
      expect(put.body.status).toBe('ACCEPTED');
      expect((await a('GET', `/listings/2021-08-01/items/${SELLER}/LATE?marketplaceIds=${AMZ_MP}`)).status).toBe(404);
      slow.clock.advance(149_999);
      expect(slow.amazon.listing('LATE')).toBeUndefined();
      slow.clock.advance(1);
      expect((await a('GET', `/listings/2021-08-01/items/${SELLER}/LATE?marketplaceIds=${AMZ_MP}`)).status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
