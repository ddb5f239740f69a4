import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../../src/domain/order.js';
import { IT } from './helpers.js';
import { simChannel, type SimChannel } from './sim-support.js';

let s: SimChannel | undefined;
afterEach(async () => {
  await s?.sim.close();
  s = undefined;
});

const listing = (sku: string, quantity: number) => ({
  sku,
  productType: 'TOY_BUILDING_BLOCK',
  attributes: {
    merchant_suggested_asin: [{ value: 'B0LEGO0001', marketplace_id: IT }],
    condition_type: [{ value: 'new_new', marketplace_id: IT }],
    purchasable_offer: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 24.9 }] }] }],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
  },
});
const catalog = [{ ean: '8001234567890', asin: 'B0LEGO0001', title: 'LEGO City', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' }];

async function pullAll(s: SimChannel, since: Date): Promise<Order[][]> {
  const pages: Order[][] = [];
  for await (const page of s.channel.pullOrders(since)) pages.push(page);
  return pages;
}

describe('Amazon channel against the simulator: orders', () => {
  it('pages through searchOrders with the token and the same parameters, every order once', async () => {
    s = await simChannel({ amazon: { catalog, listings: [listing('CIV-LEGO', 1000)] } });
    const since = new Date(s.sim.clock.nowMs() - 60_000);
    for (let i = 0; i < 230; i++) s.sim.buyers.placeOrder({ channel: 'amazon', sku: 'CIV-LEGO', quantity: 1 + (i % 2) });
    s.sim.clock.advance(15 * 60_000); // past the 2-minute visibility margin and the 10-minute payment wait

    const pages = await pullAll(s, since);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 30]);
    const ids = pages.flat().map((o) => o.orderId);
    expect(new Set(ids).size).toBe(230);
    const calls = s.sim.requests.filter((r) => r.operation === 'searchOrders');
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
    const { paginationToken: first, ...base } = calls[0]?.query ?? {};
    expect(first).toBeUndefined();
    expect(base).toEqual({
      lastUpdatedAfter: since.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      marketplaceIds: IT,
      fulfilledBy: 'MERCHANT',
      includedData: 'BUYER,RECIPIENT,FULFILLMENT,PROCEEDS',
      maxResultsPerPage: '100',
    });
    for (const c of calls.slice(1)) {
      const { paginationToken, ...rest } = c.query;
      expect(rest).toEqual(base);
      expect(paginationToken).toMatch(/\S+/);
    }
    const one = pages.flat().find((o) => o.lines[0]?.quantity === 2);
    expect(one).toMatchObject({ channel: 'amazon', marketplace: IT, status: 'unshipped', rawStatus: 'UNSHIPPED', currency: 'EUR' });
    expect(one?.lines[0]).toMatchObject({ sku: 'CIV-LEGO', quantity: 2, unitPriceMinor: 2490, lineTotalMinor: 4980 });
    expect(one?.buyer?.name).toMatch(/\S+ \S+/);
    expect(one?.buyer?.address).toContain('IT');
  });

  it('confirms a shipment with carrier and tracking; the simulator records it and the order ships', async () => {
    s = await simChannel({ amazon: { catalog, listings: [listing('CIV-LEGO', 10)] } });
    const placed = s.sim.buyers.placeOrder({ channel: 'amazon', sku: 'CIV-LEGO', quantity: 2, status: 'UNSHIPPED' });
    s.sim.clock.advance(5 * 60_000);
    const [page] = await pullAll(s, new Date(s.sim.clock.nowMs() - 3600_000));
    const order = page?.find((o) => o.orderId === placed.orderId);
    expect(order?.status).toBe('unshipped');
    const shippedAt = new Date(s.sim.clock.nowMs());
    const result = await s.channel.ship({
      orderId: placed.orderId,
      marketplace: order?.marketplace ?? IT,
      lines: (order?.lines ?? []).map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
      carrier: { name: 'Poste Italiane', code: 'Poste Italiane' },
      tracking: 'PI123456789IT',
      shippedAt,
    });
    expect(result).toEqual({ ok: true, reference: String(Math.floor(shippedAt.getTime() / 1000)), errors: [] });
    const call = s.sim.requests.find((r) => r.operation === 'confirmShipment');
    expect(call?.status).toBe(204);
    expect(call?.path).toBe(`/orders/v0/orders/${placed.orderId}/shipmentConfirmation`);
    expect(call?.body).toMatchObject({ marketplaceId: IT, packageDetail: { carrierCode: 'Poste Italiane', trackingNumber: 'PI123456789IT' } });
    expect(s.sim.orders('amazon').find((o) => o.orderId === placed.orderId)?.status).toBe('SHIPPED');

    // Shipping the same lines again is refused by Amazon and reported, not thrown.
    s.sim.clock.advance(1000);
    const again = await s.channel.ship({ orderId: placed.orderId, marketplace: IT, lines: [{ lineId: order?.lines[0]?.lineId ?? '', quantity: 2 }], carrier: { name: 'BRT', code: 'Other' }, tracking: 'X', shippedAt: new Date(s.sim.clock.nowMs()) });
    expect(again.ok).toBe(false);
    expect(again.errors[0]?.code).toBe('InvalidInput');
  });
});
