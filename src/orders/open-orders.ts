import type { Ledger } from '../ledger/database.js';
import { readOrders } from '../ledger/orders.js';
import type { StoredOrder } from '../domain/stored-order.js';

/**
 * Units sold on a marketplace that the shop's stock file does not show yet, per SKU, across all
 * channels. The sync engine subtracts them from every channel's offer (`stock.subtractOpenOrders`),
 * so a sale on eBay lowers the quantity offered on Amazon at the next run.
 *
 * When an order stops counting: the shop's stock file comes from its till, and the till learns of
 * a web sale when the parcel is packed and the sale rung up — i.e. at shipment. So:
 * - pending, unshipped and partially shipped orders count their unshipped units (pending too:
 *   Amazon holds the unit for the buyer while payment clears);
 * - a shipped order keeps counting until a stock file written after the shipment is read
 *   (`stockAsOf`, the stock file's modification time): a till export from the night before still
 *   shows the unit on the shelf. Without `stockAsOf`, shipped orders stop counting at shipment;
 * - cancelled and refunded orders never count (the unit is back on the shelf).
 * Shops whose till records web sales as they happen set `subtractOpenOrders: false`.
 */
function openUnits(orders: readonly StoredOrder[], stockAsOf?: Date): Map<string, number> {
  const units = new Map<string, number>();
  const add = (sku: string | undefined, n: number) => {
    if (sku && n > 0) units.set(sku, (units.get(sku) ?? 0) + n);
  };
  for (const order of orders) {
    const shippedAfterStock = order.shippedAt !== undefined && stockAsOf !== undefined && Date.parse(order.shippedAt) > stockAsOf.getTime();
    if (order.status === 'shipped') {
      if (shippedAfterStock) for (const l of order.lines) add(l.sku, l.quantity);
    } else if (order.status === 'pending' || order.status === 'unshipped' || order.status === 'partially_shipped') {
      for (const l of order.lines) add(l.sku, l.quantity - (l.quantityShipped ?? 0));
    }
  }
  return units;
}

/** `openUnits` over the ledger's open orders and the shipped ones that may postdate the stock file. */
export function openOrderUnits(ledger: Ledger, opts: { stockAsOf?: Date } = {}): Map<string, number> {
  const orders = readOrders(ledger, { statuses: ['pending', 'unshipped', 'partially_shipped'] });
  if (opts.stockAsOf) orders.push(...readOrders(ledger, { statuses: ['shipped'], shippedAfter: opts.stockAsOf }));
  return openUnits(orders, opts.stockAsOf);
}
