import type { Offer } from '../domain/offer.js';
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
 * changes anyway, the small move rides along in the same revision.
 */
export function diffOffer(listing: LedgerListing, offer: Offer, deadBand: number): OfferDiff {
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
  if (!small || changes.length > 0) return { changes: [...changes, quantity], offer };
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

/** Defers the update when the listing has used its revisions for the day. */
export function limitRevisions(
  listing: LedgerListing,
  changes: FieldChange[],
  today: string,
  maxPerDay: number,
): Deferred | undefined {
  const used = listing.revisionDay === today ? listing.revisionsToday : 0;
  if (used < maxPerDay) return undefined;
  return {
    channel: listing.channel,
    sku: listing.sku,
    why: 'revision-cap',
    changes,
    message: `${used} revisions already sent today (limit ${maxPerDay}): deferred to tomorrow`,
  };
}
