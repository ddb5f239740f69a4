import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from './database.js';

/** SKU → since when this hook of the channel has been missing from the stock file (ISO). */
export function missingSince(ledger: Ledger, channel: ChannelId): Map<string, string> {
  const rows = ledger.db.prepare('SELECT sku, since FROM missing_hooks WHERE channel = ?').all(channel) as Array<{ sku: string; since: string }>;
  return new Map(rows.map((r) => [r.sku, r.since]));
}

/** Every hook missing from the stock file, all channels, oldest first (for `status`). */
export function allMissingHooks(ledger: Ledger): Array<{ channel: ChannelId; sku: string; since: string }> {
  return ledger.db.prepare('SELECT channel, sku, since FROM missing_hooks ORDER BY since, channel, sku').all() as Array<{ channel: ChannelId; sku: string; since: string }>;
}

/**
 * After a selection: the hooks missing now keep (or start) their clock at the time given; every
 * other clock stops (the row came back, or the hook was delisted once its grace ran out).
 */
export function recordMissing(ledger: Ledger, channel: ChannelId, missing: ReadonlyMap<string, string>): void {
  ledger.transaction(() => {
    const insert = ledger.db.prepare('INSERT INTO missing_hooks (channel, sku, since) VALUES (?, ?, ?) ON CONFLICT (channel, sku) DO NOTHING');
    for (const [sku, since] of missing) insert.run(channel, sku, since);
    const remove = ledger.db.prepare('DELETE FROM missing_hooks WHERE channel = ? AND sku = ?');
    for (const sku of missingSince(ledger, channel).keys()) if (!missing.has(sku)) remove.run(channel, sku);
  });
}
