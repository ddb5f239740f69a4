import type { Ledger } from '../ledger/database.js';
import { purgeBuyerData } from '../ledger/orders.js';

const DAY_MS = 86_400_000;

/**
 * Buyer data of an order that never reaches shipped or cancelled is erased this many days after
 * the order was placed: a marketplace cancels an unshipped order long before (Amazon after its
 * ship-by date passes unconfirmed, eBay buyers can cancel after 30 days), so nothing a shop still
 * needs is lost.
 */
export const OPEN_ORDER_PII_DAYS = 90;

/**
 * Erases buyer names, addresses and e-mails kept longer than `olderThanDays` after shipment
 * (config `orders.piiRetentionDays`, default 30: Amazon's Data Protection Policy asks sellers to
 * delete buyer PII within 30 days of delivery, and eBay's user-data rules allow keeping it only as
 * long as needed to complete the sale; GDPR art. 5(1)(e) storage limitation). Cancelled and
 * refunded orders count from their last change; any order from its placement, after
 * OPEN_ORDER_PII_DAYS (or `olderThanDays` if longer). Called by `civetta orders purge-pii` and by
 * every sync. Returns how many orders were purged.
 *
 * Erased means gone from the file: the ledger runs with `secure_delete` (old cell bytes are
 * zeroed), and after a purge that changed rows the WAL is checkpointed into the ledger and
 * truncated, so no copy of the old pages is left beside it either.
 */
export function purgePii(ledger: Ledger, o: { olderThanDays: number; now: Date }): { purged: number; cutoff: string } {
  const cutoff = new Date(o.now.getTime() - o.olderThanDays * DAY_MS);
  const openCutoff = new Date(o.now.getTime() - Math.max(OPEN_ORDER_PII_DAYS, o.olderThanDays) * DAY_MS);
  const purged = purgeBuyerData(ledger, cutoff, openCutoff, o.now);
  if (purged > 0) ledger.db.pragma('wal_checkpoint(TRUNCATE)');
  return { purged, cutoff: cutoff.toISOString() };
}
