import { ebayEntry, ebayError, type EbayErrorEntry } from './ebay-errors.js';
import { bodyObject, contentLanguage, INV, isRes, skuProblem } from './ebay-common.js';
import { itemView } from './ebay-inventory.js';
import { createOffer, type OpResult, priceQuantity, publishOffer, putItem } from './ebay-ops.js';
import { json, type Route, type SimRequest, type SimResponse } from './http-types.js';
import type { SimState } from './state.js';

type Obj = Record<string, unknown>;
const P = '/sell/inventory/v1';
/** Every bulk Inventory call takes at most 25 entries (contract: bulk* request limits). */
const BULK_MAX = 25;

function requestsOf(req: SimRequest): Obj[] | SimResponse {
  const b = bodyObject(req);
  if (!b.ok) return b.res;
  const list = b.value.requests;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) {
    return ebayError(400, ebayEntry(2004, 'ACCESS', 'Invalid request', { reason: 'Could not serialize field [requests]' }, 'REQUEST', 'The request has errors. For help, see the documentation for this API.'));
  }
  return list as Obj[];
}

const tooMany = (id: number, what: string) => ebayError(400, ebayEntry(id, INV, `The number of ${what} in the request cannot exceed ${BULK_MAX}.`));

function duplicates(keys: string[]): boolean {
  return new Set(keys).size !== keys.length;
}

/** 200 when every entry succeeded, 207 when some did, 400 when none did (the body still carries responses[]). */
function bulkAnswer(responses: Obj[]): SimResponse {
  const ok = responses.filter((r) => typeof r.statusCode === 'number' && r.statusCode < 300).length;
  const status = ok === responses.length ? 200 : ok === 0 ? 400 : 207;
  return json(status, { responses });
}

function entry(r: OpResult, keys: Obj): Obj {
  const out: Obj = { ...keys, ...r.data, statusCode: r.status };
  if (r.errors) out.errors = r.errors;
  if (r.warnings && r.warnings.length > 0) out.warnings = r.warnings;
  return out;
}

export function ebayBulkRoutes(state: SimState): Route[] {
  const r = (pattern: string, operation: string, write: boolean, handler: Route['handler']): Route =>
    ({ service: 'ebay', method: 'POST', pattern: `${P}${pattern}`, operation, write, auth: true, scope: 'sell.inventory', handler });
  return [
    r('/bulk_create_or_replace_inventory_item', 'bulkCreateOrReplaceInventoryItem', true, (req) => {
      const lang = contentLanguage(req);
      if (isRes(lang)) return lang;
      const list = requestsOf(req);
      if (!Array.isArray(list)) return list;
      if (list.length > BULK_MAX) return tooMany(25727, 'InventoryItems');
      const skus = list.map((x) => String(x.sku ?? ''));
      if (duplicates(skus)) return ebayError(400, ebayEntry(25728, INV, 'InventoryItems should be unique in the request.'));
      if (list.some((x) => typeof x.sku !== 'string' || typeof x.locale !== 'string')) {
        return ebayError(400, ebayEntry(25733, INV, 'Valid SKU and locale information are required for all the InventoryItems in the request.'));
      }
      return bulkAnswer(list.map((x) => {
        const sku = String(x.sku);
        const locale = String(x.locale);
        const bad = skuProblem(sku);
        if (bad) return entry({ status: 400, errors: (bad.body as { errors: EbayErrorEntry[] }).errors }, { sku, locale });
        return entry(putItem(state, sku, locale, x), { sku, locale });
      }));
    }),
    r('/bulk_get_inventory_item', 'bulkGetInventoryItem', false, (req) => {
      const list = requestsOf(req);
      if (!Array.isArray(list)) return list;
      if (list.length > BULK_MAX) return tooMany(25727, 'InventoryItems');
      const skus = list.map((x) => String(x.sku ?? ''));
      if (duplicates(skus)) return ebayError(400, ebayEntry(25734, INV, 'SKU should be unique in the request.'));
      return bulkAnswer(skus.map((sku) => {
        const view = itemView(state, sku);
        return view
          ? { sku, statusCode: 200, inventoryItem: view }
          : { sku, statusCode: 404, errors: [ebayEntry(25710, INV, "We didn't find the resource/entity you are requesting. Please verify the request", { sku })] };
      }));
    }),
    r('/bulk_update_price_quantity', 'bulkUpdatePriceQuantity', true, (req) => {
      const list = requestsOf(req);
      if (!Array.isArray(list)) return list;
      if (list.length > BULK_MAX || list.some((x) => Array.isArray(x.offers) && x.offers.length > BULK_MAX)) {
        return ebayError(400, ebayEntry(25709, INV, `Invalid value for requests. At most ${BULK_MAX} requests and ${BULK_MAX} offers per request.`, { fieldName: 'requests' }));
      }
      return bulkAnswer(list.flatMap((x) => priceQuantity(state, x).map((res) => entry(res, {}))));
    }),
    r('/bulk_create_offer', 'bulkCreateOffer', true, (req) => {
      const lang = contentLanguage(req);
      if (isRes(lang)) return lang;
      const list = requestsOf(req);
      if (!Array.isArray(list)) return list;
      if (list.length > BULK_MAX) return tooMany(25730, 'offers');
      const keys = list.map((x) => `${String(x.sku)}|${String(x.marketplaceId)}|${String(x.format)}`);
      if (duplicates(keys)) return ebayError(400, ebayEntry(25729, INV, 'The combination of SKU, marketplaceId and format should be unique.'));
      if (new Set(list.map((x) => x.marketplaceId)).size > 1) {
        return ebayError(400, ebayEntry(25735, INV, 'Invalid SKU, marketplaceId or format. All offers must be for the same marketplace.'));
      }
      // A created offer's entry says 200, not createOffer's 201 (OfferSkuResponse.statusCode).
      return bulkAnswer(list.map((x) => {
        const r = createOffer(state, x);
        return entry(r.status === 201 ? { ...r, status: 200 } : r, { sku: x.sku, marketplaceId: x.marketplaceId, format: x.format });
      }));
    }),
    r('/bulk_publish_offer', 'bulkPublishOffer', true, (req) => {
      const list = requestsOf(req);
      if (!Array.isArray(list)) return list;
      if (list.length > BULK_MAX) return tooMany(25730, 'offers');
      const ids = list.map((x) => String(x.offerId ?? ''));
      if (duplicates(ids)) return ebayError(400, ebayEntry(25731, INV, 'OfferId should be unique in the request.'));
      return bulkAnswer(ids.map((offerId) => entry(publishOffer(state, offerId), { offerId })));
    }),
  ];
}
