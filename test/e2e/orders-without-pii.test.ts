import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { createTestShop, type TestShop } from '../support/shop.js';
import { startShopSimulator } from '../support/simulator.js';
import { civetta, civettaJson } from './sync-helpers.js';

// A seller whose app lacks Amazon's restricted roles: searchOrders answers 403 to BUYER and
// RECIPIENT. `orders pull` still pulls, warns once and exits 0 (not 5, not bad credentials);
// `status` lists the orders to ship that have no delivery address.
let sim: Simulator;
let shop: TestShop;

beforeAll(async () => {
  sim = await startShopSimulator({ amazon: { pii: 'denied' } });
  shop = createTestShop(sim, { channels: ['amazon'] });
  const run = await civetta(shop, 'sync');
  expect(run.code, run.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await sim.close();
  shop.cleanup();
});

describe('Amazon orders without the restricted data roles', () => {
  it('orders pull exits 0 with one warning, and status flags the orders to ship that have no address', async () => {
    const sku = sim.amazon.listings().find((l) => l.status.includes('BUYABLE'))!.sku;
    const order = sim.buyers.placeOrder({ channel: 'amazon', sku });
    sim.clock.advance(15 * 60_000); // paid and visible
    const pull = await civetta(shop, 'orders', 'pull');
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.stderr.match(/refused buyer and recipient data/g)).toHaveLength(1);
    const status = await civetta(shop, 'status');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('1 order(s) to ship have no delivery address');
    expect(status.stdout).toContain(`amazon  ${order.orderId}`);
    const json = await civettaJson<{ orders: { noAddress: Array<{ orderId: string }> } }>(shop, 'status');
    expect(json.json.orders.noAddress.map((o) => o.orderId)).toEqual([order.orderId]);
  }, 120_000);
});
