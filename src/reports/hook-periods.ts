import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from '../ledger/database.js';
import type { HookPeriod } from './hook-report.js';

/** Every span a SKU was a hook on a channel, from the sync engine's `hook_history` table (001-core). */
export function readHookPeriods(ledger: Ledger): HookPeriod[] {
  const rows = ledger.db
    .prepare<[], { channel: ChannelId; sku: string; since: string; until: string | null }>(
      'SELECT channel, sku, since, until FROM hook_history ORDER BY sku, channel, since',
    )
    .all();
  return rows.map((r) => ({ channel: r.channel, sku: r.sku, since: r.since, ...(r.until ? { until: r.until } : {}) }));
}
