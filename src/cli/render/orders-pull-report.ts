import type { PullReport } from '../../orders/pull-orders.js';

/** One line per channel: what the pull read and changed, and where its cursor stands. */
export function renderPullReport(report: PullReport): string {
  return report.channels
    .map((c) => {
      const cursor = Object.entries(c.cursors).map(([m, t]) => `${m} ${t}`).join(', ') || 'none yet';
      const head = `${c.channel}: ${c.orders} order(s) in ${c.pages} page(s) since ${c.since} — ${c.inserted} new, ${c.updated} changed`;
      const changes = c.statusChanges ? `, ${c.statusChanges} status change(s)` : '';
      const error = c.error ? `\n  stopped: ${c.error.message} (committed pages kept; the cursor did not move)` : '';
      return `${head}${changes}; cursor ${cursor}${error}`;
    })
    .join('\n');
}
