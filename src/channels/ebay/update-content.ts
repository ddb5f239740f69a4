import { throwIfFatal } from './fatal.js';
import type { ChangeOutcome, ListingChange } from '../channel.js';
import { HttpError } from '../../http/http-error.js';
import type { ListingContext } from './apply-context.js';
import { bulkCreateOrReplaceInventoryItem, bulkGetInventoryItem } from './bulk-api.js';
import { resolveCategory, type ResolvedCategory } from './category-map.js';
import { createOfferOnce, pickOffer, unmappedCategoryIssue } from './create-listing.js';
import { getOffer, getOffers, publishOffer, updateOffer } from './inventory-api.js';
import { issuesFromDetails, issuesFromError } from './issues.js';
import { inventoryItemPayload, mergeInventoryItem, offerPayload, updateOfferPayload } from './mapping.js';
import { Trace, settle } from './outcome.js';
import { BULK_MAX } from './rate-limits.js';
import type { InventoryItemRead } from './schemas.js';

type Update = Extract<ListingChange, { kind: 'update' }>;
interface Pending { change: Update; category: ResolvedCategory; trace: Trace }

/**
 * Content changes (and relists after a withdraw) as read-modify-write of whole objects
 * (reference §5, §9 "Replace, not patch"): the items are read in bulk, civetta's fields laid
 * over them, written back with bulkCreateOrReplaceInventoryItem; then each offer is read and
 * sent whole with updateOffer, and published again when it is not live.
 */
export async function updateContent(ctx: ListingContext, updates: readonly Update[], onOutcome: (o: ChangeOutcome) => void): Promise<void> {
  const pending: Pending[] = [];
  for (const change of updates) {
    const trace = new Trace();
    const category = resolveCategory(ctx.config.categories, change.offer.product);
    if (!category) onOutcome(trace.outcome(change, false, [unmappedCategoryIssue(change.offer)]));
    else pending.push({ change, category, trace });
  }
  for (let i = 0; i < pending.length; i += BULK_MAX) {
    const batch = pending.slice(i, i + BULK_MAX);
    let written: Pending[];
    try {
      written = await writeItems(ctx, batch, onOutcome);
    } catch (error) {
      throwIfFatal(error);
      for (const p of batch) onOutcome(p.trace.outcome(p.change, false, issuesFromError(error)));
      continue;
    }
    for (const p of written) onOutcome(await reviseOffer(ctx, p));
  }
}

/** Bulk read, merge, bulk write; returns the entries eBay accepted, reports the others. */
async function writeItems(ctx: ListingContext, batch: readonly Pending[], onOutcome: (o: ChangeOutcome) => void): Promise<Pending[]> {
  const skus = batch.map((p) => p.change.offer.sku);
  for (const p of batch) p.trace.sent(`bulkGetInventoryItem ${p.change.offer.sku}`);
  const read = await bulkGetInventoryItem(ctx.api, skus);
  const existing = new Map<string, InventoryItemRead>();
  for (const entry of read) {
    if (entry.sku && entry.statusCode === 200 && entry.inventoryItem) existing.set(entry.sku, entry.inventoryItem);
  }
  const items = batch.map((p) => ({
    sku: p.change.offer.sku,
    item: mergeInventoryItem(existing.get(p.change.offer.sku), inventoryItemPayload(p.change.offer, p.category, ctx.api.facts)),
  }));
  for (const p of batch) {
    p.trace.answered(existing.has(p.change.offer.sku) ? 'item read' : 'no item yet');
    p.trace.sent(`bulkCreateOrReplaceInventoryItem ${p.change.offer.sku} qty ${p.change.offer.quantity}`);
  }
  const entries = await bulkCreateOrReplaceInventoryItem(ctx.api, items);
  const accepted: Pending[] = [];
  for (const p of batch) {
    const entry = entries.find((e) => e.sku === p.change.offer.sku);
    const ok = entry !== undefined && entry.statusCode >= 200 && entry.statusCode < 300;
    p.trace.answered(entry ? `${entry.statusCode}` : 'no entry', entry?.warnings);
    if (ok) accepted.push(p);
    else onOutcome(p.trace.outcome(p.change, false, entry ? issuesFromDetails(entry.errors) : [{ code: 'unexpected-response', message: `no entry for ${p.change.offer.sku}` }]));
  }
  return accepted;
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
    const liveId = existing?.status === 'PUBLISHED' ? existing.listing?.listingId : undefined;
    if (liveId) return { ok: true, remote: { offerId: id, listingId: liveId } };
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
