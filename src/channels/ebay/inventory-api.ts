import { HttpError } from '../../http/http-error.js';
import { joinUrl } from '../../http/client.js';
import { languageHeaders, type EbayApiContext } from './api-context.js';
import { BASE_PATHS } from './endpoints.js';
import type { OfferPayload } from './mapping.js';
import { ListingIdAnswer, LocationAnswer, OfferAnswer, OffersAnswer, OfferRead } from './schemas.js';
import { errorIds } from './issues.js';

/** One thin function per Inventory API call (sell_inventory_v1_oas3.json), single-item forms. */
const path = (ctx: EbayApiContext, p: string) => joinUrl(ctx.endpoint, `${BASE_PATHS.inventory}${p}`);

/**
 * GET /offer?sku=&marketplace_id=: the offers of one SKU on this marketplace. eBay answers 404
 * (or 400 25702/25713) when the SKU has none: that is an empty list, not a failure.
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
    if (error instanceof HttpError && (error.status === 404 || errorIds(error).some((id) => id === 25702 || id === 25713))) return [];
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
