import { z } from 'zod';
import { amazonError, invalidInput } from './amazon-errors.js';
import { amazonOrderView, amazonStatus } from './amazon-order-view.js';
import { json, listParam, noContent, type Route, type SimRequest, type SimResponse } from './http-types.js';
import { AMAZON_MARKETPLACES } from './marketplaces.js';
import { type OrderBook, setStatus } from './orders-store.js';
import type { SimState } from './state.js';

const STATUSES = ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE'];
const INCLUDED = ['BUYER', 'RECIPIENT', 'PROCEEDS', 'EXPENSE', 'PROMOTION', 'CANCELLATION', 'FULFILLMENT', 'PACKAGES', 'TAX', 'PAYMENT', 'FULFILLMENT_ORDERS'];
/** "…Before" must be at least two minutes before the request (orders_2026-01-01 parameter notes). */
const BEFORE_MARGIN_MS = 120_000;
/** Pagination tokens die after 24 hours (SearchOrdersResponse.pagination). */
const TOKEN_LIFETIME_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function date(q: URLSearchParams, name: string): number | undefined | SimResponse {
  const v = q.get(name);
  if (v === null) return undefined;
  const ms = Date.parse(v);
  return ISO.test(v) && !Number.isNaN(ms) ? ms : invalidInput(`Invalid date format for '${name}'.`, 'Dates must be in ISO 8601 format.');
}

const isRes = (x: unknown): x is SimResponse => typeof x === 'object' && x !== null && 'status' in x;

/** The datasets that need a restricted role ("Access Orders PII"). */
const PERSONAL = ['BUYER', 'RECIPIENT'];

function included(state: SimState, q: URLSearchParams): string[] | SimResponse {
  const list = listParam(q, 'includedData');
  const bad = list.find((d) => !INCLUDED.includes(d));
  if (bad) return invalidInput(`Invalid value '${bad}' for 'includedData'.`);
  const personal = list.filter((d) => PERSONAL.includes(d));
  if (state.amazon.pii === 'denied' && personal.length > 0) {
    // An app without the restricted roles, as integrators report Amazon answering it.
    const r = amazonError(403, 'Unauthorized', 'Access to requested resource is denied.', `The application does not have access to one or more requested data elements: ${personal.join(', ')}.`);
    r.headers = { 'x-amzn-ErrorType': 'AccessDeniedException' };
    return r;
  }
  return list;
}

interface PageToken { sig: string; offset: number; cut: number; issued: number }

function searchOrders(state: SimState, book: OrderBook, req: SimRequest): SimResponse {
  const q = req.query;
  const now = state.clock.nowMs();
  const dates: Record<string, number | undefined> = {};
  for (const n of ['createdAfter', 'createdBefore', 'lastUpdatedAfter', 'lastUpdatedBefore']) {
    const d = date(q, n);
    if (isRes(d)) return d;
    dates[n] = d;
  }
  const { createdAfter, createdBefore, lastUpdatedAfter, lastUpdatedBefore } = dates;
  if ((createdAfter === undefined) === (lastUpdatedAfter === undefined)) return invalidInput("Exactly one of 'createdAfter' and 'lastUpdatedAfter' must be provided.");
  if (createdAfter !== undefined && lastUpdatedBefore !== undefined) return invalidInput("'lastUpdatedBefore' cannot be combined with 'createdAfter'.");
  if (lastUpdatedAfter !== undefined && createdBefore !== undefined) return invalidInput("'createdBefore' cannot be combined with 'lastUpdatedAfter'.");
  const after = (createdAfter ?? lastUpdatedAfter) as number;
  const before = createdBefore ?? lastUpdatedBefore;
  if (after > now) return invalidInput('The after date cannot be in the future.');
  if (before !== undefined && (before < after || before > now - BEFORE_MARGIN_MS)) {
    return invalidInput('The before date must be equal to or after the after date and at least two minutes before the time of the request.');
  }
  const max = q.get('maxResultsPerPage') === null ? 100 : Number(q.get('maxResultsPerPage'));
  if (!Number.isInteger(max) || max < 1 || max > 100) return invalidInput("'maxResultsPerPage' must be between 1 and 100.");
  const marketplaces = listParam(q, 'marketplaceIds');
  if (marketplaces.length > 50 || marketplaces.some((m) => !AMAZON_MARKETPLACES[m])) return invalidInput("Invalid 'marketplaceIds'.");
  const statuses = listParam(q, 'fulfillmentStatuses');
  if (statuses.some((s) => !STATUSES.includes(s))) return invalidInput("Invalid 'fulfillmentStatuses'.");
  const by = listParam(q, 'fulfilledBy');
  if (by.some((b) => b !== 'MERCHANT' && b !== 'AMAZON')) return invalidInput("Invalid 'fulfilledBy'.");
  const inc = included(state, q);
  if (isRes(inc)) return inc;
  const sig = JSON.stringify([createdAfter, createdBefore, lastUpdatedAfter, lastUpdatedBefore, marketplaces, statuses, by]);
  let offset = 0;
  // Without a "…Before", Amazon answers up to two minutes ago: a new order shows after that
  // processing delay, which the time scale shortens like every other delay.
  let cut = before ?? now - BEFORE_MARGIN_MS / state.timeScale;
  const token = q.get('paginationToken');
  if (token !== null) {
    let t: PageToken;
    try {
      t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageToken;
    } catch {
      return invalidInput("Invalid 'paginationToken'.");
    }
    if (t.sig !== sig) return invalidInput("Invalid 'paginationToken': all parameters except maxResultsPerPage and includedData must repeat the first request's values.");
    if (now - t.issued > TOKEN_LIFETIME_MS) return invalidInput("The 'paginationToken' has expired.");
    offset = t.offset;
    cut = t.cut;
  }
  const byCreated = createdAfter !== undefined;
  const key = (o: { createdMs: number; updatedMs: number }) => (byCreated ? o.createdMs : o.updatedMs);
  const found = book.all('amazon')
    .filter((o) => key(o) >= after && key(o) <= cut)
    .filter((o) => marketplaces.length === 0 || marketplaces.includes(o.marketplaceId))
    .filter((o) => statuses.length === 0 || statuses.includes(amazonStatus(o)))
    .filter(() => by.length === 0 || by.includes('MERCHANT'))
    .sort((a, b) => key(a) - key(b) || a.orderId.localeCompare(b.orderId));
  const page = found.slice(offset, offset + max);
  const body: Record<string, unknown> = { orders: page.map((o) => amazonOrderView(o, inc, state.amazon.pii === 'withheld')) };
  if (offset + max < found.length) {
    const next: PageToken = { sig, offset: offset + max, cut, issued: now };
    body.pagination = { nextToken: Buffer.from(JSON.stringify(next)).toString('base64url') };
  }
  body[byCreated ? 'createdBefore' : 'lastUpdatedBefore'] = new Date(cut).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return json(200, body);
}

