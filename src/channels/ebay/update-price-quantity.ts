import { throwIfFatal } from './channel-error.js';
import type { ChangeOutcome, ListingChange } from '../channel.js';
import { minorToDecimal } from '../../domain/money.js';
import { HttpError } from '../../http/http-error.js';
import type { ListingContext } from './apply-context.js';
import { bulkUpdatePriceQuantity, type PriceQuantityRequest } from './bulk-api.js';
import { pickOffer } from './create-listing.js';
import { RETRYABLE_ERROR_IDS } from './error-explanations.js';
import { getOffers } from './inventory-api.js';
import { issuesFromDetails, issuesFromError } from './issues.js';
import { Trace } from './outcome.js';
import { BULK_MAX } from './rate-limits.js';
import type { BulkEntry } from './schemas.js';

type Update = Extract<ListingChange, { kind: 'update' }>;

/**
 * Price and quantity changes through bulkUpdatePriceQuantity, 25 SKUs a call (reference §6).
 * Each SKU is judged by its own entry; entries failing with 25001/25025 (passing eBay errors)
 * are sent once more; a request-level 400 without entries falls back to one call per SKU, so
 * one bad item never fails its neighbours.
 */
export async function updatePriceQuantity(ctx: ListingContext, updates: readonly Update[], onOutcome: (o: ChangeOutcome) => void): Promise<void> {
  const ready: Array<{ change: Update; request: PriceQuantityRequest; trace: Trace }> = [];
  for (const change of updates) {
    const trace = new Trace();
    try {
      const offerId = change.remote.offerId ?? (await lookUpOfferId(ctx, change, trace));
      if (!offerId) {
        onOutcome(trace.outcome(change, false, [{ code: 'offer-missing', message: 'eBay has no offer for this SKU', explanation: 'It will be listed again as new on the next run.' }]));
        continue;
      }
      ready.push({ change, request: priceQuantityRequest(change, offerId), trace });
    } catch (error) {
      throwIfFatal(error);
      onOutcome(trace.outcome(change, false, issuesFromError(error)));
    }
  }
  for (let i = 0; i < ready.length; i += BULK_MAX) {
    await sendBatch(ctx, ready.slice(i, i + BULK_MAX), onOutcome, true);
  }
}

async function lookUpOfferId(ctx: ListingContext, change: Update, trace: Trace): Promise<string | undefined> {
  trace.sent(`getOffers sku=${change.offer.sku}`);
  const found = pickOffer(await getOffers(ctx.api, change.offer.sku));
  trace.answered(found ? `offer ${found.offerId}` : 'no offer');
  return found?.offerId;
}

function priceQuantityRequest(change: Update, offerId: string): PriceQuantityRequest {
  const { offer, fields } = change;
  const withQuantity = fields.includes('quantity');
  return {
    sku: offer.sku,
    ...(withQuantity ? { shipToLocationAvailability: { quantity: offer.quantity } } : {}),
    offers: [
      {
        offerId,
        ...(withQuantity ? { availableQuantity: offer.quantity } : {}),
        ...(fields.includes('price') ? { price: { value: minorToDecimal(offer.priceMinor), currency: offer.currency } } : {}),
      },
    ],
  };
}

function describe(request: PriceQuantityRequest): string {
  const o = request.offers[0];
  const parts = [`bulkUpdatePriceQuantity ${request.sku} offer ${o?.offerId ?? '?'}`];
  if (o?.price) parts.push(`price ${o.price.value}`);
  if (o?.availableQuantity !== undefined) parts.push(`qty ${o.availableQuantity}`);
  return parts.join(' ');
}

async function sendBatch(
  ctx: ListingContext,
  batch: ReadonlyArray<{ change: Update; request: PriceQuantityRequest; trace: Trace }>,
  onOutcome: (o: ChangeOutcome) => void,
  mayRetry: boolean,
): Promise<void> {
  let entries: BulkEntry[];
  try {
    for (const b of batch) b.trace.sent(describe(b.request));
    entries = await bulkUpdatePriceQuantity(ctx.api, batch.map((b) => b.request));
  } catch (error) {
    throwIfFatal(error);
    if (error instanceof HttpError && error.status === 400 && batch.length > 1) {
      // The whole request was refused: send each SKU alone so the good ones still go through.
      for (const b of batch) b.trace.answered(`batch refused (HTTP 400), resent alone`);
      for (const b of batch) await sendBatch(ctx, [b], onOutcome, mayRetry);
      return;
    }
    for (const b of batch) {
      b.trace.answered(error instanceof HttpError ? `HTTP ${error.status}` : 'no answer');
      onOutcome(b.trace.outcome(b.change, false, issuesFromError(error)));
    }
    return;
  }
  const again: typeof batch[number][] = [];
  for (const b of batch) {
    // eBay answers once per offer and once more for the item's ship-to-home quantity
    // (BulkPriceQuantityResponse): the SKU is done only when every one of its entries is 2xx.
    const mine = entries.filter((e) => e.sku === b.request.sku);
    if (mine.length === 0) {
      onOutcome(b.trace.outcome(b.change, false, [{ code: 'unexpected-response', message: `eBay's answer has no entry for ${b.request.sku}` }]));
      continue;
    }
    const failed = mine.filter((e) => e.statusCode < 200 || e.statusCode >= 300);
    const ok = failed.length === 0;
    const errors = failed.flatMap((e) => e.errors ?? []);
    b.trace.answered(
      mine.map((e) => `${e.statusCode}${e.errors?.length ? ` ${e.errors.map((x) => x.errorId).join(',')}` : ''}`).join(' + '),
      mine.flatMap((e) => e.warnings ?? []),
    );
    if (!ok && mayRetry && errors.some((e) => RETRYABLE_ERROR_IDS.has(e.errorId))) {
      again.push(b);
      continue;
    }
    // One bulkUpdatePriceQuantity entry set revises a live listing once, price and quantity together.
    if (ok && b.change.remote.listingId) b.trace.revised(1);
    onOutcome(b.trace.outcome(b.change, ok, ok ? [] : issuesFromDetails(errors), ok ? { ...b.change.remote, offerId: b.request.offers[0]?.offerId ?? '' } : undefined));
  }
  if (again.length) await sendBatch(ctx, again, onOutcome, false);
}
