import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { amazonAccess, amz, AMZ_MP, eb, ebayAccess, ITEM, LOCATION, offerBody, offerOnlyBody, SELLER } from './helpers.js';

const T0 = Date.parse('2026-08-01T10:00:00Z');
let sim: Simulator;
let a: ReturnType<typeof amz>;
let e: ReturnType<typeof eb>;

beforeAll(async () => {
  sim = await startSimulator({
    now: () => T0,
    rateLimiting: false,
    amazon: { catalog: [{ ean: '5702016617313', asin: 'B0TESTLEGO', title: 'LEGO City', brand: 'LEGO', productType: 'TOY' }] },
    ebay: { locations: [{ merchantLocationKey: 'negozio', ...LOCATION }] },
  });
  a = amz(sim, await amazonAccess(sim));
  e = eb(sim, await ebayAccess(sim));
  await a('PUT', `/listings/2021-08-01/items/${SELLER}/AMZ-1?marketplaceIds=${AMZ_MP}`, offerOnlyBody('B0TESTLEGO', 24.9, 5));
  await e('PUT', '/sell/inventory/v1/inventory_item/EB1', { ...ITEM, availability: { shipToLocationAvailability: { quantity: 5 } } });
  const offerId = (await e('POST', '/sell/inventory/v1/offer', offerBody('EB1', '19.90', 5))).body.offerId as string;
  await e('POST', `/sell/inventory/v1/offer/${offerId}/publish`, {});
});
afterAll(async () => sim.close());

const refresh = async () => {
  a = amz(sim, await amazonAccess(sim));
  e = eb(sim, await ebayAccess(sim));
};

