import { randomBytes } from 'node:crypto';
import { amazonError, amazonUnauthorized, invalidInput } from './amazon-errors.js';
import { type ListingIssue, PatchBody, PutBody } from './amazon-listing-rules.js';
import { deleteListing, patchListing, putListing } from './amazon-listing-ops.js';
import { LISTING_INCLUDED, listingAsin, listingStatus, listingView } from './amazon-listing-view.js';
import { catalogByEan } from './amazon-catalog.js';
import { json, listParam, type Route, type SimRequest, type SimResponse } from './http-types.js';
import { AMAZON_MARKETPLACES } from './marketplaces.js';
import type { SimState } from './state.js';

const BASE = '/listings/2021-08-01/items/{sellerId}';
const MALFORMED = 'Request has missing or invalid parameters and cannot be parsed.';

/** Seller and marketplace checks shared by every Listings Items operation. */
function common(state: SimState, req: SimRequest, single: boolean): { marketplaceId: string } | SimResponse {
  if (req.params.sellerId !== state.amazon.sellerId) return amazonUnauthorized('seller');
  const ids = listParam(req.query, 'marketplaceIds');
  if (ids.length === 0) return invalidInput(MALFORMED, "Missing required parameter 'marketplaceIds'.");
  if (single && ids.length > 1) return invalidInput(MALFORMED, "'marketplaceIds' must contain exactly one value.");
  const unknown = ids.find((id) => !AMAZON_MARKETPLACES[id] || !state.amazon.marketplaceIds.includes(id));
  if (unknown) return invalidInput(`Invalid marketplaceIds: ${unknown}.`, 'The seller is not registered in this marketplace.');
  return { marketplaceId: ids[0] ?? '' };
}

function included(req: SimRequest): string[] | SimResponse {
  const list = listParam(req.query, 'includedData');
  const bad = list.find((d) => !LISTING_INCLUDED.includes(d) && d !== 'identifiers');
  if (bad) return invalidInput(MALFORMED, `Invalid includedData value: ${bad}.`);
  return list.length > 0 ? list : ['summaries'];
}

function mode(req: SimRequest): 'VALIDATION_PREVIEW' | undefined | SimResponse {
  const m = req.query.get('mode');
  if (m === null) return undefined;
  return m === 'VALIDATION_PREVIEW' ? m : invalidInput(MALFORMED, `Invalid mode: ${m}.`);
}

/** includedData of put/patch: identifiers and/or issues (default issues). */
function writeIncluded(req: SimRequest): string[] | SimResponse {
  const list = listParam(req.query, 'includedData');
  const bad = list.find((d) => d !== 'identifiers' && d !== 'issues');
  if (bad) return invalidInput(MALFORMED, `Invalid includedData value: ${bad}.`);
  return list.length > 0 ? list : ['issues'];
}

function submission(sku: string, issues: ListingIssue[], preview: boolean, identifiers?: { marketplaceId: string; asin?: string; wanted: string[] }): SimResponse {
  const errors = issues.some((i) => i.severity === 'ERROR');
  const body: Record<string, unknown> = {
    sku,
    status: errors ? 'INVALID' : preview ? 'VALID' : 'ACCEPTED',
    submissionId: randomBytes(16).toString('hex'),
    issues,
  };
  if (identifiers?.asin && !errors && identifiers.wanted.includes('identifiers')) body.identifiers = [{ marketplaceId: identifiers.marketplaceId, asin: identifiers.asin }];
  return json(200, body);
}

function bodyError(req: SimRequest, issues: Array<{ path: PropertyKey[]; message: string }> | undefined): SimResponse {
  if (req.bodyText === undefined) return invalidInput(MALFORMED, 'The request body is missing.');
  if (req.jsonError) return invalidInput(MALFORMED, 'The request body is not valid JSON.');
  const first = issues?.[0];
  return invalidInput(MALFORMED, first ? `${first.path.join('.')}: ${first.message}` : '');
}

type Res = SimResponse;
const isRes = (x: unknown): x is Res => typeof x === 'object' && x !== null && 'status' in x;

