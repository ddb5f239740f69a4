import type { Ledger } from '../ledger/database.js';
import { readOrders } from '../ledger/orders.js';
import { assessOrderHealth, HEALTH_TARGETS, type OrderHealth } from './assess-order-health.js';

const DAY_MS = 86_400_000;

/** The `status` view of orders: unshipped orders past due, and late-shipment/cancellation rates per channel. */
export function orderHealth(ledger: Ledger, now: Date, handlingDays: number): OrderHealth {
  const reach = Math.max(...Object.values(HEALTH_TARGETS).map((t) => Math.max(t.lateDays, t.cancelDays)));
  // Open orders of any age, plus everything recent enough to fall in a rate window (with a margin for handling time).
  const since = now.getTime() - (reach + 30) * DAY_MS;
  const orders = readOrders(ledger).filter(
    (o) => o.status === 'unshipped' || o.status === 'partially_shipped' || Date.parse(o.createdAt) >= since,
  );
  return assessOrderHealth(orders, now, handlingDays);
}
