import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../../src/domain/order.js';
import { IT } from './helpers.js';
import { simChannel, type SimChannel } from './sim-support.js';

// An app without Amazon's restricted roles: searchOrders refuses BUYER/RECIPIENT with 403, or
// answers them without the personal fields. Orders still come, without a name or address.
let s: SimChannel | undefined;
afterEach(async () => {
  await s?.sim.close();
  s = undefined;
});

const catalog = [{ ean: '8001234567890', asin: 'B0LEGO0001', title: 'LEGO City', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' }];
const listing = {
  sku: 'CIV-LEGO',
  productType: 'TOY_BUILDING_BLOCK',
  attributes: {
    merchant_suggested_asin: [{ value: 'B0LEGO0001', marketplace_id: IT }],
    condition_type: [{ value: 'new_new', marketplace_id: IT }],
    purchasable_offer: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 24.9 }] }] }],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 500 }],
  },
};

async function pullAll(c: SimChannel, since: Date): Promise<Order[]> {
  const orders: Order[] = [];
  for await (const page of c.channel.pullOrders(since)) orders.push(...page);
  return orders;
}

async function withOrders(pii: 'withheld' | 'denied', count: number): Promise<{ c: SimChannel; since: Date }> {
  const c = await simChannel({ amazon: { catalog, listings: [listing], pii } });
  const since = new Date(c.sim.clock.nowMs() - 60_000);
  for (let i = 0; i < count; i++) c.sim.buyers.placeOrder({ channel: 'amazon', sku: 'CIV-LEGO', quantity: 1 });
  c.sim.clock.advance(15 * 60_000); // paid and visible
  return { c, since };
}

describe('Amazon orders for an app without the restricted data roles', () => {
  it('denied: pulls every page again without BUYER/RECIPIENT, warns once, and keeps to that for the rest of the run', async () => {
    const { c, since } = await withOrders('denied', 130);
    s = c;
    const orders = await pullAll(c, since);
    expect(orders).toHaveLength(130);
    expect(orders.every((o) => o.buyer === undefined && o.status === 'unshipped')).toBe(true);
    const calls = c.sim.requests.filter((r) => r.operation === 'searchOrders');
    expect(calls.map((r) => [r.status, r.query.includedData])).toEqual([
      [403, 'BUYER,RECIPIENT,FULFILLMENT,PROCEEDS'],
      [403, 'BUYER,RECIPIENT,FULFILLMENT,PROCEEDS'], // once more with a fresh token: Amazon's 403 code is also a dead token's
      [200, 'FULFILLMENT,PROCEEDS'],
      [200, 'FULFILLMENT,PROCEEDS'],
    ]);
    const warnings = c.log.lines.filter((l) => l.startsWith('warn ') && l.includes('BUYER,RECIPIENT'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Direct-to-Consumer Shipping (Restricted)');
    // A second pull in the same run does not ask again.
    await pullAll(c, since);
    expect(c.sim.requests.filter((r) => r.operation === 'searchOrders' && r.status === 403)).toHaveLength(2);
  });

  it('withheld: city and country alone are no delivery address', async () => {
    const { c, since } = await withOrders('withheld', 1);
    s = c;
    const [order] = await pullAll(c, since);
    expect(order?.buyer).toBeUndefined();
  });
});
