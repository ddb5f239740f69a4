import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from './database.js';

/** An item held back from a channel until its inputs change (see migrations/003-held.ts). */
export interface HeldItem {
  channel: ChannelId;
  sku: string;
  /** The refusal's code (an eBay errorId, an Amazon issue code, or civetta's own). */
  reason: string;
  /** The refusal in words, with its fix when known. */
  message: string;
  /** The inputs the item was refused with (hold-fingerprint.ts). */
  fingerprint: string;
  since: string;
  lastTriedAt: string;
}

interface HeldRow {
  channel: string;
  sku: string;
  reason: string;
  message: string;
  fingerprint: string;
  since: string;
  last_tried_at: string;
}

/** Records a hold; an item held again for the same reason keeps the time it was first held. */
export function holdItem(ledger: Ledger, item: HeldItem): void {
  ledger.db
    .prepare(
      `INSERT INTO held_items (channel, sku, reason, message, fingerprint, since, last_tried_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel, sku) DO UPDATE SET
         since = CASE WHEN held_items.reason = excluded.reason THEN held_items.since ELSE excluded.since END,
         reason = excluded.reason, message = excluded.message, fingerprint = excluded.fingerprint, last_tried_at = excluded.last_tried_at`,
    )
    .run(item.channel, item.sku, item.reason, item.message, item.fingerprint, item.since, item.lastTriedAt);
}

export function releaseHold(ledger: Ledger, channel: ChannelId, sku: string): void {
  ledger.db.prepare('DELETE FROM held_items WHERE channel = ? AND sku = ?').run(channel, sku);
}

/** Held items, of one channel or all, by channel, reason and SKU. */
export function heldItems(ledger: Ledger, channel?: ChannelId): HeldItem[] {
  const rows = (
    channel
      ? ledger.db.prepare('SELECT * FROM held_items WHERE channel = ? ORDER BY reason, sku').all(channel)
      : ledger.db.prepare('SELECT * FROM held_items ORDER BY channel, reason, sku').all()
  ) as HeldRow[];
  return rows.map((r) => ({
    channel: r.channel as ChannelId,
    sku: r.sku,
    reason: r.reason,
    message: r.message,
    fingerprint: r.fingerprint,
    since: r.since,
    lastTriedAt: r.last_tried_at,
  }));
}
