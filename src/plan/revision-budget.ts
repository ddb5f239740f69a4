import type { RevisionRules } from '../domain/listing-rules.js';
import type { Offer } from '../domain/offer.js';
import { shopDay } from '../domain/shop-day.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import type { Deferred, FieldChange } from './sync-plan.js';

export interface OfferDiff {
  /** The changes worth a revision now. */
  changes: FieldChange[];
  /** The offer to send: its quantity is the live one when a small move was skipped. */
  offer: Offer;
  /** A quantity move held back by the dead band, when there is one and nothing else changed. */
  skipped?: Deferred;
}

/**
 * The field changes between a live listing and the offer we want, after the dead band: an
 * upward quantity move smaller than `deadBand` is not worth a revision on its own (a drop is
 * always sent so we never oversell, and so is any move from or to 0). When another field
 * changes anyway, the small move rides along in the same revision; so does one that has waited
 * long enough (`overdue`).
 */
export function diffOffer(listing: LedgerListing, offer: Offer, deadBand: number, overdue = false): OfferDiff {
  const changes: FieldChange[] = [];
  if (listing.priceMinor !== offer.priceMinor) {
    changes.push({ field: 'price', from: listing.priceMinor, to: offer.priceMinor });
  }
  if (listing.contentHash !== offer.contentHash) {
    changes.push({ field: 'content', from: listing.contentHash, to: offer.contentHash });
  }
  const from = listing.quantity;
  const to = offer.quantity;
  if (from === to) return { changes, offer };
  const quantity: FieldChange = { field: 'quantity', from, to };
  const small = from > 0 && to > from && to - from < deadBand;
  // `overdue`: the move has waited hooks.deadBandMaxHours already; it goes now.
  if (!small || overdue || changes.length > 0) return { changes: [...changes, quantity], offer };
  return {
    changes,
    offer: { ...offer, quantity: from },
    skipped: {
      channel: listing.channel,
      sku: listing.sku,
      why: 'dead-band',
      changes: [quantity],
      message: `quantity ${from} → ${to} is inside the dead band of ${deadBand}: left at ${from}`,
    },
  };
}


/**
 * The calendar day a revision counts in. eBay's contract says "250 times in one calendar day"
 * without a zone; the only daily reset eBay documents (API call quotas) is midnight US Pacific.
 * civetta counts in the shop's own day (`shop.timeZone`, the marketplace's for a local shop) and
 * keeps headroom instead (`sync.maxRevisionsPerDay.ebay` 200 of 250): a boundary a few hours off
 * cannot then take a listing past eBay's cap.
 */
export function revisionDay(at: string | number | Date, timeZone: string): string {
  return shopDay(at, timeZone);
}

/** Revisions the changes cost on the live listing, as the marketplace counts them (its RevisionRules). */
function revisionCost(rules: RevisionRules, changes: readonly FieldChange[]): number {
  return changes.some((c) => c.field === 'content') ? rules.contentUpdate : 1;
}

export interface RevisionVerdict {
  /** What may be sent today. */
  send: FieldChange[];
  /** What waits for tomorrow, when anything does. */
  deferred?: Deferred;
}

/**
 * Spends the listing's daily revision budget: the changes go when their cost still fits. Past
 * the configured budget, a quantity drop is still sent (alone, one revision) while the
 * marketplace's own cap allows it, because a listing showing stock the shop no longer has sells
 * what cannot be shipped; everything else waits for tomorrow.
 */
export function limitRevisions(
  listing: LedgerListing,
  changes: FieldChange[],
  today: string,
  maxPerDay: number,
  rules: RevisionRules,
): RevisionVerdict {
  const used = listing.revisionDay === today ? listing.revisionsToday : 0;
  if (used + revisionCost(rules, changes) <= maxPerDay) return { send: changes };
  const drop = changes.find((c) => c.field === 'quantity' && c.to < c.from);
  const send = drop && used + 1 <= rules.perDayCap ? [drop] : [];
  const held = changes.filter((c) => !send.includes(c));
  if (held.length === 0) return { send };
  return {
    send,
    deferred: {
      channel: listing.channel,
      sku: listing.sku,
      why: 'revision-cap',
      changes: held,
      message: send.length
        ? `${used} revisions already sent today (limit ${maxPerDay}): only the quantity drop goes now, the rest waits for tomorrow`
        : `${used} revisions already sent today (limit ${maxPerDay}): deferred to tomorrow`,
    },
  };
}
