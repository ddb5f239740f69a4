import type { ChangeOutcome, ChannelIssue, ListingChange } from '../channel.js';
import type { ListingContext } from './apply-context.js';
import { bulkCreateOffer, bulkPublishOffer } from './bulk-api.js';
import { batches, withCategories, writeItems, type ItemWrite } from './bulk-items.js';
import { RETRYABLE_ERROR_IDS } from './error-explanations.js';
import { throwIfFatal } from './channel-error.js';
import { createOffer, getOffers, updateOffer } from './inventory-api.js';
import { errorIds, issuesFromDetails } from './issues.js';
import { liveListingId, offerPayload, updateOfferPayload, type OfferPayload } from './mapping.js';
import { HttpError, NetworkError, UnexpectedResponseError } from '../../http/http-error.js';
import { failed, type Trace } from './outcome.js';
import { BULK_MAX } from './rate-limits.js';
import type { BulkEntry, OfferRead } from './schemas.js';

type Create = Extract<ListingChange, { kind: 'create' }>;
interface Staged extends ItemWrite {
  change: Create;
  body: OfferPayload;
}
interface Offered extends Staged {
  offerId: string;
  /** The listing an adopted offer already has live: revised, not published again. */
  liveListingId?: string;
}

/**
 * First listings (reference §5, §6), 25 SKUs a batch and three writes a batch: whole inventory
 * items (bulkCreateOrReplaceInventoryItem, merged over what eBay holds), offers
 * (bulkCreateOffer), publish (bulkPublishOffer) → listingIds. Each SKU is judged by its own
 * entry. An offer eBay already has (25002 "Offer entity already exists") is adopted and revised
 * with updateOffer, never duplicated; after an ambiguous failure the offers are read back before
 * anything is resent. Batches run side by side.
 */
export async function createListings(ctx: ListingContext, creates: readonly Create[], onOutcome: (o: ChangeOutcome) => void): Promise<void> {
  const staged: Staged[] = withCategories(ctx, creates, onOutcome).map((p) => ({ ...p, body: offerPayload(p.change.offer, p.category, ctx.settings) }));
  await Promise.all(batches(staged, BULK_MAX).map((batch) => createBatch(ctx, batch, onOutcome)));
}

async function createBatch(ctx: ListingContext, batch: readonly Staged[], onOutcome: (o: ChangeOutcome) => void): Promise<void> {
  let written: Staged[];
  try {
    written = await writeItems(ctx, batch, onOutcome);
  } catch (error) {
    for (const p of batch) onOutcome(failed(p.change, p.trace, error));
    return;
  }
  const offered = written.length ? await stageOffers(ctx, written, onOutcome) : [];
  const toPublish: Offered[] = [];
  for (const p of offered) {
    if (p.liveListingId) onOutcome(p.trace.outcome(p.change, true, [], { offerId: p.offerId, listingId: p.liveListingId }));
    else if (p.change.offer.quantity <= 0) {
      onOutcome(
        p.trace.outcome(
          p.change,
          false,
          [{ code: 'zero-quantity', message: 'not published: quantity 0', explanation: 'eBay lists only with at least one unit; the offer waits, unpublished, for stock.' }],
          { offerId: p.offerId },
        ),
      );
    } else toPublish.push(p);
  }
  if (toPublish.length) await publishOffers(ctx, toPublish, onOutcome, true);
}

/** bulkCreateOffer for the batch; each SKU's entry decides: its new offerId, adoption, or eBay's refusal. */
async function stageOffers(ctx: ListingContext, batch: readonly Staged[], onOutcome: (o: ChangeOutcome) => void): Promise<Offered[]> {
  for (const p of batch) {
    p.trace.sent(`bulkCreateOffer ${p.change.offer.sku} price ${p.body.pricingSummary.price.value} qty ${p.change.offer.quantity} category ${p.category.categoryId}`);
  }
  let entries: BulkEntry[] = [];
  let failure: unknown;
  try {
    entries = await bulkCreateOffer(ctx.api, batch.map((p) => p.body));
  } catch (error) {
    throwIfFatal(error);
    failure = error;
  }
  const settled = await Promise.all(
    batch.map(async (p): Promise<Offered | undefined> => {
      try {
        const result = await settleOffer(ctx, p, entries.find((e) => e.sku === p.change.offer.sku), failure);
        if ('errors' in result) onOutcome(p.trace.outcome(p.change, false, result.errors));
        else return result;
      } catch (error) {
        onOutcome(failed(p.change, p.trace, error));
      }
      return undefined;
    }),
  );
  return settled.filter((p): p is Offered => p !== undefined);
}

const ok = (status: number) => status >= 200 && status < 300;

/**
 * One SKU's bulkCreateOffer entry. A new offerId is taken; 25002 (the offer exists) and anything
 * ambiguous (no entry, a 5xx, an unreadable answer, no offerId) read the SKU's offers back and
 * adopt the one eBay has; any other refusal is eBay's reason for this SKU.
 */
