import type { Order } from '../domain/order.js';
import type { SalesBySku } from './rank.js';

/**
 * Units sold per SKU across the given orders, for `rank: sales`: every channel counts (it is the
 * product's pull on marketplace buyers); cancelled and refunded orders do not. Pure.
 */
export function unitsSold(orders: readonly Pick<Order, 'status' | 'lines'>[]): SalesBySku {
  const units = new Map<string, number>();
  for (const order of orders) {
    if (order.status === 'cancelled' || order.status === 'refunded') continue;
    for (const line of order.lines) {
      if (line.sku && line.quantity > 0) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
    }
  }
  return units;
}
