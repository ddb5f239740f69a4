import { throwIfFatal } from './channel-error.js';
import type { ChangeOutcome, ListingChange } from '../channel.js';
import { HttpError } from '../../http/http-error.js';
import type { ListingContext } from './apply-context.js';
import { batches, withCategories, writeItems, type ItemWrite } from './bulk-items.js';
import { createOfferOnce, pickOffer } from './create-listing.js';
import { getOffer, getOffers, publishOffer, updateOffer } from './inventory-api.js';
import { issuesFromError } from './issues.js';
import { liveListingId, offerPayload, updateOfferPayload } from './mapping.js';
import { settle } from './outcome.js';
import { BULK_MAX } from './rate-limits.js';

type Update = Extract<ListingChange, { kind: 'update' }>;
interface Pending extends ItemWrite { change: Update }

/**
 * Content changes (and relists after a withdraw) as read-modify-write of whole objects
 * (reference §5, §9 "Replace, not patch"): the items are read in bulk, civetta's fields laid
 * over them, written back with bulkCreateOrReplaceInventoryItem; then each offer is read and
 * sent whole with updateOffer, and published again when it is not live.
 */
export async function updateContent(ctx: ListingContext, updates: readonly Update[], onOutcome: (o: ChangeOutcome) => void): Promise<void> {
  const pending: Pending[] = withCategories(ctx, updates, onOutcome);
  // Batches are independent: they run side by side, as many at once as the client lets through.
  await Promise.all(
    batches(pending, BULK_MAX).map(async (batch) => {
      let written: Pending[];
      try {
        written = await writeItems(ctx, batch, onOutcome);
      } catch (error) {
        throwIfFatal(error);
        for (const p of batch) onOutcome(p.trace.outcome(p.change, false, issuesFromError(error)));
        return;
      }
      await Promise.all(written.map(async (p) => onOutcome(await reviseOffer(ctx, p))));
    }),
  );
}

/** An offer removed in Seller Hub (404) is looked up again by SKU, and created when eBay has none. */
function gone(error: unknown): undefined {
  if (error instanceof HttpError && error.status === 404) return undefined;
  throw error;
}

/** updateOffer with the whole offer; publish when the listing is not live (relist → a new listingId). */
function reviseOffer(ctx: ListingContext, p: Pending): Promise<ChangeOutcome> {
  const { change, trace } = p;
  return settle(change, trace, async () => {
    const ours = offerPayload(change.offer, p.category, ctx.settings);
    const offerId = change.remote.offerId;
    trace.sent(offerId ? `getOffer ${offerId}` : `getOffers sku=${change.offer.sku}`);
    let existing = offerId ? await getOffer(ctx.api, offerId).catch(gone) : undefined;
    if (!existing) existing = pickOffer(await getOffers(ctx.api, change.offer.sku));
    let id = existing?.offerId;
    if (existing && id) {
      trace.answered(`offer ${id} ${existing.status ?? ''}`.trim());
      trace.sent(`updateOffer ${id} price ${ours.pricingSummary.price.value} qty ${change.offer.quantity}`);
      const upd = await updateOffer(ctx.api, id, updateOfferPayload(existing, ours));
      trace.answered(`${upd.status}`, upd.data?.warnings);
    } else {
      trace.answered('no offer');
      trace.sent(`createOffer price ${ours.pricingSummary.price.value} qty ${change.offer.quantity}`);
      id = await createOfferOnce(ctx, ours, trace);
      if (!id) return { ok: false, errors: [{ code: 'unexpected-response', message: 'createOffer returned no offerId' }] };
    }
    const liveId = liveListingId(existing);
    if (liveId) {
      // The item written above and this updateOffer each revised the live listing.
      trace.revised(2);
      return { ok: true, remote: { offerId: id, listingId: liveId } };
    }
    if (change.offer.quantity <= 0) return { ok: true, remote: { offerId: id } };
    trace.sent(`publishOffer ${id}`);
    const pub = await publishOffer(ctx.api, id);
    trace.answered(`${pub.status} listingId=${pub.data.listingId ?? '?'}`, pub.data.warnings);
    if (pub.data.listingId && change.remote.listingId && pub.data.listingId !== change.remote.listingId) {
      trace.warn({
        code: 'new-listing-id',
        message: `relisted as ${pub.data.listingId} (was ${change.remote.listingId})`,
        explanation: 'eBay gives a listing a new number when it is published again; older orders keep the old one.',
      });
    }
    return { ok: pub.data.listingId !== undefined, remote: { offerId: id, ...(pub.data.listingId ? { listingId: pub.data.listingId } : {}) } };
  });
}
