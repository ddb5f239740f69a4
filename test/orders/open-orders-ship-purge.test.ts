import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/channels/channel.js';
import type { ChannelId } from '../../src/domain/ids.js';
import type { Ledger } from '../../src/ledger/database.js';
import { readOrderEvents, readOrders, upsertOrders } from '../../src/ledger/orders.js';
import { openOrderUnits } from '../../src/orders/open-orders.js';
import { purgePii } from '../../src/orders/purge-pii.js';
import { shipOrder } from '../../src/orders/ship-order.js';
import { makeOrder, scriptedChannel } from './scripted-channel.js';
import { tempLedger } from './ledger-fixture.js';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
});
afterEach(() => t.dispose());

const now = new Date('2026-11-20T12:00:00.000Z');

function seed() {
  upsertOrders(
    ledger,
    [
      makeOrder('ebay', 'E1', '2026-11-18T10:00:00.000Z', [['A', 2, 1000], ['B', 1, 500]]),
      makeOrder('amazon', 'Z1', '2026-11-18T11:00:00.000Z', [['A', 1, 1200]], { status: 'pending', rawStatus: 'Pending' }),
      makeOrder('amazon', 'Z2', '2026-11-19T11:00:00.000Z', [['A', 3, 1200]], { status: 'cancelled', rawStatus: 'Canceled' }),
      makeOrder('ebay', 'E2', '2026-11-19T12:00:00.000Z', [['C', 1, 900]], { status: 'shipped', rawStatus: 'FULFILLED' }),
    ],
    { now },
  );
}

describe('open-order units', () => {
  it('counts pending and unshipped units per SKU across channels, never cancelled ones', () => {
    seed();
    expect(openOrderUnits(ledger)).toEqual(new Map([['A', 3], ['B', 1]]));
  });

  it('a shipped order keeps counting until a stock file written after the shipment', () => {
    seed();
    expect(openOrderUnits(ledger, { stockAsOf: new Date('2026-11-19T06:00:00.000Z') }).get('C')).toBe(1);
    expect(openOrderUnits(ledger, { stockAsOf: new Date('2026-11-20T06:00:00.000Z') }).get('C')).toBeUndefined();
  });
});

