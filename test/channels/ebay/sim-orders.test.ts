import { describe, expect, it } from 'vitest';
import type { Order } from '../../../src/domain/order.js';
import { applyAll, ebayOnSimulator, seen } from './sim-harness.js';
import { offer } from './helpers.js';

const SKU = 'CIV8001234567897';

async function withOrders(count: number) {
  const h = await ebayOnSimulator();
  await applyAll(h.channel, [{ kind: 'create', offer: offer({ quantity: count + 5, product: { quantity: count + 5 } }) }]);
  const placed = Array.from({ length: count }, () => h.sim.buyers.placeOrder({ channel: 'ebay', sku: SKU }));
  h.sim.clearRequests();
  return { ...h, placed };
}

async function pull(channel: { pullOrders(since: Date): AsyncIterable<Order[]> }, since: Date): Promise<Order[][]> {
  const pages: Order[][] = [];
  for await (const page of channel.pullOrders(since)) pages.push(page);
  return pages;
}

describe('eBay channel on the simulator: orders', () => {
  it('pages through getOrders 200 at a time with the encoded lastmodifieddate filter', async () => {
    const { sim, channel, placed } = await withOrders(205);
    const since = new Date(Date.now() - 3_600_000);
    const pages = await pull(channel, since);
    expect(pages.map((p) => p.length)).toEqual([200, 5]);
    const calls = seen(sim, 'getOrders');
    expect(calls.map((c) => [c.query.limit, c.query.offset])).toEqual([['200', '0'], ['200', '200']]);
    expect(calls[0]?.query.filter).toBe(`lastmodifieddate:[${since.toISOString()}..]`);
    // Orders placed in the same millisecond have no defined order among themselves: find by id.
    const first = pages.flat().find((o) => o.orderId === placed[0]?.orderId);
    expect(first).toMatchObject({ channel: 'ebay', marketplace: 'EBAY_IT', orderId: placed[0]?.orderId, status: 'unshipped', currency: 'EUR', lines: [{ sku: SKU, quantity: 1, unitPriceMinor: 2490, lineTotalMinor: 2490 }] });
    expect(first?.feesMinor).toBeGreaterThan(0);
    expect(first?.buyer?.name).toBe(placed[0]?.buyer.name);
    expect(first?.shipBy).toBe(new Date(placed[0]?.shipByMs ?? 0).toISOString());
    expect(new Set(pages.flat().map((o) => o.orderId)).size).toBe(205);
  });

  it('sends tracking (letters and digits only) and takes the fulfillment id from Location', async () => {
    const { sim, channel, placed } = await withOrders(1);
    const order = placed[0];
    const lineId = order?.lines[0]?.lineId ?? '';
    const shippedAt = new Date(Date.now() - 60_000);
    const result = await channel.ship({ orderId: order?.orderId ?? '', marketplace: 'EBAY_IT', lines: [{ lineId, quantity: 1 }], carrier: { name: 'BRT', code: 'Bartolini' }, tracking: 'AB 123-456 IT', shippedAt });
    expect(result).toEqual({ ok: true, reference: 'AB123456IT', errors: [] });
    expect(seen(sim, 'createShippingFulfillment')[0]?.body).toEqual({ lineItems: [{ lineItemId: lineId, quantity: 1 }], shippedDate: shippedAt.toISOString(), shippingCarrierCode: 'Bartolini', trackingNumber: 'AB123456IT' });
    const [pulled] = (await pull(channel, new Date(Date.now() - 3_600_000))).flat();
    expect(pulled?.status).toBe('shipped');
  });

  it('after a connection reset it reads fulfillments back before sending again; a repeat (34500) adopts the first', async () => {
    const { sim, channel, placed } = await withOrders(1);
    const order = placed[0];
    const request = { orderId: order?.orderId ?? '', marketplace: 'EBAY_IT', lines: [{ lineId: order?.lines[0]?.lineId ?? '', quantity: 1 }], carrier: { name: 'Poste Italiane', code: 'PosteItaliane' }, tracking: 'RR123456789IT', shippedAt: new Date(Date.now() - 60_000) };
    sim.faults.set({ resetNext: { createShippingFulfillment: 1 } });
    expect(await channel.ship(request)).toEqual({ ok: true, reference: 'RR123456789IT', errors: [] });
    expect(seen(sim, 'createShippingFulfillment').map((r) => r.status)).toEqual([0, 201]);
    expect(sim.count('getShippingFulfillments')).toBe(1);
    expect(await channel.ship(request)).toEqual({ ok: true, reference: 'RR123456789IT', errors: [] });
    expect(seen(sim, 'createShippingFulfillment').map((r) => r.status)).toEqual([0, 201, 400]);
    expect(sim.orders('ebay')[0]?.shipments).toHaveLength(1);
  });

  it('reports a refused tracking with its errorId and explanation', async () => {
    const { channel, placed } = await withOrders(1);
    const order = placed[0];
    const result = await channel.ship({ orderId: order?.orderId ?? '', marketplace: 'EBAY_IT', lines: [{ lineId: 'nope', quantity: 1 }], carrier: { name: 'BRT', code: 'Bartolini' }, tracking: 'X1', shippedAt: new Date(Date.now() - 60_000) });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ code: '32200', explanation: expect.stringMatching(/line/) });
  });
});