export function amazonListingsRoutes(state: SimState): Route[] {
  const listings = state.amazon.listings;
  const item = `${BASE}/{sku}`;
  return [
    {
      service: 'amazon', method: 'PUT', pattern: item, operation: 'putListingsItem', write: true, auth: true,
      handler(req) {
        const c = common(state, req, true);
        if (isRes(c)) return c;
        const m = mode(req);
        if (isRes(m)) return m;
        const wanted = writeIncluded(req);
        if (isRes(wanted)) return wanted;
        const parsed = PutBody.safeParse(req.json);
        if (!parsed.success || req.jsonError) return bodyError(req, parsed.error?.issues);
        const sku = req.params.sku ?? '';
        const out = putListing(state, sku, parsed.data, c.marketplaceId, m !== undefined, true);
        const probe = { sku, productType: parsed.data.productType, attributes: parsed.data.attributes, marketplaceIds: [c.marketplaceId], createdMs: 0, updatedMs: 0 };
        return submission(sku, out.issues, m !== undefined, { marketplaceId: c.marketplaceId, asin: listingAsin(state, probe, c.marketplaceId), wanted });
      },
    },
    {
      service: 'amazon', method: 'PATCH', pattern: item, operation: 'patchListingsItem', write: true, auth: true,
      handler(req) {
        const c = common(state, req, false);
        if (isRes(c)) return c;
        const m = mode(req);
        if (isRes(m)) return m;
        const wanted = writeIncluded(req);
        if (isRes(wanted)) return wanted;
        const parsed = PatchBody.safeParse(req.json);
        if (!parsed.success || req.jsonError) return bodyError(req, parsed.error?.issues);
        const sku = req.params.sku ?? '';
        const out = patchListing(state, sku, parsed.data.patches, c.marketplaceId, m !== undefined, true);
        const prev = listings.get(sku);
        return submission(sku, out.issues, m !== undefined, { marketplaceId: c.marketplaceId, asin: prev ? listingAsin(state, prev, c.marketplaceId) : undefined, wanted });
      },
    },
    {
      service: 'amazon', method: 'DELETE', pattern: item, operation: 'deleteListingsItem', write: true, auth: true,
      handler(req) {
        const c = common(state, req, true);
        if (isRes(c)) return c;
        const sku = req.params.sku ?? '';
        return submission(sku, deleteListing(state, sku, true).issues, false);
      },
    },
    {
      service: 'amazon', method: 'GET', pattern: item, operation: 'getListingsItem', write: false, auth: true,
      handler(req) {
        const c = common(state, req, false);
        if (isRes(c)) return c;
        const inc = included(req);
        if (isRes(inc)) return inc;
        const sku = req.params.sku ?? '';
        const l = listings.get(sku);
        if (!l) return amazonError(404, 'NOT_FOUND', `SKU '${sku}' not found in marketplace ${c.marketplaceId}`);
        return json(200, listingView(state, l, c.marketplaceId, inc));
      },
    },
    {
      service: 'amazon', method: 'GET', pattern: BASE, operation: 'searchListingsItems', write: false, auth: true,
      handler(req) {
        const c = common(state, req, false);
        if (isRes(c)) return c;
        const inc = included(req);
        if (isRes(inc)) return inc;
        const q = req.query;
        const ids = listParam(q, 'identifiers');
        const type = q.get('identifiersType');
        if (ids.length > 20) return invalidInput(MALFORMED, "'identifiers' must contain at most 20 values.");
        if (ids.length > 0 && !type) return invalidInput(MALFORMED, "'identifiersType' is required with 'identifiers'.");
        const pageSize = q.get('pageSize') === null ? 10 : Number(q.get('pageSize'));
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20) return invalidInput(MALFORMED, "'pageSize' must be between 1 and 20.");
        let all = [...listings.values()];
        if (ids.length > 0) {
          all = all.filter((l) => {
            if (type === 'SKU') return ids.includes(l.sku);
            const asin = listingAsin(state, l, c.marketplaceId);
            if (type === 'ASIN') return asin !== undefined && ids.includes(asin);
            if (type === 'EAN' || type === 'GTIN') return ids.some((e) => catalogByEan(state, e).some((x) => x.asin === asin));
            return false;
          });
        }
        const withStatus = listParam(q, 'withStatus');
        if (withStatus.length > 0) all = all.filter((l) => withStatus.every((s) => listingStatus(state, l, c.marketplaceId).includes(s)));
        const after = q.get('lastUpdatedAfter');
        if (after) all = all.filter((l) => l.updatedMs >= Date.parse(after));
        all.sort((a, b) => b.updatedMs - a.updatedMs || a.sku.localeCompare(b.sku));
        const token = q.get('pageToken');
        const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
        if (!Number.isInteger(start) || start < 0) return invalidInput(MALFORMED, 'Invalid pageToken.');
        const page = all.slice(start, start + pageSize);
        const pagination: Record<string, string> = {};
        if (start + pageSize < all.length) pagination.nextToken = Buffer.from(String(start + pageSize)).toString('base64url');
        if (start > 0) pagination.previousToken = Buffer.from(String(Math.max(0, start - pageSize))).toString('base64url');
        return json(200, { numberOfResults: all.length, pagination, items: page.map((l) => listingView(state, l, c.marketplaceId, inc)) });
      },
    },
  ];
}
