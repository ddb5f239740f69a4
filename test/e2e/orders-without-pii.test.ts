import { describe, expect, it } from 'vitest';
import { civetta, civettaJson } from '../support/run-cli.js';
import { shopOnSimulator } from '../support/simulator.js';

// A seller whose app lacks Amazon's restricted roles: searchOrders answers 403 to BUYER and
// RECIPIENT. `orders pull` still pulls, warns once and exits 0 (not 5, not bad credentials);
// `status` lists the orders to ship that have no delivery address.
const world = shopOnSimulator({ simulator: { amazon: { pii: 'denied' } }, shop: { channels: ['amazon'] }, firstSync: true });

describe('Amazon orders without the restricted data roles', () => {
  it('orders pull exits 0 with one warning, and status flags the orders to ship that have no address', async () => {
    const { sim, shop } = world;
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
