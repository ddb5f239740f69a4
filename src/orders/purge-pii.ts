import type { Ledger } from '../ledger/database.js';
import { purgeBuyerData } from '../ledger/orders.js';

const DAY_MS = 86_400_000;

/**
 * Erases buyer names, addresses and e-mails kept longer than `olderThanDays` after shipment
 * (config `orders.piiRetentionDays`, default 30: Amazon's Data Protection Policy asks sellers to
 * delete buyer PII within 30 days of delivery, and eBay's user-data rules allow keeping it only as
 * long as needed to complete the sale; GDPR art. 5(1)(e) storage limitation). Cancelled and refunded orders count from their last change. Called by
 * `civetta orders purge-pii` and by every sync. Returns how many orders were purged.
 */
export function purgePii(ledger: Ledger, o: { olderThanDays: number; now: Date }): { purged: number; cutoff: string } {
  const cutoff = new Date(o.now.getTime() - o.olderThanDays * DAY_MS);
  return { purged: purgeBuyerData(ledger, cutoff, o.now), cutoff: cutoff.toISOString() };
}
