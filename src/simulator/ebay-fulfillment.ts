import { z } from 'zod';
import { ebayEntry, ebayError } from './ebay-errors.js';
import { ebayOrderView } from './ebay-order-view.js';
import { json, type Route, type SimRequest, type SimResponse } from './http-types.js';
import { type OrderBook, type SimOrder, setStatus } from './orders-store.js';
import { EBAY_CARRIER_CODES } from './ebay-carriers.js';
import type { SimState } from './state.js';

const FUL = 'API_FULFILLMENT';
const P = '/sell/fulfillment/v1/order';
/** getOrders: limit default 50, max 200; orderIds at most 50; no filter = last 90 days (reference §7). */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const NINETY_DAYS_MS = 90 * 86_400_000;

const err = (status: number, id: number, message: string, params?: Record<string, string>) => ebayError(status, ebayEntry(id, FUL, message, params));

interface Filter { field: 'creationdate' | 'lastmodifieddate'; from: number; to?: number; statuses?: string[] }

/** Parses `lastmodifieddate:[from..to],orderfulfillmentstatus:{A|B}`; returns the error answer on a bad filter. */
function parseFilter(raw: string, now: number): Filter | SimResponse {
  const parts = raw.split(/,(?![^[{]*[\]}])/).map((p) => p.trim()).filter(Boolean);
  const out: Partial<Filter> = {};
  let dateField: Filter['field'] | undefined;
  for (const part of parts) {
    const i = part.indexOf(':');
    const name = i < 0 ? part : part.slice(0, i);
    const value = i < 0 ? '' : part.slice(i + 1);
    if (name === 'creationdate' || name === 'lastmodifieddate') {
      const m = /^\[(.*?)\.\.(.*)\]$/.exec(value);
      if (!m) return err(400, 30810, 'Invalid date format');
      if (!m[1]) return err(400, 30820, 'Start date is missing');
      const from = Date.parse(m[1]);
      const to = m[2] ? Date.parse(m[2]) : undefined;
      if (Number.isNaN(from) || (to !== undefined && Number.isNaN(to))) return err(400, 30810, 'Invalid date format');
      if (to !== undefined && to < from) return err(400, 30840, 'Start date should be before end date');
      if (from > now || (to !== undefined && to > now)) return err(400, 30850, "Start and end dates can't be in the future");
      // If both dates are sent only creationdate counts (reference §7).
      if (dateField !== 'creationdate') {
        dateField = name;
        out.from = from;
        if (to !== undefined) out.to = to;
        else delete out.to;
      }
    } else if (name === 'orderfulfillmentstatus') {
      const v = value.replace(/\s/g, '');
      if (v !== '{NOT_STARTED|IN_PROGRESS}' && v !== '{FULFILLED|IN_PROGRESS}') {
        return err(400, 30800, `Invalid filter value ${value} for filter orderfulfillmentstatus`, { fieldvalue: value });
      }
      out.statuses = v.slice(1, -1).split('|');
    } else {
      return err(400, 30700, `Invalid filter name: ${name}`, { fieldname: name });
    }
  }
  return { field: dateField ?? 'creationdate', from: out.from ?? now - NINETY_DAYS_MS, ...(out.to !== undefined ? { to: out.to } : {}), ...(out.statuses ? { statuses: out.statuses } : {}) };
}

function getOrders(state: SimState, book: OrderBook, req: SimRequest): SimResponse {
  const q = req.query;
  const now = state.clock.nowMs();
  const limitRaw = q.get('limit');
  const limit = limitRaw === null ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return err(400, 31100, `Invalid limit: ${limitRaw ?? ''}`, { limitvalue: limitRaw ?? '' });
  const offsetRaw = q.get('offset');
  const offset = offsetRaw === null ? 0 : Number(offsetRaw);
  if (!Number.isInteger(offset) || offset < 0) return err(400, 31000, `Invalid offset: ${offsetRaw ?? ''}`, { offsetvalue: offsetRaw ?? '' });
  const fieldGroups = q.get('fieldGroups');
  if (fieldGroups?.split(',').some((g) => g !== 'TAX_BREAKDOWN')) return err(400, 32800, `Invalid field group: ${fieldGroups}`);
  let orders = book.all('ebay');
  const ids = (q.get('orderIds') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > 50) return err(400, 30900, 'Exceeded maximum number of order IDs (the current limit is 50)');
  if (ids.length > 0) {
    orders = orders.filter((o) => ids.includes(o.orderId));
  } else {
    const f = parseFilter(q.get('filter') ?? '', now);
    if ('status' in f) return f;
    const key = (o: SimOrder) => (f.field === 'creationdate' ? o.createdMs : o.updatedMs);
    orders = orders.filter((o) => key(o) >= f.from && (f.to === undefined || key(o) <= f.to));
    if (f.statuses) {
      const v = (o: SimOrder) => (ebayOrderView(o, state.origin).orderFulfillmentStatus as string);
      orders = orders.filter((o) => f.statuses?.includes(v(o)));
    }
  }
  orders.sort((a, b) => a.createdMs - b.createdMs || a.orderId.localeCompare(b.orderId));
  const page = orders.slice(offset, offset + limit);
  const base = `${state.origin}/ebay${P}`;
  const keep = new URLSearchParams();
  for (const k of ['filter', 'orderIds', 'fieldGroups']) {
    const v = q.get(k);
    if (v !== null) keep.set(k, v);
  }
  const link = (off: number) => {
    const p = new URLSearchParams(keep);
    p.set('limit', String(limit));
    p.set('offset', String(off));
    return `${base}?${p.toString()}`;
  };
  const body: Record<string, unknown> = { href: link(offset), total: orders.length, limit, offset };
  if (offset + limit < orders.length) body.next = link(offset + limit);
  if (offset > 0) body.prev = link(Math.max(0, offset - limit));
  body.orders = page.map((o) => ebayOrderView(o, state.origin));
  return json(200, body);
}

