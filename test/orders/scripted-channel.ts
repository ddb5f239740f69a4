import type { Channel } from '../../src/channels/channel.js';
import type { ChannelId } from '../../src/domain/ids.js';
import type { Order } from '../../src/domain/order.js';

/**
 * A channel whose orders a test scripts: pullOrders pages through the orders updated at or after
 * `since`, oldest first, like both marketplaces do. `failAfterPages` makes the iterator throw
 * once that many pages were handed out (the pull was killed mid-way).
 */
export function scriptedChannel(id: ChannelId, orders: () => Order[], pageSize = 2) {
  const state = { failAfterPages: undefined as number | undefined, sinceSeen: [] as string[], shipped: [] as unknown[] };
  const channel: Channel = {
    id,
    authenticate: async () => {},
    readListings: async () => new Map(),
    apply: async () => {},
    async *pullOrders(since: Date) {
      state.sinceSeen.push(since.toISOString());
      const visible = orders()
        .filter((o) => Date.parse(o.updatedAt) >= since.getTime())
        .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
      for (let i = 0, page = 0; i < visible.length; i += pageSize, page += 1) {
        if (state.failAfterPages !== undefined && page >= state.failAfterPages) throw new Error('connection reset');
        yield visible.slice(i, i + pageSize);
      }
    },
    ship: async (request) => {
      state.shipped.push(request);
      return { ok: true, reference: `F-${request.orderId}`, errors: [] };
    },
  };
  return { channel, state };
}

/** An order with one line per [sku, quantity, unit price]. */
export function makeOrder(channel: ChannelId, id: string, updatedAt: string, lines: Array<[string, number, number]>, extra: Partial<Order> = {}): Order {
  return {
    channel,
    marketplace: channel === 'amazon' ? 'APJ6JRA9NG5V4' : 'EBAY_IT',
    orderId: id,
    createdAt: updatedAt,
    updatedAt,
    status: 'unshipped',
    rawStatus: channel === 'amazon' ? 'Unshipped' : 'NOT_STARTED',
    currency: 'EUR',
    buyer: { name: `Buyer ${id}`, address: 'Via Roma 1, Milano' },
    lines: lines.map(([sku, quantity, unit], i) => ({
      lineId: `${id}-L${i}`, sku, title: `Item ${sku}`, quantity, unitPriceMinor: unit, lineTotalMinor: unit * quantity,
    })),
    ...extra,
  };
}
