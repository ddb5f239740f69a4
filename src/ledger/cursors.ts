import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from './database.js';

/** Where the last complete pull of one channel and marketplace got to: the newest order update it stored. */
export interface OrderCursor {
  channel: ChannelId;
  marketplace: string;
  lastUpdated: string;
  pulledAt: string;
}

export function readCursors(ledger: Ledger, channel?: ChannelId): OrderCursor[] {
  const rows = ledger.db
    .prepare<string[], { channel: ChannelId; marketplace: string; last_updated: string; pulled_at: string }>(
      `SELECT channel, marketplace, last_updated, pulled_at FROM order_cursors ${channel ? 'WHERE channel = ?' : ''} ORDER BY channel, marketplace`,
    )
    .all(...(channel ? [channel] : []));
  return rows.map((r) => ({ channel: r.channel, marketplace: r.marketplace, lastUpdated: r.last_updated, pulledAt: r.pulled_at }));
}

/**
 * Moves a cursor forward to `lastUpdated`, never backwards (a `--since` pull of old orders must
 * not make the next pull re-read months). Call only after every page of the pull is committed.
 */
export function advanceCursor(ledger: Ledger, channel: ChannelId, marketplace: string, lastUpdated: Date, now: Date): void {
  ledger.db
    .prepare(
      `INSERT INTO order_cursors (channel, marketplace, last_updated, pulled_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (channel, marketplace) DO UPDATE SET
         last_updated = max(order_cursors.last_updated, excluded.last_updated), pulled_at = excluded.pulled_at`,
    )
    .run(channel, marketplace, lastUpdated.toISOString(), now.toISOString());
}
