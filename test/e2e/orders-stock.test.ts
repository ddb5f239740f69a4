import { describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/registry.js';
import type { LoadedConfig } from '../../src/config/loaded-config.js';
import { loadConfig } from '../../src/config/load.js';
import { openLedger } from '../../src/ledger/database.js';
import { collectingLogger } from '../../src/log.js';
import { shipOrder } from '../../src/orders/ship-order.js';
import { runSync } from '../../src/sync/run-sync.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';

let loaded: LoadedConfig;
const log = collectingLogger();
const sync = () => runSync(loaded, { dryRun: false, forceGuard: [] }, { env: {}, now: () => world.sim.clock.now(), log, createChannels });

const world = shopOnSimulator({
  shop: { hooksLimit: 4 },
  // The first sync runs in-process, on the simulator's clock.
  prepare: async ({ shop }) => {
    loaded = await loadConfig({ cwd: shop.dir.path, file: shop.configFile });
    expect((await sync()).failed).toEqual([]);
  },
});

describe('cross-channel stock', () => {
  it('a sale on eBay lowers the next sync quantity on Amazon, until a stock file written after the shipment shows it', async () => {
    const { sim, shop } = world;
    const live = liveSkus(sim);
    const sku = live.amazon.find((s) => live.ebay.includes(s));
    expect(sku).toBeDefined();
    // 6 on the shelf, 1 kept for the shop floor (both channels reserve 1): 5 offered on each channel.
    shop.setRow(sku!, { Giacenza: '6' });
    await sync();
    expect([sim.amazon.listing(sku!)?.quantity, sim.ebay.listingFor(sku!)?.quantity]).toEqual([5, 5]);

    const order = sim.buyers.placeOrder({ channel: 'ebay', sku: sku!, quantity: 2 });
    expect(sim.ebay.listingFor(sku!)?.quantity).toBe(3);
    const next = await sync();
    expect(next.orders.channels.find((c) => c.channel === 'ebay')?.inserted).toBe(1);
    expect(next.plan.actions.filter((a) => a.sku === sku).map((a) => [a.channel, a.kind, a.kind === 'update' ? a.changes : []])).toEqual([
      ['amazon', 'update', [{ field: 'quantity', from: 5, to: 3 }]],
    ]);
    expect([sim.amazon.listing(sku!)?.quantity, sim.ebay.listingFor(sku!)?.quantity]).toEqual([3, 3]);

    // Shipped, but the stock file is still last night's: the two units still count.
    const ledger = openLedger(loaded.config.ledger);
    try {
      const channels = createChannels(loaded, {}, { log, now: () => sim.clock.nowMs() });
      const shipped = await shipOrder(ledger, (id) => channels.get(id), { orderId: order.orderId, carrier: 'BRT', tracking: 'BRT123456', now: sim.clock.now() });
      expect(shipped.outcome.ok).toBe(true);
    } finally {
      ledger.close();
    }
    expect((await sync()).plan.actions.filter((a) => a.sku === sku)).toEqual([]);

    // The till rang the sale up: the new export shows 4 on the shelf; the order no longer counts.
    shop.setRow(sku!, { Giacenza: '4' });
    expect((await sync()).plan.actions.filter((a) => a.sku === sku)).toEqual([]);
    expect([sim.amazon.listing(sku!)?.quantity, sim.ebay.listingFor(sku!)?.quantity]).toEqual([3, 3]);
  }, 180_000);

  it('sync erases buyer data of orders shipped longer ago than orders.piiRetentionDays, and only those', async () => {
    const { sim } = world;
    const live = liveSkus(sim);
    const shippedOrder = sim.buyers.placeOrder({ channel: 'ebay', sku: live.ebay[0]!, quantity: 1 });
    sim.buyers.advance(shippedOrder.orderId, 'SHIPPED');
    await sync();
    const buyerOf = (orderId: string) => {
      const ledger = openLedger(loaded.config.ledger);
      try {
        return ledger.db.prepare('SELECT buyer_name IS NOT NULL AS named, pii_purged_at IS NOT NULL AS purged FROM orders WHERE order_id = ?').get(orderId);
      } finally {
        ledger.close();
      }
    };
    expect(buyerOf(shippedOrder.orderId)).toEqual({ named: 1, purged: 0 });

    sim.clock.advance((loaded.config.orders.piiRetentionDays + 1) * 86_400_000);
    const openOrder = sim.buyers.placeOrder({ channel: 'ebay', sku: live.ebay[1]!, quantity: 1 });
    await sync();
    expect(buyerOf(shippedOrder.orderId)).toEqual({ named: 0, purged: 1 });
    expect(buyerOf(openOrder.orderId)).toEqual({ named: 1, purged: 0 });
  });
});
