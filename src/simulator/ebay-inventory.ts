import { ebayEntry, ebayError } from './ebay-errors.js';
import { bodyObject, contentLanguage, INV, invalidValue, isRes, pageLinks, skuProblem } from './ebay-common.js';
import { createOffer, notAvailable, offersOfSku, offerView, type OpResult, publishOffer, putItem, updateOffer, withdrawOffer } from './ebay-ops.js';
import { json, noContent, type Route, type SimResponse } from './http-types.js';
import type { SimState } from './state.js';

const P = '/sell/inventory/v1';

function answer(r: OpResult): SimResponse {
  if (r.errors && r.errors.length > 0) return ebayError(r.status, ...r.errors);
  if (r.status === 204) return noContent();
  const body: Record<string, unknown> = { ...r.data };
  if (r.warnings) body.warnings = r.warnings;
  return json(r.status, body);
}

function paging(q: URLSearchParams, def: number, max: number): { limit: number; offset: number } | SimResponse {
  const limit = q.get('limit') === null ? def : Number(q.get('limit'));
  const offset = q.get('offset') === null ? 0 : Number(q.get('offset'));
  if (!Number.isInteger(limit) || limit < 1 || limit > max || !Number.isInteger(offset) || offset < 0) {
    return ebayError(400, ebayEntry(25706, INV, 'You have provided invalid pagination values.', { limit: String(q.get('limit')), offset: String(q.get('offset')) }));
  }
  return { limit, offset };
}

export function itemView(state: SimState, sku: string): Record<string, unknown> | undefined {
  const i = state.ebay.items.get(sku);
  return i ? { sku, locale: i.locale, ...structuredClone(i.item) } : undefined;
}

/** Inventory API: inventory items and offers (single-entity calls). */
export function ebayInventoryRoutes(state: SimState): Route[] {
  const r = (method: string, pattern: string, operation: string, write: boolean, handler: Route['handler']): Route =>
    ({ service: 'ebay', method, pattern: `${P}${pattern}`, operation, write, auth: true, scope: 'sell.inventory', handler });
  return [
    r('PUT', '/inventory_item/{sku}', 'createOrReplaceInventoryItem', true, (req) => {
      const lang = contentLanguage(req);
      if (isRes(lang)) return lang;
      const sku = req.params.sku ?? '';
      const bad = skuProblem(sku);
      if (bad) return bad;
      const b = bodyObject(req);
      if (!b.ok) return b.res;
      return answer(putItem(state, sku, lang.locale, b.value));
    }),
    r('GET', '/inventory_item/{sku}', 'getInventoryItem', false, (req) => {
      const view = itemView(state, req.params.sku ?? '');
      return view ? json(200, view) : ebayError(404, ebayEntry(25710, INV, "We didn't find the resource/entity you are requesting. Please verify the request", { sku: req.params.sku ?? '' }));
    }),
    r('GET', '/inventory_item', 'getInventoryItems', false, (req) => {
      const p = paging(req.query, 25, 200);
      if (isRes(p)) return p;
      const skus = [...state.ebay.items.keys()].sort();
      const page = skus.slice(p.offset, p.offset + p.limit).map((s) => itemView(state, s));
      return json(200, { ...pageLinks(`${P}/inventory_item`, p.limit, p.offset, skus.length), limit: p.limit, size: page.length, total: skus.length, inventoryItems: page });
    }),
    r('DELETE', '/inventory_item/{sku}', 'deleteInventoryItem', true, (req) => {
      const sku = req.params.sku ?? '';
      // A SKU eBay has never seen is refused as an invalid SKU value, though it is well formed
      // (integrators report 25707 for a valid-looking SKU: hendt/ebay-api#159).
      if (!state.ebay.items.has(sku)) {
        return ebayError(400, ebayEntry(25707, INV, 'This is an invalid value for a SKU. Only alphanumeric characters can be used for SKUs, and their length must not exceed 50 characters', { sku }));
      }
      for (const o of offersOfSku(state, sku)) {
        if (o.listing && o.status === 'PUBLISHED') o.listing.listingStatus = 'ENDED';
        state.ebay.offers.delete(o.offerId);
      }
      state.ebay.items.delete(sku);
      return noContent();
    }),
    r('POST', '/offer', 'createOffer', true, (req) => {
      const lang = contentLanguage(req);
      if (isRes(lang)) return lang;
      const b = bodyObject(req);
      if (!b.ok) return b.res;
      return answer(createOffer(state, b.value));
    }),
    r('GET', '/offer', 'getOffers', false, (req) => {
      const sku = req.query.get('sku');
      if (!sku) return invalidValue('sku', 'The sku query parameter is required.');
      const p = paging(req.query, 25, 200);
      if (isRes(p)) return p;
      // A SKU eBay has never seen is refused as an invalid SKU value, though it is well formed
      // (integrators report 25707 for a valid-looking SKU: hendt/ebay-api#159).
      if (!state.ebay.items.has(sku)) {
        return ebayError(400, ebayEntry(25707, INV, 'This is an invalid value for a SKU. Only alphanumeric characters can be used for SKUs, and their length must not exceed 50 characters', { sku }));
      }
      const mp = req.query.get('marketplace_id');
      const format = req.query.get('format');
      const all = offersOfSku(state, sku).filter((o) => (!mp || o.marketplaceId === mp) && (!format || o.format === format));
      if (all.length === 0) return ebayError(404, ebayEntry(25713, INV, `This Offer is not available : no offer exists for SKU ${sku}.`, { sku }));
      const page = all.slice(p.offset, p.offset + p.limit).map((o) => offerView(state, o));
      return json(200, { ...pageLinks(`${P}/offer`, p.limit, p.offset, all.length, `sku=${encodeURIComponent(sku)}&`), limit: p.limit, size: page.length, total: all.length, offers: page });
    }),
    r('GET', '/offer/{offerId}', 'getOffer', false, (req) => {
      const o = state.ebay.offers.get(req.params.offerId ?? '');
      return o ? json(200, offerView(state, o)) : ebayError(404, notAvailable(req.params.offerId ?? ''));
    }),
    r('PUT', '/offer/{offerId}', 'updateOffer', true, (req) => {
      const lang = contentLanguage(req);
      if (isRes(lang)) return lang;
      const b = bodyObject(req);
      if (!b.ok) return b.res;
      return answer(updateOffer(state, req.params.offerId ?? '', b.value));
    }),
    r('DELETE', '/offer/{offerId}', 'deleteOffer', true, (req) => {
      const o = state.ebay.offers.get(req.params.offerId ?? '');
      if (!o) return ebayError(404, notAvailable(req.params.offerId ?? ''));
      if (o.listing && o.status === 'PUBLISHED') o.listing.listingStatus = 'ENDED';
      state.ebay.offers.delete(o.offerId);
      return noContent();
    }),
    r('POST', '/offer/{offerId}/publish', 'publishOffer', true, (req) => answer(publishOffer(state, req.params.offerId ?? ''))),
    r('POST', '/offer/{offerId}/withdraw', 'withdrawOffer', true, (req) => answer(withdrawOffer(state, req.params.offerId ?? ''))),
  ];
}
