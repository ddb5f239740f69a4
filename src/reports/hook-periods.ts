import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from '../ledger/database.js';
import type { HookPeriod } from './hook-report.js';

/**
 * Every span a SKU was a hook on a channel, from the sync engine's `hook_history` table
 * (001-core), for the hooks that were really listed there: live now or ended (a listing the
 * marketplace once held), or created by a run. A hook whose every create was refused never
 * reached a buyer and does not count.
 */
export function readHookPeriods(ledger: Ledger): HookPeriod[] {
  const rows = ledger.db
    .prepare<[], { channel: ChannelId; sku: string; since: string; until: string | null }>(
      `SELECT h.channel, h.sku, h.since, h.until FROM hook_history h
       WHERE EXISTS (SELECT 1 FROM listings l WHERE l.channel = h.channel AND l.sku = h.sku AND l.status IN ('active', 'ended'))
          OR EXISTS (SELECT 1 FROM actions a WHERE a.channel = h.channel AND a.sku = h.sku AND a.kind = 'create' AND a.outcome = 'ok')
       ORDER BY h.sku, h.channel, h.since`,
    )
    .all();
  return rows.map((r) => ({ channel: r.channel, sku: r.sku, since: r.since, ...(r.until ? { until: r.until } : {}) }));
}
