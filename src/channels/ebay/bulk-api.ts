import { joinUrl } from '../../http/client.js';
import { HttpError } from '../../http/http-error.js';
import { languageHeaders, type EbayApiContext } from './api-context.js';
import { BASE_PATHS } from './endpoints.js';
import type { InventoryItemPayload, OfferPayload } from './mapping.js';
import { BulkEntryAnswer, BulkGetInventoryItemAnswer, type BulkEntry } from './schemas.js';

/**
 * The bulk Inventory calls (≤ 25 entries each, reference §6). The whole call answers 200, 207
 * (mixed) or 400/500, and a 400 can still carry per-entry `responses[]`: those are returned so
 * each SKU is judged by its own statusCode. A 4xx without entries is rethrown.
 */
const url = (ctx: EbayApiContext, p: string) => joinUrl(ctx.endpoint, `${BASE_PATHS.inventory}${p}`);

/** Per-entry answers from an HttpError body, when eBay put them there. */
function entriesFromError(error: unknown): BulkEntry[] | undefined {
  if (!(error instanceof HttpError)) return undefined;
  const parsed = BulkEntryAnswer.safeParse(error.json);
  return parsed.success && parsed.data.responses.length ? parsed.data.responses : undefined;
}

/** One bulkUpdatePriceQuantity request entry. */
export interface PriceQuantityRequest {
  sku: string;
  shipToLocationAvailability?: { quantity: number };
  offers: Array<{ offerId: string; availableQuantity?: number; price?: { value: string; currency: string } }>;
}

/** One bulk write: the per-entry answers, also when eBay put them in a 400/500 body. */
async function bulkWrite(ctx: EbayApiContext, operation: string, path: string, requests: readonly unknown[], idempotent = true): Promise<BulkEntry[]> {
  try {
    const res = await ctx.http.request({
      operation,
      method: 'POST',
      url: url(ctx, path),
      headers: languageHeaders(ctx),
      json: { requests },
      schema: BulkEntryAnswer,
      idempotent,
    });
    return res.data.responses;
  } catch (error) {
    const entries = entriesFromError(error);
    if (entries) return entries;
    throw error;
  }
}

/** POST /bulk_update_price_quantity: revises published offers only; idempotent (reference §8). */
export function bulkUpdatePriceQuantity(ctx: EbayApiContext, requests: readonly PriceQuantityRequest[]): Promise<BulkEntry[]> {
  return bulkWrite(ctx, 'bulkUpdatePriceQuantity', '/bulk_update_price_quantity', requests);
}

/** POST /bulk_create_or_replace_inventory_item: full items with sku and locale. */
export function bulkCreateOrReplaceInventoryItem(
  ctx: EbayApiContext,
  items: ReadonlyArray<{ sku: string; item: InventoryItemPayload }>,
): Promise<BulkEntry[]> {
  const requests = items.map(({ sku, item }) => ({ sku, locale: ctx.facts.locale, ...item }));
  return bulkWrite(ctx, 'bulkCreateOrReplaceInventoryItem', '/bulk_create_or_replace_inventory_item', requests);
}

/**
 * POST /bulk_create_offer: up to 25 createOffer bodies for one marketplace. Like createOffer it
 * is not idempotent (no resend after an ambiguous failure: callers read the offers back).
 */
export function bulkCreateOffer(ctx: EbayApiContext, offers: readonly OfferPayload[]): Promise<BulkEntry[]> {
  return bulkWrite(ctx, 'bulkCreateOffer', '/bulk_create_offer', offers, false);
}

/** POST /bulk_publish_offer {requests:[{offerId}]}: publishing a published offer again is harmless (25402). */
export function bulkPublishOffer(ctx: EbayApiContext, offerIds: readonly string[]): Promise<BulkEntry[]> {
  return bulkWrite(ctx, 'bulkPublishOffer', '/bulk_publish_offer', offerIds.map((offerId) => ({ offerId })));
}

/** POST /bulk_get_inventory_item {requests:[{sku}]}: per-SKU items (statusCode 404 entries = unknown SKU). */
export async function bulkGetInventoryItem(ctx: EbayApiContext, skus: readonly string[]) {
  try {
    const res = await ctx.http.request({
      operation: 'bulkGetInventoryItem',
      method: 'POST',
      url: url(ctx, '/bulk_get_inventory_item'),
      headers: languageHeaders(ctx),
      json: { requests: skus.map((sku) => ({ sku })) },
      schema: BulkGetInventoryItemAnswer,
      idempotent: true,
    });
    return res.data.responses;
  } catch (error) {
    if (error instanceof HttpError) {
      const parsed = BulkGetInventoryItemAnswer.safeParse(error.json);
      if (parsed.success && parsed.data.responses.length) return parsed.data.responses;
    }
    throw error;
  }
}