describe('buyers', () => {
  it('buy from listed offers and lower the listed quantity', () => {
    const o = sim.buyers.placeOrder({ channel: 'amazon', sku: 'AMZ-1', quantity: 2 });
    expect(o).toMatchObject({ channel: 'amazon', status: 'PENDING', lines: [{ sku: 'AMZ-1', quantity: 2, unitMinor: 2490, asin: 'B0TESTLEGO' }] });
    expect(o.orderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
    expect(sim.amazon.listing('AMZ-1')?.quantity).toBe(3);
    const eo = sim.buyers.placeOrder({ channel: 'ebay', sku: 'EB1' });
    expect(eo).toMatchObject({ channel: 'ebay', status: 'UNSHIPPED', lines: [{ sku: 'EB1', quantity: 1, unitMinor: 1990 }] });
    expect(sim.ebay.listingFor('EB1')).toMatchObject({ quantity: 4, soldQuantity: 1 });
  });

  it('refuse unlisted SKUs and more than the listed quantity', () => {
    expect(() => sim.buyers.placeOrder({ channel: 'amazon', sku: 'NOPE' })).toThrow(/not buyable/);
    expect(() => sim.buyers.placeOrder({ channel: 'ebay', sku: 'EB1', quantity: 99 })).toThrow(/has 4 available/);
  });

  it('generate is deterministic for a seed and stops when stock runs out', () => {
    const before = sim.orders('ebay').length;
    const made = sim.buyers.generate({ channel: 'ebay', count: 10, seed: 7 });
    expect(made).toHaveLength(4);
    expect(sim.orders('ebay')).toHaveLength(before + 4);
    expect(sim.ebay.listingFor('EB1')?.listingStatus).toBe('ENDED');
  });
});

describe('Amazon searchOrders / getOrder', () => {
  it('needs exactly one of createdAfter / lastUpdatedAfter, and …Before at least 2 minutes ago', async () => {
    for (const q of ['', 'createdAfter=2026-07-01T00:00:00Z&lastUpdatedAfter=2026-07-01T00:00:00Z',
      'createdAfter=2026-07-01T00:00:00Z&lastUpdatedBefore=2026-07-02T00:00:00Z', 'createdAfter=yesterday',
      `createdAfter=2026-07-01T00:00:00Z&createdBefore=${new Date(T0 - 60_000).toISOString()}`, 'createdAfter=2026-07-01T00:00:00Z&maxResultsPerPage=101']) {
      const r = await a('GET', `/orders/2026-01-01/orders?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.errors[0].code).toBe('InvalidInput');
    }
  });

  it('shows orders only up to now − 2 minutes, then pages with a token', async () => {
    sim.clock.advance(1000);
    sim.buyers.placeOrder({ channel: 'amazon', sku: 'AMZ-1' });
    const early = await a('GET', '/orders/2026-01-01/orders?createdAfter=2026-07-01T00:00:00Z');
    expect(early.body.orders).toHaveLength(0);
    expect(early.body.createdBefore).toBe('2026-08-01T09:58:01Z');
    sim.clock.advance(11 * 60_000);
    await refresh();
    const p1 = await a('GET', '/orders/2026-01-01/orders?createdAfter=2026-07-01T00:00:00Z&maxResultsPerPage=1&includedData=FULFILLMENT,PROCEEDS,BUYER,RECIPIENT');
    expect(p1.status).toBe(200);
    expect(p1.body.orders).toHaveLength(1);
    const first = p1.body.orders[0];
    expect(first).toMatchObject({
      salesChannel: { channelName: 'AMAZON', marketplaceId: AMZ_MP },
      fulfillment: { fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'MERCHANT' },
      proceeds: { grandTotal: { amount: '49.80', currencyCode: 'EUR' } },
      orderItems: [{ quantityOrdered: 2, product: { asin: 'B0TESTLEGO', sellerSku: 'AMZ-1', price: { unitPrice: { amount: '24.90', currencyCode: 'EUR' } } } }],
    });
    expect(first.buyer.buyerName).toMatch(/ /);
    expect(first.recipient.deliveryAddress.countryCode).toBe('IT');
    const token = p1.body.pagination.nextToken as string;
    const p2 = await a('GET', `/orders/2026-01-01/orders?createdAfter=2026-07-01T00:00:00Z&maxResultsPerPage=5&paginationToken=${token}`);
    expect(p2.body.orders).toHaveLength(1);
    expect(p2.body.pagination).toBeUndefined();
    expect(p2.body.orders[0].fulfillment).toBeUndefined();
    const changed = await a('GET', `/orders/2026-01-01/orders?createdAfter=2026-07-02T00:00:00Z&paginationToken=${token}`);
    expect(changed.status).toBe(400);
    const got = await a('GET', `/orders/2026-01-01/orders/${first.orderId}?includedData=FULFILLMENT`);
    expect(got.body.order.orderId).toBe(first.orderId);
    expect((await a('GET', '/orders/2026-01-01/orders/999-0000000-0000000')).status).toBe(404);
  });

  it('confirmShipment answers 204, the order becomes SHIPPED and lastUpdatedTime moves', async () => {
    const o = sim.orders('amazon')[0]!;
    const body = { marketplaceId: AMZ_MP, packageDetail: { packageReferenceId: '1', carrierCode: 'Other', carrierName: 'BRT', trackingNumber: 'BRT123', shipDate: new Date(sim.clock.nowMs()).toISOString(), orderItems: [{ orderItemId: o.lines[0]!.lineId, quantity: 2 }] } };
    const missingName = await a('POST', `/orders/v0/orders/${o.orderId}/shipmentConfirmation`, { ...body, packageDetail: { ...body.packageDetail, carrierName: undefined } });
    expect(missingName.status).toBe(400);
    expect((await a('POST', `/orders/v0/orders/${o.orderId}/shipmentConfirmation`, { marketplaceId: AMZ_MP })).status).toBe(400);
    sim.clock.advance(1000);
    const r = await a('POST', `/orders/v0/orders/${o.orderId}/shipmentConfirmation`, body);
    expect(r.status).toBe(204);
    const after = sim.orders('amazon')[0]!;
    expect(after.status).toBe('SHIPPED');
    expect(after.updatedMs).toBeGreaterThan(o.updatedMs);
    expect((await a('POST', `/orders/v0/orders/${o.orderId}/shipmentConfirmation`, body)).status).toBe(204);
    expect((await a('POST', `/orders/v0/orders/${o.orderId}/shipmentConfirmation`, { ...body, packageDetail: { ...body.packageDetail, packageReferenceId: '2' } })).status).toBe(400);
    expect((await a('POST', '/orders/v0/orders/999-0000000-0000000/shipmentConfirmation', body)).status).toBe(404);
  });
});

describe('eBay getOrders / shipping fulfillment', () => {
  it('filters by lastmodifieddate, pages with limit/offset and next links', async () => {
    await refresh();
    const r = await e('GET', `/sell/fulfillment/v1/order?filter=${encodeURIComponent('lastmodifieddate:[2026-07-01T00:00:00.000Z..]')}&limit=2`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(5);
    expect(r.body.orders).toHaveLength(2);
    expect(r.body.next).toContain('offset=2');
    const o = r.body.orders[0];
    expect(o).toMatchObject({ orderFulfillmentStatus: 'NOT_STARTED', orderPaymentStatus: 'PAID', pricingSummary: { total: { value: '19.90', currency: 'EUR' } }, totalMarketplaceFee: { value: '2.54', currency: 'EUR' } });
    expect(o.lineItems[0]).toMatchObject({ sku: 'EB1', quantity: 1, lineItemCost: { value: '19.90' } });
    expect(o.lineItems[0].lineItemFulfillmentInstructions.shipByDate).toMatch(/Z$/);
    expect(o.fulfillmentStartInstructions[0].shippingStep.shipTo.contactAddress.countryCode).toBe('IT');
    const next = await e('GET', r.body.next.slice(sim.endpoints.ebay.endpoint.length));
    expect(next.body.offset).toBe(2);
  });

  it('rejects bad limits (31100), filter names (30700), dates (30810) and status forms (30800)', async () => {
    expect((await e('GET', '/sell/fulfillment/v1/order?limit=201')).body.errors[0].errorId).toBe(31100);
    expect((await e('GET', `/sell/fulfillment/v1/order?filter=${encodeURIComponent('buyer:[x]')}`)).body.errors[0].errorId).toBe(30700);
    expect((await e('GET', `/sell/fulfillment/v1/order?filter=${encodeURIComponent('creationdate:[yesterday..]')}`)).body.errors[0].errorId).toBe(30810);
    expect((await e('GET', `/sell/fulfillment/v1/order?filter=${encodeURIComponent('orderfulfillmentstatus:{NOT_STARTED}')}`)).body.errors[0].errorId).toBe(30800);
    expect((await e('GET', '/sell/fulfillment/v1/order?offset=-1')).body.errors[0].errorId).toBe(31000);
  });

  it('createShippingFulfillment answers 201 with Location; the order becomes FULFILLED', async () => {
    const o = sim.orders('ebay')[0]!;
    const path = `/sell/fulfillment/v1/order/${o.orderId}/shipping_fulfillment`;
    const body = { lineItems: [{ lineItemId: o.lines[0]!.lineId, quantity: 1 }], shippedDate: new Date(sim.clock.nowMs()).toISOString(), shippingCarrierCode: 'PosteItaliane', trackingNumber: 'AB123456789IT' };
    expect((await e('POST', path, { ...body, trackingNumber: 'AB 123' })).body.errors[0].errorId).toBe(32300);
    // A carrier's display name is not eBay's code: "Poste Italiane", "BRT", POSTE_ITALIANE are refused.
    for (const name of ['Poste Italiane', 'BRT', 'POSTE_ITALIANE']) {
      const refused = await e('POST', path, { ...body, shippingCarrierCode: name });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ errorId: 32300, message: 'Invalid shipment tracking number or carrier' });
    }
    expect((await e('POST', path, { ...body, lineItems: [{ lineItemId: '1', quantity: 1 }] })).body.errors[0].errorId).toBe(32200);
    const r = await e('POST', path, body);
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`${sim.endpoints.ebay.endpoint}${path}/AB123456789IT`);
    const got = await e('GET', `/sell/fulfillment/v1/order/${o.orderId}`);
    expect(got.body.orderFulfillmentStatus).toBe('FULFILLED');
    expect((await e('POST', path, body)).body.errors[0].errorId).toBe(34500);
    expect((await e('GET', path)).body).toMatchObject({ total: 1, fulfillments: [{ fulfillmentId: 'AB123456789IT', shipmentTrackingNumber: 'AB123456789IT' }] });
    const shipped = await e('GET', `/sell/fulfillment/v1/order?filter=${encodeURIComponent('orderfulfillmentstatus:{FULFILLED|IN_PROGRESS}')}`);
    expect(shipped.body.orders.map((x: { orderId: string }) => x.orderId)).toEqual([o.orderId]);
  });

  it('advance() moves orders and cancelled eBay orders show cancelState CANCELED', async () => {
    const o = sim.orders('ebay')[1]!;
    sim.clock.advance(5000);
    sim.buyers.advance(o.orderId, 'CANCELLED');
    const got = await e('GET', `/sell/fulfillment/v1/order/${o.orderId}`);
    expect(got.body.cancelStatus.cancelState).toBe('CANCELED');
    expect(Date.parse(got.body.lastModifiedDate)).toBe(sim.clock.nowMs());
    expect(() => sim.buyers.advance(o.orderId, 'SHIPPED')).toThrow(/cannot move/);
  });
});