async function settleOffer(ctx: ListingContext, p: Staged, entry: BulkEntry | undefined, failure: unknown): Promise<Offered | { errors: ChannelIssue[] }> {
  if (entry && ok(entry.statusCode) && entry.offerId) {
    p.trace.answered(`${entry.statusCode} offerId=${entry.offerId}`, entry.warnings);
    return { ...p, offerId: entry.offerId };
  }
  const ids = (entry?.errors ?? []).map((e) => e.errorId);
  const ambiguous = entry ? entry.statusCode >= 500 || ok(entry.statusCode) : failure === undefined || isAmbiguous(failure);
  if (!ambiguous && !ids.includes(25002)) {
    if (entry) {
      p.trace.answered(`${entry.statusCode} ${ids.join(',')}`.trim(), entry.warnings);
      return { errors: issuesFromDetails(entry.errors) };
    }
    throw failure;
  }
  p.trace.answered(`createOffer ${entry ? `entry ${entry.statusCode} ${ids.join(',')}`.trim() : failure ? 'failed' : 'no entry'}, reading back`);
  const found = await adoptOffer(ctx, p.body, p.trace);
  if (!found && ambiguous) {
    // Nothing landed: sending the create again cannot make a second offer.
    p.trace.sent(`createOffer price ${p.body.pricingSummary.price.value} (again: nothing landed)`);
    const offerId = await createOfferOnce(ctx, p.body, p.trace);
    if (offerId) return { ...p, offerId };
  }
  if (!found) {
    if (entry?.errors?.length) return { errors: issuesFromDetails(entry.errors) };
    if (failure !== undefined) throw failure;
    return { errors: [{ code: 'unexpected-response', message: 'createOffer returned no offerId' }] };
  }
  // A published offer whose listing eBay ended is published again below, never taken as live.
  const live = liveListingId(found);
  // Adopting a live listing revised it twice: its item, then its offer.
  if (live) p.trace.revised(2);
  return { ...p, offerId: found.offerId, ...(live ? { liveListingId: live } : {}) };
}

/** bulkPublishOffer → each offer's listingId; entries failing with a passing eBay error are sent once more. */
async function publishOffers(ctx: ListingContext, batch: readonly Offered[], onOutcome: (o: ChangeOutcome) => void, mayRetry: boolean): Promise<void> {
  for (const p of batch) p.trace.sent(`bulkPublishOffer ${p.offerId}`);
  let entries: BulkEntry[];
  try {
    entries = await bulkPublishOffer(ctx.api, batch.map((p) => p.offerId));
  } catch (error) {
    for (const p of batch) onOutcome(failed(p.change, p.trace, error));
    return;
  }
  const again: Offered[] = [];
  for (const p of batch) {
    const entry = entries.find((e) => e.offerId === p.offerId);
    if (!entry) {
      p.trace.answered('no entry');
      onOutcome(p.trace.outcome(p.change, false, [{ code: 'unexpected-response', message: `eBay's answer has no entry for offer ${p.offerId}` }]));
      continue;
    }
    const ids = (entry.errors ?? []).map((e) => e.errorId);
    p.trace.answered(`${entry.statusCode} listingId=${entry.listingId ?? '?'}${ids.length ? ` ${ids.join(',')}` : ''}`, entry.warnings);
    if (ok(entry.statusCode)) {
      onOutcome(p.trace.outcome(p.change, entry.listingId !== undefined, [], { offerId: p.offerId, ...(entry.listingId ? { listingId: entry.listingId } : {}) }));
    } else if (mayRetry && ids.some((id) => RETRYABLE_ERROR_IDS.has(id))) again.push(p);
    else onOutcome(p.trace.outcome(p.change, false, issuesFromDetails(entry.errors)));
  }
  if (again.length) await publishOffers(ctx, again, onOutcome, false);
}

const isAmbiguous = (error: unknown) =>
  error instanceof NetworkError || error instanceof UnexpectedResponseError || (error instanceof HttpError && error.status >= 500);

/**
 * The SKU's offer read back after a refused or ambiguous create, given civetta's terms: it may be
 * another tool's, or a half-made one, so it gets civetta's price, quantity, category and policies
 * before it is published. Undefined when eBay has none.
 */
async function adoptOffer(ctx: ListingContext, body: OfferPayload, trace: Trace): Promise<OfferRead | undefined> {
  trace.sent(`getOffers sku=${body.sku}`);
  const found = pickOffer(await getOffers(ctx.api, body.sku));
  if (!found) {
    trace.answered('no offer');
    return undefined;
  }
  trace.answered(`adopted offer ${found.offerId} (${found.status ?? 'status unknown'})`);
  trace.sent(`updateOffer ${found.offerId} price ${body.pricingSummary.price.value}`);
  const upd = await updateOffer(ctx.api, found.offerId, updateOfferPayload(found, body));
  trace.answered(`${upd.status}`, upd.data?.warnings);
  return found;
}

/** createOffer attempts when each ambiguous failure is followed by a read-back that finds nothing. */
const CREATE_OFFER_TRIES = 3;

/**
 * createOffer is not idempotent: after an ambiguous failure (no answer, 5xx, unreadable answer) or a "already
 * exists" refusal (25002), read the SKU's offers back and adopt the one eBay has. When the read-back
 * finds none after an ambiguous failure, the call did not land, so it is sent again (up to 3 tries).
 */
export async function createOfferOnce(ctx: ListingContext, body: OfferPayload, trace: Trace): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await createOffer(ctx.api, body);
      trace.answered(`${created.status} offerId=${created.data.offerId ?? '?'}`, created.data.warnings);
      return created.data.offerId;
    } catch (error) {
      if (!isAmbiguous(error) && !errorIds(error).includes(25002)) throw error;
      trace.answered(`createOffer failed (${error instanceof HttpError ? error.status : 'no answer'}), reading back`);
      const found = await adoptOffer(ctx, body, trace);
      if (found) return found.offerId;
      if (!isAmbiguous(error) || attempt >= CREATE_OFFER_TRIES) throw error;
      trace.sent(`createOffer price ${body.pricingSummary.price.value} (try ${attempt + 1})`);
    }
  }
}

/** The SKU's fixed-price offer on this marketplace (one per SKU × marketplace × format, reference §5 step 2). */
export function pickOffer(offers: readonly OfferRead[]): OfferRead | undefined {
  return offers.find((o) => (o.format ?? 'FIXED_PRICE') === 'FIXED_PRICE');
}
