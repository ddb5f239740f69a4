import type { ChannelId } from '../domain/ids.js';
import type { StoredOrder } from '../domain/stored-order.js';

/**
 * The marketplaces' seller-performance targets, as each computes them.
 * - Amazon: late shipment rate under 4% over 10/30 days, and pre-fulfilment cancel rate under
 *   2.5% over 7 days (Seller Central help "Monitor your account health", G200205250:
 *   https://sellercentral-europe.amazon.com/gp/help/external/G200205250).
 * - eBay: Above Standard needs a late shipment rate of at most 7% and a transaction defect rate
 *   (seller-cancelled transactions count as defects) of at most 2%, over the evaluation period
 *   of 3 months, or 12 with fewer than 400 transactions (eBay help "Seller performance policy",
 *   https://www.ebay.com.au/help/policies/selling-policies/seller-performance-policy?id=4347, and
 *   "Seller levels and performance standards"). Neither API reports who cancelled, so every
 *   cancellation counts and the rate is an upper bound.
 */
export const HEALTH_TARGETS: Record<ChannelId, { lateRate: number; lateDays: number; cancelRate: number; cancelDays: number }> = {
  amazon: { lateRate: 0.04, lateDays: 30, cancelRate: 0.025, cancelDays: 7 },
  ebay: { lateRate: 0.07, lateDays: 90, cancelRate: 0.02, cancelDays: 90 },
};

/** An order that should have shipped by now. */
interface OverdueOrder {
  channel: ChannelId;
  orderId: string;
  createdAt: string;
  dueBy: string;
  /** Whole days past the due time. */
  daysLate: number;
}

/** One channel's rates against its marketplace's targets. */
interface ChannelHealth {
  channel: ChannelId;
  lateWindowDays: number;
  /** Orders due in the window (shipped, or still open past their due time). */
  dueOrders: number;
  lateOrders: number;
  lateRate: number;
  lateTarget: number;
  cancelWindowDays: number;
  orders: number;
  cancelled: number;
  /** Every cancellation counts: the API does not say who cancelled, so this is an upper bound. */
  cancelRate: number;
  cancelTarget: number;
  ok: boolean;
}

/** An order to ship whose delivery address the marketplace did not give (missing data roles). */
interface AddresslessOrder {
  channel: ChannelId;
  orderId: string;
  createdAt: string;
}

export interface OrderHealth {
  overdue: OverdueOrder[];
  /** Orders to ship with no delivery address in the ledger (personal data not erased). */
  noAddress: AddresslessOrder[];
  channels: ChannelHealth[];
}

const DAY_MS = 86_400_000;

/** `days` working days (Monday–Friday, UTC) after `from`. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  for (let left = days; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}

/** The ship-by date the marketplace gave, else the order time plus the shop's handling days. */
function dueBy(order: StoredOrder, handlingDays: number): Date {
  return order.shipBy ? new Date(order.shipBy) : addWorkingDays(new Date(order.createdAt), handlingDays);
}

const OPEN = new Set(['unshipped', 'partially_shipped']);

/** Unshipped orders past their due time, and each channel's late-shipment and cancellation rates. */
export function assessOrderHealth(orders: readonly StoredOrder[], now: Date, handlingDays: number): OrderHealth {
  const overdue: OverdueOrder[] = [];
  for (const o of orders) {
    const due = dueBy(o, handlingDays);
    if (OPEN.has(o.status) && due.getTime() < now.getTime()) {
      overdue.push({ channel: o.channel, orderId: o.orderId, createdAt: o.createdAt, dueBy: due.toISOString(), daysLate: Math.floor((now.getTime() - due.getTime()) / DAY_MS) });
    }
  }
  overdue.sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy));
  // Erased buyer data is deliberate; an order to ship that never had an address needs the owner.
  const noAddress = orders
    .filter((o) => OPEN.has(o.status) && o.piiPurgedAt === undefined && o.buyer?.address === undefined)
    .map((o) => ({ channel: o.channel, orderId: o.orderId, createdAt: o.createdAt }));
  const channels = [...new Set(orders.map((o) => o.channel))].sort().map((channel): ChannelHealth => {
    const t = HEALTH_TARGETS[channel];
    const mine = orders.filter((o) => o.channel === channel);
    const lateFrom = now.getTime() - t.lateDays * DAY_MS;
    const due = mine.filter((o) => {
      const d = dueBy(o, handlingDays).getTime();
      return o.status !== 'cancelled' && o.status !== 'pending' && d >= lateFrom && (o.shippedAt !== undefined || d < now.getTime());
    });
    const late = due.filter((o) => (o.shippedAt ? Date.parse(o.shippedAt) : now.getTime()) > dueBy(o, handlingDays).getTime());
    const cancelFrom = now.getTime() - t.cancelDays * DAY_MS;
    const recent = mine.filter((o) => Date.parse(o.createdAt) >= cancelFrom);
    const cancelled = recent.filter((o) => o.status === 'cancelled');
    const lateRate = due.length ? late.length / due.length : 0;
    const cancelRate = recent.length ? cancelled.length / recent.length : 0;
    return {
      channel, lateWindowDays: t.lateDays, dueOrders: due.length, lateOrders: late.length, lateRate, lateTarget: t.lateRate,
      cancelWindowDays: t.cancelDays, orders: recent.length, cancelled: cancelled.length, cancelRate, cancelTarget: t.cancelRate,
      ok: lateRate < t.lateRate && cancelRate < t.cancelRate,
    };
  });
  return { overdue, noAddress, channels };
}
