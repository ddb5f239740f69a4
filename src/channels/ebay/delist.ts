import type { ChangeOutcome, ListingChange } from '../channel.js';
import type { RemoteRef } from '../../domain/listing.js';
import type { ListingContext } from './apply-context.js';
import { pickOffer } from './create-listing.js';
import { getOffers, withdrawOffer } from './inventory-api.js';
import { errorIds } from './issues.js';
import { Trace, settle } from './outcome.js';

/**
 * Ends a listing by withdrawing its offer (`{}` body): reversible, the offer stays unpublished
 * (reference §5 step 5–6). Also used for quantity 0 when the seller has no out-of-stock control.
 */
export function withdrawListing(ctx: ListingContext, change: ListingChange, sku: string, remote: RemoteRef, zeroStock: boolean): Promise<ChangeOutcome> {
  const trace = new Trace();
  return settle(change, trace, async () => {
    let offerId = remote.offerId;
    if (!offerId) {
      trace.sent(`getOffers sku=${sku}`);
      offerId = pickOffer(await getOffers(ctx.api, sku))?.offerId;
      trace.answered(offerId ? `offer ${offerId}` : 'no offer');
      if (!offerId) return { ok: true, remote: { offerId: undefined, listingId: undefined } };
    }
    trace.sent(`withdrawOffer ${offerId}`);
    try {
      const res = await withdrawOffer(ctx.api, offerId);
      trace.answered(`${res.status} listingId=${res.data.listingId ?? '-'}`, res.data.warnings);
    } catch (error) {
      // Already ended or unpublished: what delist wanted is true.
      if (!errorIds(error).includes(25713)) throw error;
      trace.answered('offer not published (25713): nothing to end');
    }
    if (zeroStock) {
      trace.warn({
        code: 'withdrawn-at-zero',
        message: 'quantity 0: the listing was ended (the seller has no out-of-stock control)',
        explanation:
          'When stock returns civetta publishes it again, and eBay gives it a new listing number. Opt in to "out-of-stock control" in Seller Hub to keep listings alive at zero.',
      });
    }
    // listingId present but undefined: a ledger that merges remotes ({...old, ...new}) forgets
    // the ended listing, so the next non-zero update relists (eBay then mints a new listingId).
    return { ok: true, remote: { offerId, listingId: undefined } };
  });
}
