import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from './database.js';

/** SKU → since when its quantity move has been held back by the dead band, on one channel. */
export function deadBandSince(ledger: Ledger, channel: ChannelId): Map<string, string> {
  const rows = ledger.db.prepare('SELECT sku, since FROM dead_band WHERE channel = ?').all(channel) as Array<{ sku: string; since: string }>;
  return new Map(rows.map((r) => [r.sku, r.since]));
}

/** After a plan: the SKUs held back now keep (or start) their wait; every other wait is over. */
export function recordDeadBand(ledger: Ledger, channel: ChannelId, heldBack: ReadonlySet<string>, at: string): void {
  ledger.transaction(() => {
    const insert = ledger.db.prepare('INSERT INTO dead_band (channel, sku, since) VALUES (?, ?, ?) ON CONFLICT (channel, sku) DO NOTHING');
    for (const sku of heldBack) insert.run(channel, sku, at);
    const known = deadBandSince(ledger, channel);
    const remove = ledger.db.prepare('DELETE FROM dead_band WHERE channel = ? AND sku = ?');
    for (const sku of known.keys()) if (!heldBack.has(sku)) remove.run(channel, sku);
  });
}
