// The Amazon simulator refuses and withholds where Amazon does: UPC lookups, offers suppressed for
// a missing list_price (issues shown on read), lead time dropped by a PATCH replace, and buyer data
// withheld or denied to an app without the restricted roles.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { amazonAccess, amz, AMZ_MP, offerOnlyBody, SELLER } from './helpers.js';

const T0 = Date.parse('2026-08-01T10:00:00Z');
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(amazon: SimulatorOptions['amazon']): Promise<{ sim: Simulator; api: ReturnType<typeof amz> }> {
  sim = await startSimulator({ now: () => T0, rateLimiting: false, amazon });
  return { sim, api: amz(sim, await amazonAccess(sim)) };
}
const item = (sku: string, q = '') => `/listings/2021-08-01/items/${SELLER}/${sku}?marketplaceIds=${AMZ_MP}${q}`;
const listPrice = (value: number) => [{ marketplace_id: AMZ_MP, currency: 'EUR', value_with_tax: value }];

describe('catalogue lookup by UPC', () => {
  it('finds a 12-digit UPC only as identifiersType=UPC, with both codes among the identifiers', async () => {
    const { api } = await start({ catalog: [{ ean: '0885909950805', asin: 'B0UPC00001', title: 'Puzzle', brand: 'Ravensburger', productType: 'PUZZLES' }] });
    const q = (type: string, code: string) => api('GET', `/catalog/2022-04-01/items?marketplaceIds=${AMZ_MP}&identifiers=${code}&identifiersType=${type}&includedData=identifiers`);
    const upc = await q('UPC', '885909950805');
    expect(upc.body.items.map((i: { asin: string }) => i.asin)).toEqual(['B0UPC00001']);
    expect(upc.body.items[0].identifiers[0].identifiers).toEqual([
      { identifierType: 'EAN', identifier: '0885909950805' },
      { identifierType: 'UPC', identifier: '885909950805' },
    ]);
    expect((await q('EAN', '885909950805')).body.items).toEqual([]);
    expect((await q('EAN', '0885909950805')).body.items).toHaveLength(1);
  });
});

describe('offers ACCEPTED but not BUYABLE', () => {
  const catalog = [
    { ean: '5702016617313', asin: 'B0NEEDLIST', title: 'LEGO City', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK', needsListPrice: true },
    { ean: '4005556150854', asin: 'B0NOLIST01', title: 'Puzzle', brand: 'Ravensburger', productType: 'PUZZLES', needsListPrice: false },
  ];

  it('accepts an offer without list_price where the product type needs one, then suppresses it and names the issue when asked', async () => {
    const { api, sim } = await start({ catalog });
    const put = await api('PUT', item('CIV-1'), offerOnlyBody('B0NEEDLIST'));
    expect(put.body).toMatchObject({ status: 'ACCEPTED', issues: [] });
    expect(sim.amazon.listing('CIV-1')?.status).toEqual([]);
    const plain = await api('GET', item('CIV-1', '&includedData=summaries'));
    expect(plain.body.issues).toBeUndefined();
    const got = await api('GET', item('CIV-1', '&includedData=summaries,issues'));
    expect(got.body.summaries[0].status).toEqual([]);
    expect(got.body.issues).toEqual([{
      code: '90220', message: "'list_price' is required but not supplied.", severity: 'ERROR', attributeNames: ['list_price'],
      categories: ['MISSING_ATTRIBUTE'], enforcements: { actions: [{ action: 'LISTING_SUPPRESSED' }], exemption: { status: 'NOT_EXEMPT' } }, marketplaceIds: [AMZ_MP],
    }]);
    const search = await api('GET', `/listings/2021-08-01/items/${SELLER}?marketplaceIds=${AMZ_MP}&identifiers=CIV-1&identifiersType=SKU&includedData=summaries,issues`);
    expect(search.body.items[0].issues).toHaveLength(1);
    // A list price (0 = "none") makes it buyable; another product type never needed one.
    await api('PATCH', item('CIV-1'), { productType: 'TOY_BUILDING_BLOCK', patches: [{ op: 'replace', path: '/attributes/list_price', value: listPrice(0) }] });
    expect(sim.amazon.listing('CIV-1')?.status).toEqual(['BUYABLE', 'DISCOVERABLE']);
    await api('PUT', item('CIV-2'), offerOnlyBody('B0NOLIST01'));
    expect(sim.amazon.listing('CIV-2')?.status).toEqual(['BUYABLE', 'DISCOVERABLE']);
  });

  it('listPriceShare picks the same share of ASINs every time; a list_price in the wrong currency is INVALID', async () => {
    const { api, sim } = await start({ autoCatalog: true, listPriceShare: 0.5 });
    const eans = ['4006381333931', '5702016617313', '8001234567890', '4005556150854', '8710126001234', '3760145060007', '4010168232467', '8006321212345'];
    const suppressed: boolean[] = [];
    for (const [i, ean] of eans.entries()) {
      const asin = (await api('GET', `/catalog/2022-04-01/items?marketplaceIds=${AMZ_MP}&identifiers=${ean}&identifiersType=EAN`)).body.items[0]?.asin as string | undefined;
      if (!asin) continue;
      await api('PUT', item(`S${i}`), offerOnlyBody(asin));
      suppressed.push(sim.amazon.listing(`S${i}`)?.status.length === 0);
    }
    expect(suppressed.some((s) => s)).toBe(true);
    expect(suppressed.some((s) => !s)).toBe(true);
    const bad = offerOnlyBody('B0NEEDLIST') as { attributes: Record<string, unknown> };
    bad.attributes.list_price = [{ marketplace_id: AMZ_MP, currency: 'USD', value_with_tax: 10 }];
    const r = await api('PUT', item('CIV-X'), bad);
    expect(r.body.status).toBe('INVALID');
    expect(r.body.issues[0].attributeNames).toEqual(['list_price']);
  });

  it('keeps lead_time_to_ship_max_days only as long as each replace of fulfillment_availability carries it', async () => {
    const { api, sim } = await start({ catalog });
    const body = offerOnlyBody('B0NOLIST01') as { attributes: Record<string, unknown> };
    body.attributes.fulfillment_availability = [{ fulfillment_channel_code: 'DEFAULT', quantity: 3, lead_time_to_ship_max_days: 4 }];
    await api('PUT', item('CIV-3'), body);
    expect(sim.amazon.listing('CIV-3')?.leadTimeDays).toBe(4);
    const patch = (value: Record<string, unknown>) =>
      api('PATCH', item('CIV-3'), { productType: 'PUZZLES', patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [value] }] });
    await patch({ fulfillment_channel_code: 'DEFAULT', quantity: 2, lead_time_to_ship_max_days: 4 });
    expect(sim.amazon.listing('CIV-3')).toMatchObject({ quantity: 2, leadTimeDays: 4 });
    await patch({ fulfillment_channel_code: 'DEFAULT', quantity: 1 });
    expect(sim.amazon.listing('CIV-3')?.quantity).toBe(1);
    expect(sim.amazon.listing('CIV-3')?.leadTimeDays).toBeUndefined();
  });
});