const ShippingFulfillment = z.object({
  lineItems: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().min(1).optional() })).min(1),
  shippedDate: z.string().optional(),
  shippingCarrierCode: z.string().optional(),
  trackingNumber: z.string().optional(),
});

function createShippingFulfillment(state: SimState, book: OrderBook, req: SimRequest): SimResponse {
  const orderId = req.params.orderId ?? '';
  const o = book.get('ebay', orderId);
  if (!o) return err(404, 32100, `Invalid Order Id: ${orderId}`, { orderId });
  const parsed = ShippingFulfillment.safeParse(req.json);
  if (req.jsonError || !parsed.success) return err(400, 32600, 'Invalid input data');
  const b = parsed.data;
  const lineIds = b.lineItems.map((l) => l.lineItemId);
  if (new Set(lineIds).size !== lineIds.length) return err(400, 32210, 'Duplicate line item in the request');
  for (const li of b.lineItems) {
    if (!o.lines.some((l) => l.lineId === li.lineItemId)) return err(400, 32200, `Invalid line item id: ${li.lineItemId}`, { lineItemId: li.lineItemId });
  }
  const badCarrier = b.shippingCarrierCode !== undefined && !EBAY_CARRIER_CODES.has(b.shippingCarrierCode);
  if (badCarrier || Boolean(b.trackingNumber) !== Boolean(b.shippingCarrierCode) || (b.trackingNumber && !/^[A-Za-z0-9]+$/.test(b.trackingNumber))) {
    return err(400, 32300, 'Invalid shipment tracking number or carrier');
  }
  const now = state.clock.nowMs();
  const shipped = b.shippedDate === undefined ? now : Date.parse(b.shippedDate);
  if (Number.isNaN(shipped) || shipped > now + 60_000 || shipped < o.createdMs - 60_000) return err(400, 32500, 'Invalid shipped date');
  if (o.status === 'CANCELLED' || o.status === 'PENDING') return err(400, 32600, 'Invalid input data', { reason: `order is ${o.status}` });
  const lines = b.lineItems.map((li) => {
    const line = o.lines.find((l) => l.lineId === li.lineItemId);
    return { line, quantity: li.quantity ?? (line ? line.quantity - line.shippedQuantity : 0) };
  });
  if (lines.every(({ line }) => line && line.shippedQuantity >= line.quantity)) return err(400, 34500, 'Please use PUT operation for updating shipping fulfillment');
  if (lines.some(({ line, quantity }) => !line || quantity > line.quantity - line.shippedQuantity)) return err(400, 32600, 'Invalid input data');
  for (const { line, quantity } of lines) if (line) line.shippedQuantity += quantity;
  const id = b.trackingNumber ?? String(state.nextId('ebay-fulfillment')).padStart(12, '9');
  o.shipments.push({ id, carrier: b.shippingCarrierCode ?? '', trackingNumber: b.trackingNumber ?? '', shippedMs: shipped, lines: lines.map(({ line, quantity }) => ({ lineId: line?.lineId ?? '', quantity })) });
  if (o.lines.every((l) => l.shippedQuantity >= l.quantity)) setStatus(o, 'SHIPPED', now);
  else o.updatedMs = Math.max(o.updatedMs + 1, now);
  return { status: 201, headers: { Location: `${state.origin}/ebay${P}/${orderId}/shipping_fulfillment/${id}` } };
}

function fulfillmentView(s: SimOrder['shipments'][number]) {
  return { fulfillmentId: s.id, lineItems: s.lines.map((l) => ({ lineItemId: l.lineId, quantity: l.quantity })), shipmentTrackingNumber: s.trackingNumber, shippedDate: new Date(s.shippedMs).toISOString(), shippingCarrierCode: s.carrier };
}

export function ebayFulfillmentRoutes(state: SimState, book: OrderBook): Route[] {
  const r = (method: string, pattern: string, operation: string, write: boolean, handler: Route['handler']): Route =>
    ({ service: 'ebay', method, pattern: `${P}${pattern}`, operation, write, auth: true, scope: 'sell.fulfillment', handler });
  return [
    r('GET', '', 'getOrders', false, (req) => getOrders(state, book, req)),
    r('GET', '/{orderId}', 'getOrder', false, (req) => {
      const o = book.get('ebay', req.params.orderId ?? '');
      return o ? json(200, ebayOrderView(o, state.origin)) : err(404, 32100, `Invalid order ID: ${req.params.orderId ?? ''}`);
    }),
    r('POST', '/{orderId}/shipping_fulfillment', 'createShippingFulfillment', true, (req) => createShippingFulfillment(state, book, req)),
    r('GET', '/{orderId}/shipping_fulfillment', 'getShippingFulfillments', false, (req) => {
      const o = book.get('ebay', req.params.orderId ?? '');
      if (!o) return err(404, 32100, `Invalid order ID: ${req.params.orderId ?? ''}`);
      return json(200, { fulfillments: o.shipments.map(fulfillmentView), total: o.shipments.length });
    }),
    r('GET', '/{orderId}/shipping_fulfillment/{fulfillmentId}', 'getShippingFulfillment', false, (req) => {
      const o = book.get('ebay', req.params.orderId ?? '');
      if (!o) return err(404, 32100, `Invalid order ID: ${req.params.orderId ?? ''}`);
      const s = o.shipments.find((x) => x.id === req.params.fulfillmentId);
      return s ? json(200, fulfillmentView(s)) : err(404, 32110, `Invalid shipping fulfillment ID: ${req.params.fulfillmentId ?? ''}`);
    }),
  ];
}
