import { HttpError } from '../../http/http-error.js';
import { joinUrl } from '../../http/client.js';
import { languageHeaders, type EbayApiContext } from './api-context.js';
import { BASE_PATHS } from './endpoints.js';
import type { OfferPayload } from './mapping.js';
import { EbayErrorBody, ListingIdAnswer, LocationAnswer, OfferAnswer, OffersAnswer, OfferRead } from './schemas.js';
import { errorIds } from './issues.js';

/** One thin function per Inventory API call (sell_inventory_v1_oas3.json), single-item forms. */
const path = (ctx: EbayApiContext, p: string) => joinUrl(ctx.endpoint, `${BASE_PATHS.inventory}${p}`);

/**
 * eBay's ways of saying "this SKU has no offer": 404, 25713 (offer not available), 25702/25710
 * (SKU or item not found), 25707 (a SKU it has never seen is "an invalid value for a SKU", though
 * well formed: hendt/ebay-api#159) and 25709 naming the sku. A 400 about anything else (a
 * header, paging) is not about the SKU and stays a failure.
 */
const NO_OFFER_IDS: ReadonlySet<number> = new Set([25702, 25707, 25710, 25713]);

function saysNoOffer(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  if (error.status === 404) return true;
  if (error.status !== 400) return false;
  const body = EbayErrorBody.safeParse(error.json);
  const errors = body.success ? (body.data.errors ?? []) : [];
  return errors.length > 0 && errors.every((e) => NO_OFFER_IDS.has(e.errorId) || (e.errorId === 25709 && (e.parameters ?? []).some((p) => p.value === 'sku')));
}

/**
 * GET /offer?sku=&marketplace_id=: the offers of one SKU on this marketplace. An answer that the
 * SKU has none (saysNoOffer) is an empty list for this SKU only, never a failure of the read.
 */
export async function getOffers(ctx: EbayApiContext, itemSku: string): Promise<OfferRead[]> {
  try {
    const res = await ctx.http.request({
      operation: 'getOffers',
      method: 'GET',
      url: joinUrl(ctx.endpoint, `${BASE_PATHS.inventory}/offer`, { sku: itemSku, marketplace_id: ctx.marketplaceId }),
      headers: languageHeaders(ctx),
      schema: OffersAnswer,
      idempotent: true,
    });
    return res.data.offers.filter((o) => (o.marketplaceId ?? ctx.marketplaceId) === ctx.marketplaceId);
  } catch (error) {
    if (saysNoOffer(error)) return [];
    throw error;
  }
}

/** GET /offer/{offerId}. */
export async function getOffer(ctx: EbayApiContext, offerId: string): Promise<OfferRead> {
  const res = await ctx.http.request({
    operation: 'getOffer',
    method: 'GET',
    url: path(ctx, `/offer/${encodeURIComponent(offerId)}`),
    headers: languageHeaders(ctx),
    schema: OfferRead,
    idempotent: true,
  });
  return res.data;
}

/** POST /offer → 201 {offerId}. Not idempotent: callers read back with getOffers before repeating it. */
export function createOffer(ctx: EbayApiContext, offer: OfferPayload) {
  return ctx.http.request({
    operation: 'createOffer',
    method: 'POST',
    url: path(ctx, '/offer'),
    headers: languageHeaders(ctx),
    json: offer,
    schema: OfferAnswer,
    idempotent: false,
  });
}

/** PUT /offer/{offerId}: full replace of the offer (revises a live listing). */
export function updateOffer(ctx: EbayApiContext, offerId: string, body: Record<string, unknown>) {
  return ctx.http.request({
    operation: 'updateOffer',
    method: 'PUT',
    url: path(ctx, `/offer/${encodeURIComponent(offerId)}`),
    headers: languageHeaders(ctx),
    json: body,
    schema: OfferAnswer.optional(),
    idempotent: true,
  });
}

/** POST /offer/{offerId}/publish with an explicit `{}` body (sandbox answered 411 without one, reference §9). */
export function publishOffer(ctx: EbayApiContext, offerId: string) {
  return ctx.http.request({
    operation: 'publishOffer',
    method: 'POST',
    url: path(ctx, `/offer/${encodeURIComponent(offerId)}/publish`),
    headers: languageHeaders(ctx),
    json: {},
    schema: ListingIdAnswer,
    // Re-publishing a published offer returns the same listingId with warning 25402 (reference §5 step 3).
    idempotent: true,
  });
}

/** POST /offer/{offerId}/withdraw with `{}`: ends the listing; the offer stays, unpublished. */
export function withdrawOffer(ctx: EbayApiContext, offerId: string) {
  return ctx.http.request({
    operation: 'withdrawOffer',
    method: 'POST',
    url: path(ctx, `/offer/${encodeURIComponent(offerId)}/withdraw`),
    headers: languageHeaders(ctx),
    json: {},
    schema: ListingIdAnswer,
    idempotent: true,
  });
}

/** GET /location/{key}: undefined when eBay does not have it (404 / 25805). */
export async function getInventoryLocation(ctx: EbayApiContext, key: string) {
  try {
    const res = await ctx.http.request({
      operation: 'getInventoryLocation',
      method: 'GET',
      url: path(ctx, `/location/${encodeURIComponent(key)}`),
      headers: languageHeaders(ctx),
      schema: LocationAnswer,
      idempotent: true,
    });
    return res.data;
  } catch (error) {
    if (error instanceof HttpError && (error.status === 404 || errorIds(error).includes(25805))) return undefined;
    throw error;
  }
}

/** POST /location/{key} → 204. */
export function createInventoryLocation(ctx: EbayApiContext, key: string, body: Record<string, unknown>) {
  return ctx.http.request({
    operation: 'createInventoryLocation',
    method: 'POST',
    url: path(ctx, `/location/${encodeURIComponent(key)}`),
    headers: languageHeaders(ctx),
    json: body,
    idempotent: false,
  });
}
