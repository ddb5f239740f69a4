import type { ChangeOutcome, ListingChange } from '../channel.js';
import type { Offer } from '../../domain/offer.js';
import type { ListingContext } from './apply-context.js';
import { resolveCategory } from './category-map.js';
import { createOffer, createOrReplaceInventoryItem, getInventoryItem, getOffers, publishOffer, updateOffer } from './inventory-api.js';
import { inventoryItemPayload, mergeInventoryItem, offerPayload, updateOfferPayload, type OfferPayload } from './mapping.js';
import { errorIds } from './issues.js';
import { HttpError, NetworkError, UnexpectedResponseError } from '../../http/http-error.js';
import { Trace, settle } from './outcome.js';
import type { OfferRead } from './schemas.js';

/** The problem when a product's shop category has no eBay category in the config. */
export function unmappedCategoryIssue(offer: Offer) {
  return {
    code: 'category-unmapped',
    message: `shop category "${offer.product.category ?? '(none)'}" has no eBay category`,
    explanation:
      'Add it under channels.ebay.categories (find the id with `civetta ebay categories QUERY`). Nothing was sent to eBay.',
    field: 'channels.ebay.categories',
  };
}

/**
 * First listing of a product (reference §5): the full inventory item, then the SKU's offer on
 * this marketplace — adopted when one exists (never a duplicate), created otherwise — then
 * publish, which mints the listingId. An existing published offer is revised, not republished.
 */
export function createListing(ctx: ListingContext, change: Extract<ListingChange, { kind: 'create' }>): Promise<ChangeOutcome> {
  const trace = new Trace();
  return settle(change, trace, async () => {
    const { offer } = change;
    const category = resolveCategory(ctx.config.categories, offer.product);
    if (!category) return { ok: false, errors: [unmappedCategoryIssue(offer)] };
    // An item eBay already holds (adoption) is merged, so the full replace keeps its EAN and pictures.
    trace.sent(`getInventoryItem ${offer.sku}`);
    const held = await getInventoryItem(ctx.api, offer.sku);
    trace.answered(held ? 'item exists' : 'no item');
    const item = mergeInventoryItem(held, inventoryItemPayload(offer, category, ctx.api.facts));
    trace.sent(`createOrReplaceInventoryItem ${offer.sku} qty ${offer.quantity}`);
    const put = await createOrReplaceInventoryItem(ctx.api, offer.sku, item);
    trace.answered(`${put.status}`, put.data?.warnings);

    const body = offerPayload(offer, category, ctx.settings);
    trace.sent(`getOffers sku=${offer.sku}`);
    const existing = pickOffer(await getOffers(ctx.api, offer.sku));
    let offerId: string;
    if (existing) {
      offerId = existing.offerId;
      trace.answered(`adopted offer ${offerId} (${existing.status ?? 'status unknown'})`);
      trace.sent(`updateOffer ${offerId} price ${body.pricingSummary.price.value} qty ${offer.quantity}`);
      const upd = await updateOffer(ctx.api, offerId, updateOfferPayload(existing, body));
      trace.answered(`${upd.status}`, upd.data?.warnings);
    } else {
      trace.answered('no offer');
      trace.sent(`createOffer price ${body.pricingSummary.price.value} qty ${offer.quantity} category ${category.categoryId}`);
      const created = await createOfferOnce(ctx, body, trace);
      if (!created) return { ok: false, errors: [{ code: 'unexpected-response', message: 'createOffer returned no offerId' }] };
      offerId = created;
    }
    if (existing?.status === 'PUBLISHED' && existing.listing?.listingId) {
      return { ok: true, remote: { offerId, listingId: existing.listing.listingId } };
    }
    if (offer.quantity <= 0) {
      return {
        ok: false,
        remote: { offerId },
        errors: [{ code: 'zero-quantity', message: 'not published: quantity 0', explanation: 'eBay lists only with at least one unit; the offer waits, unpublished, for stock.' }],
      };
    }
    trace.sent(`publishOffer ${offerId}`);
    const pub = await publishOffer(ctx.api, offerId);
    trace.answered(`${pub.status} listingId=${pub.data.listingId ?? '?'}`, pub.data.warnings);
    return { ok: pub.data.listingId !== undefined, remote: { offerId, ...(pub.data.listingId ? { listingId: pub.data.listingId } : {}) } };
  });
}

/**
 * createOffer is not idempotent: after an ambiguous failure (no answer, 5xx, unreadable answer) or a "already
 * exists" refusal (25002), read the SKU's offers back and adopt the one eBay has.
 */
export async function createOfferOnce(ctx: ListingContext, body: OfferPayload, trace: Trace): Promise<string | undefined> {
  try {
    const created = await createOffer(ctx.api, body);
    trace.answered(`${created.status} offerId=${created.data.offerId ?? '?'}`, created.data.warnings);
    return created.data.offerId;
  } catch (error) {
    const ambiguous = error instanceof NetworkError || error instanceof UnexpectedResponseError || (error instanceof HttpError && error.status >= 500);
    if (!ambiguous && !errorIds(error).includes(25002)) throw error;
    trace.answered(`createOffer failed (${error instanceof HttpError ? error.status : 'no answer'}), reading back`);
    trace.sent(`getOffers sku=${body.sku}`);
    const found = pickOffer(await getOffers(ctx.api, body.sku));
    if (!found) throw error;
    trace.answered(`adopted offer ${found.offerId}`);
    // The offer found may be another tool's, or a half-made one: it gets civetta's price,
    // quantity, category and policies before it is published.
    trace.sent(`updateOffer ${found.offerId} price ${body.pricingSummary.price.value}`);
    const upd = await updateOffer(ctx.api, found.offerId, updateOfferPayload(found, body));
    trace.answered(`${upd.status}`, upd.data?.warnings);
    return found.offerId;
  }
}

/** The SKU's fixed-price offer on this marketplace (one per SKU × marketplace × format, reference §5 step 2). */
export function pickOffer(offers: readonly OfferRead[]): OfferRead | undefined {
  return offers.find((o) => (o.format ?? 'FIXED_PRICE') === 'FIXED_PRICE');
}