describe('orders for an app without the restricted roles', () => {
  const catalog = [{ ean: '5702016617313', asin: 'B0TESTLEGO', title: 'LEGO City', brand: 'LEGO', productType: 'TOY' }];
  async function withOrder(pii: 'withheld' | 'denied') {
    const { api, sim } = await start({ catalog, pii });
    await api('PUT', item('AMZ-1'), offerOnlyBody('B0TESTLEGO', 24.9, 5));
    sim.buyers.placeOrder({ channel: 'amazon', sku: 'AMZ-1' });
    const order = sim.orders('amazon')[0]!;
    sim.buyers.advance(order.orderId, 'UNSHIPPED');
    sim.clock.advance(10 * 60_000);
    return { api: amz(sim, await amazonAccess(sim)), sim };
  }

  it('withheld: BUYER and RECIPIENT come without name, address lines, postal code, phone or e-mail', async () => {
    const { api } = await withOrder('withheld');
    const r = await api('GET', '/orders/2026-01-01/orders?createdAfter=2026-07-01T00:00:00Z&includedData=BUYER,RECIPIENT,FULFILLMENT');
    expect(r.status).toBe(200);
    const o = r.body.orders[0];
    expect(o.buyer).toBeUndefined();
    expect(Object.keys(o.recipient.deliveryAddress).sort()).toEqual(['addressType', 'city', 'countryCode', 'stateOrRegion']);
  });

  it('denied: asking for BUYER or RECIPIENT is refused with 403; without them the orders come', async () => {
    const { api } = await withOrder('denied');
    const r = await api('GET', '/orders/2026-01-01/orders?createdAfter=2026-07-01T00:00:00Z&includedData=BUYER,FULFILLMENT');
    expect(r.status).toBe(403);
    expect(r.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(r.body.errors[0]).toMatchObject({ code: 'Unauthorized', details: expect.stringContaining('BUYER') });
    const ok = await api('GET', '/orders/2026-01-01/orders?createdAfter=2026-07-01T00:00:00Z&includedData=FULFILLMENT');
    expect(ok.body.orders).toHaveLength(1);
  });
});

describe('GPSR contacts', () => {
  it('take the e-mail registered in Seller Central: anything else is INVALID', async () => {
    const { api } = await start({ catalog: [{ ean: '5702016617313', asin: 'B0TESTLEGO', title: 'LEGO City', brand: 'LEGO', productType: 'TOY' }] });
    const body = (contact: string) => {
      const b = offerOnlyBody('B0TESTLEGO') as { attributes: Record<string, unknown> };
      b.attributes.dsa_responsible_party_address = [{ value: contact, marketplace_id: AMZ_MP }];
      b.attributes.gpsr_manufacturer_reference = [{ gpsr_manufacturer_email_address: 'consumer@lego.com', marketplace_id: AMZ_MP }];
      return b;
    };
    expect((await api('PUT', item('G-1'), body('rep@rossi.it'))).body.status).toBe('ACCEPTED');
    const bad = await api('PUT', item('G-2'), body('Giocattoli Rossi srl, Via Roma 1, Torino'));
    expect(bad.body.status).toBe('INVALID');
    expect(bad.body.issues[0].attributeNames).toEqual(['dsa_responsible_party_address']);
  });
});
