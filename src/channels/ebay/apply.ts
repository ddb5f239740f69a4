import { throwIfFatal } from './channel-error.js';
import type { ChangeOutcome, ListingChange } from '../channel.js';
import type { ListingContext } from './apply-context.js';
import { createListings } from './create-listing.js';
import { Trace } from './outcome.js';
import { withdrawListing } from './delist.js';
import { updateContent } from './update-content.js';
import { updatePriceQuantity } from './update-price-quantity.js';

type Update = Extract<ListingChange, { kind: 'update' }>;

/**
 * Sorts the changes into the calls that fit them: creates in bulk (items, offers, publish);
 * price/quantity-only updates in bulk; content updates and relists (no listingId since a
 * withdraw) as whole-object rewrites; delists and zero quantities without out-of-stock
 * control as withdrawals.
 */
export async function applyChanges(ctx: ListingContext, changes: readonly ListingChange[], onOutcome: (o: ChangeOutcome) => void): Promise<void> {
  const creates: Array<Extract<ListingChange, { kind: 'create' }>> = [];
  const bulk: Update[] = [];
  const content: Update[] = [];
  const withdrawals: Array<{ change: ListingChange; sku: string; zero: boolean }> = [];
  const zeroes = changes.some((c) => c.kind === 'update' && c.offer.quantity <= 0 && c.fields.includes('quantity'));
  let keepsAtZero: boolean | undefined;
  if (zeroes) {
    try {
      keepsAtZero = await ctx.outOfStockControl();
    } catch (error) {
      throwIfFatal(error);
      keepsAtZero = undefined;
    }
  }
  for (const change of changes) {
    if (change.kind === 'create') creates.push(change);
    else if (change.kind === 'delist') withdrawals.push({ change, sku: change.sku, zero: false });
    else if (change.offer.quantity <= 0 && change.fields.includes('quantity') && keepsAtZero === undefined) {
      onOutcome(new Trace().outcome(change, false, [{ code: 'out-of-stock-unknown', message: 'could not read the out-of-stock setting from eBay', explanation: 'Nothing was sent for this zero quantity; the next run tries again.' }]));
    } else if (change.offer.quantity <= 0 && change.fields.includes('quantity') && !keepsAtZero) {
      withdrawals.push({ change, sku: change.offer.sku, zero: true });
    } else if (change.fields.includes('content') || !change.remote.listingId) content.push(change);
    else bulk.push(change);
  }
  if (creates.length || content.length) await ctx.locationReady();
  const remoteOf = (c: ListingChange) => (c.kind === 'create' ? {} : c.remote);
  await Promise.all([
    createListings(ctx, creates, onOutcome),
    ...withdrawals.map(async (w) => onOutcome(await withdrawListing(ctx, w.change, w.sku, remoteOf(w.change), w.zero))),
    updatePriceQuantity(ctx, bulk, onOutcome),
    updateContent(ctx, content, onOutcome),
  ]);
}
