import { joinUrl } from '../../http/client.js';
import { languageHeaders, type EbayApiContext } from './api-context.js';
import { BASE_PATHS } from './endpoints.js';
import { lastModifiedFilter } from './order-mapping.js';
import { ORDERS_PAGE_LIMIT } from './rate-limits.js';
import { FulfillmentsAnswer, OrdersPage } from './schemas-fulfillment.js';

/** One thin function per Fulfillment API call (sell_fulfillment_v1_oas3.json). */
const base = (ctx: EbayApiContext) => joinUrl(ctx.endpoint, BASE_PATHS.fulfillment);

/**
 * GET /order?filter=lastmodifieddate:[ISO..]&limit=200&offset=N. The query is written by hand:
 * the filter's brackets must arrive percent-encoded exactly once (reference §7).
 */
export async function getOrders(ctx: EbayApiContext, since: Date, offset: number) {
  const url = `${base(ctx)}/order?filter=${lastModifiedFilter(since)}&limit=${ORDERS_PAGE_LIMIT}&offset=${offset}`;
  const res = await ctx.http.request({
    operation: 'getOrders',
    method: 'GET',
    url,
    headers: languageHeaders(ctx),
    schema: OrdersPage,
    idempotent: true,
  });
  return res.data;
}

/** The createShippingFulfillment body (`ShippingFulfillmentDetails`). */
export interface ShippingFulfillmentBody {
  lineItems: Array<{ lineItemId: string; quantity: number }>;
  shippedDate: string;
  shippingCarrierCode: string;
  trackingNumber: string;
}

/** POST /order/{orderId}/shipping_fulfillment → 201, fulfillment id at the end of Location. Not idempotent. */
export function createShippingFulfillment(ctx: EbayApiContext, orderId: string, body: ShippingFulfillmentBody) {
  return ctx.http.request({
    operation: 'createShippingFulfillment',
    method: 'POST',
    url: `${base(ctx)}/order/${encodeURIComponent(orderId)}/shipping_fulfillment`,
    headers: languageHeaders(ctx),
    json: body,
    idempotent: false,
  });
}

/** GET /order/{orderId}/shipping_fulfillment: what was already sent, read before any resend. */
export async function getShippingFulfillments(ctx: EbayApiContext, orderId: string) {
  const res = await ctx.http.request({
    operation: 'getShippingFulfillments',
    method: 'GET',
    url: `${base(ctx)}/order/${encodeURIComponent(orderId)}/shipping_fulfillment`,
    headers: languageHeaders(ctx),
    schema: FulfillmentsAnswer,
    idempotent: true,
  });
  return res.data.fulfillments;
}
