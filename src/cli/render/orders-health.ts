import type { OrderHealth } from '../../reports/assess-order-health.js';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** The orders part of `civetta status`: overdue orders and each channel's rates against its targets. */
export function renderOrderHealth(h: OrderHealth): string {
  const lines: string[] = [];
  if (h.overdue.length === 0) lines.push('No unshipped order is past its handling time.');
  else {
    lines.push(`${h.overdue.length} unshipped order(s) past their handling time:`);
    for (const o of h.overdue) lines.push(`  ${o.channel}  ${o.orderId}  due ${o.dueBy.slice(0, 16).replace('T', ' ')} UTC  (${o.daysLate} day(s) late)`);
  }
  if (h.noAddress.length > 0) {
    lines.push(
      `${h.noAddress.length} order(s) to ship have no delivery address (the marketplace gave none: an Amazon app without the restricted role for buyer data). ` +
        'Find the address in Seller Central before shipping:',
    );
    for (const o of h.noAddress) lines.push(`  ${o.channel}  ${o.orderId}  ordered ${o.createdAt.slice(0, 16).replace('T', ' ')} UTC`);
  }
  for (const c of h.channels) {
    const late = `late shipments ${pct(c.lateRate)} of ${c.dueOrders} (${c.lateWindowDays} days; target < ${pct(c.lateTarget)})`;
    const cancel = `cancellations ${pct(c.cancelRate)} of ${c.orders} (${c.cancelWindowDays} days; target < ${pct(c.cancelTarget)})`;
    lines.push(`${c.channel}: ${late}, ${cancel}${c.ok ? '' : '  ← over target'}`);
  }
  return lines.join('\n');
}