const ConfirmShipment = z.object({
  marketplaceId: z.string(),
  codCollectionMethod: z.enum(['DirectPayment']).optional(),
  packageDetail: z.object({
    packageReferenceId: z.string(),
    carrierCode: z.string().min(1),
    carrierName: z.string().optional(),
    shippingMethod: z.string().optional(),
    trackingNumber: z.string().min(1),
    shipDate: z.string(),
    shipFromSupplySourceId: z.string().optional(),
    orderItems: z.array(z.object({ orderItemId: z.string(), quantity: z.number().int().min(1), transparencyCodes: z.array(z.string()).optional() })).min(1),
  }),
});

function confirmShipment(state: SimState, book: OrderBook, req: SimRequest): SimResponse {
  const orderId = req.params.orderId ?? '';
  const parsed = ConfirmShipment.safeParse(req.json);
  if (req.jsonError || !parsed.success) {
    const i = parsed.error?.issues[0];
    return invalidInput('Request has missing or invalid parameters and cannot be parsed.', i ? `${i.path.join('.')}: ${i.message}` : '');
  }
  const o = book.get('amazon', orderId);
  if (!o) return amazonError(404, 'NotFound', `Order ${orderId} was not found.`);
  const p = parsed.data.packageDetail;
  if (parsed.data.marketplaceId !== o.marketplaceId) return invalidInput(`The marketplaceId does not match order ${orderId}.`);
  if (!/^[1-9]\d*$/.test(p.packageReferenceId)) return invalidInput("'packageReferenceId' must be a positive number.");
  if (p.carrierCode === 'Other' && !p.carrierName) return invalidInput("'carrierName' is required when 'carrierCode' is Other.");
  const shipMs = Date.parse(p.shipDate);
  if (!ISO.test(p.shipDate) || Number.isNaN(shipMs) || shipMs > state.clock.nowMs() || shipMs < o.createdMs - 60_000) return invalidInput("Invalid 'shipDate'.");
  if (o.shipments.some((s) => s.id === p.packageReferenceId)) return noContent();
  if (o.status === 'PENDING' || o.status === 'CANCELLED' || o.status === 'SHIPPED') {
    return invalidInput(`Order ${orderId} is ${amazonStatus(o)} and cannot be confirmed as shipped.`);
  }
  for (const it of p.orderItems) {
    const line = o.lines.find((l) => l.lineId === it.orderItemId);
    if (!line) return invalidInput(`Unknown orderItemId ${it.orderItemId}.`);
    if (it.quantity > line.quantity - line.shippedQuantity) return invalidInput(`Quantity for ${it.orderItemId} exceeds the unshipped quantity.`);
  }
  for (const it of p.orderItems) {
    const line = o.lines.find((l) => l.lineId === it.orderItemId);
    if (line) line.shippedQuantity += it.quantity;
  }
  o.shipments.push({ id: p.packageReferenceId, carrier: p.carrierName ?? p.carrierCode, trackingNumber: p.trackingNumber, shippedMs: shipMs, lines: p.orderItems.map((x) => ({ lineId: x.orderItemId, quantity: x.quantity })) });
  const now = state.clock.nowMs();
  if (o.lines.every((l) => l.shippedQuantity >= l.quantity)) setStatus(o, 'SHIPPED', now);
  else o.updatedMs = Math.max(o.updatedMs + 1, now);
  return noContent();
}

export function amazonOrdersRoutes(state: SimState, book: OrderBook): Route[] {
  return [
    { service: 'amazon', method: 'GET', pattern: '/orders/2026-01-01/orders', operation: 'searchOrders', write: false, auth: true, handler: (req) => searchOrders(state, book, req) },
    {
      service: 'amazon', method: 'GET', pattern: '/orders/2026-01-01/orders/{orderId}', operation: 'getOrder', write: false, auth: true,
      handler(req) {
        const inc = included(state, req.query);
        if (isRes(inc)) return inc;
        const o = book.get('amazon', req.params.orderId ?? '');
        return o ? json(200, { order: amazonOrderView(o, inc, state.amazon.pii === 'withheld') }) : amazonError(404, 'NotFound', `Order ${req.params.orderId ?? ''} was not found.`);
      },
    },
    { service: 'amazon', method: 'POST', pattern: '/orders/v0/orders/{orderId}/shipmentConfirmation', operation: 'confirmShipment', write: true, auth: true, handler: (req) => confirmShipment(state, book, req) },
  ];
}