describe('shipOrder', () => {
  it('sends every unshipped line to the order channel, records the shipment, and the units stop counting', async () => {
    seed();
    const ebay = scriptedChannel('ebay', () => []);
    const channels = new Map<ChannelId, Channel>([['ebay', ebay.channel]]);
    const result = await shipOrder(ledger, (id) => channels.get(id), { orderId: 'E1', carrier: 'BRT', tracking: 'AB123', now });
    expect(result.outcome).toEqual({ ok: true, reference: 'F-E1', errors: [] });
    expect(ebay.state.shipped).toEqual([
      { orderId: 'E1', marketplace: 'EBAY_IT', lines: [{ lineId: 'E1-L0', quantity: 2 }, { lineId: 'E1-L1', quantity: 1 }], carrier: { name: 'BRT', code: 'Bartolini' }, tracking: 'AB123', shippedAt: now },
    ]);
    expect(readOrders(ledger, { orderId: 'E1' })[0]).toMatchObject({ status: 'shipped', shippedAt: now.toISOString() });
    expect(readOrderEvents(ledger, 'ebay', 'E1').at(-1)).toEqual({ from: 'unshipped', to: 'shipped', rawStatus: 'NOT_STARTED', at: now.toISOString(), source: 'ship' });
    expect(ledger.db.prepare('SELECT carrier, tracking, reference FROM shipments').all()).toEqual([{ carrier: 'BRT', tracking: 'AB123', reference: 'F-E1' }]);
    expect(openOrderUnits(ledger)).toEqual(new Map([['A', 1]]));
    // a later re-pull of the same (older) marketplace copy does not undo it
    upsertOrders(ledger, [makeOrder('ebay', 'E1', '2026-11-18T10:00:00.000Z', [['A', 2, 1000], ['B', 1, 500]])], { now });
    expect(readOrders(ledger, { orderId: 'E1' })[0]?.status).toBe('shipped');
  });

  it('refuses an unknown or already shipped order with exit 2 and sends nothing', async () => {
    seed();
    const ebay = scriptedChannel('ebay', () => []);
    const channels = new Map<ChannelId, Channel>([['ebay', ebay.channel]]);
    await expect(shipOrder(ledger, (id) => channels.get(id), { orderId: 'NOPE', carrier: 'BRT', tracking: 'X', now })).rejects.toMatchObject({ exitCode: 2 });
    await expect(shipOrder(ledger, (id) => channels.get(id), { orderId: 'E2', carrier: 'BRT', tracking: 'X', now })).rejects.toMatchObject({ exitCode: 2 });
    expect(ebay.state.shipped).toEqual([]);
  });

  it('refuses an order not paid yet (Amazon Pending) with exit 2, saying when it can be shipped, and sends nothing', async () => {
    seed();
    const amazon = scriptedChannel('amazon', () => []);
    const channels = new Map<ChannelId, Channel>([['amazon', amazon.channel]]);
    // Before: the tracking was sent and Amazon's refusal came back as "this is a civetta bug".
    const refused = shipOrder(ledger, (id) => channels.get(id), { orderId: 'Z1', carrier: 'BRT', tracking: 'X', now });
    await expect(refused).rejects.toMatchObject({ exitCode: 2 });
    await expect(refused).rejects.toThrow(/Order Z1 is not paid yet \(amazon: Pending\): it cannot be shipped before the marketplace confirms payment/);
    expect(amazon.state.shipped).toEqual([]);
  });

  it("asks for the order's channel alone, and only once the order can be shipped", async () => {
    seed();
    const ebay = scriptedChannel('ebay', () => []);
    const asked: ChannelId[] = [];
    const adapterOf = (id: ChannelId) => {
      asked.push(id);
      return id === 'ebay' ? ebay.channel : undefined;
    };
    // Refused before any adapter is built: a pending order needs no credentials to be refused.
    await expect(shipOrder(ledger, adapterOf, { orderId: 'Z1', carrier: 'BRT', tracking: 'X', now })).rejects.toMatchObject({ exitCode: 2 });
    expect(asked).toEqual([]);
    // Before: every enabled channel's adapter was built first, so an eBay order needed Amazon's credentials too.
    expect((await shipOrder(ledger, adapterOf, { orderId: 'E1', carrier: 'BRT', tracking: 'AB123', now })).outcome.ok).toBe(true);
    expect(asked).toEqual(['ebay']);
  });
});

describe('purgePii', () => {
  it('erases buyer data of orders shipped or cancelled before the retention cutoff, and a re-pull never restores it', () => {
    seed();
    // E2 shipped 2026-11-19T12:00; Z2 cancelled 2026-11-19T11:00
    expect(purgePii(ledger, { olderThanDays: 1, now: new Date('2026-11-20T11:30:00.000Z') })).toEqual({ purged: 1, cutoff: '2026-11-19T11:30:00.000Z' });
    expect(readOrders(ledger).map((o) => [o.orderId, o.buyer?.name ?? null, o.piiPurgedAt ?? null])).toEqual([
      ['E1', 'Buyer E1', null],
      ['Z1', 'Buyer Z1', null],
      ['Z2', null, '2026-11-20T11:30:00.000Z'],
      ['E2', 'Buyer E2', null],
    ]);
    upsertOrders(ledger, [makeOrder('amazon', 'Z2', '2026-11-21T11:00:00.000Z', [['A', 3, 1200]], { status: 'cancelled', rawStatus: 'Canceled' })], { now });
    expect(readOrders(ledger, { orderId: 'Z2' })[0]?.buyer).toBeUndefined();
    expect(purgePii(ledger, { olderThanDays: 0, now: new Date('2026-11-22T00:00:00.000Z') }).purged).toBe(1);
  });
});
