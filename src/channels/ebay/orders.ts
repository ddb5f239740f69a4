import { throwIfFatal } from './channel-error.js';
import type { ShipOutcome, ShipRequest } from '../channel.js';
import type { Order } from '../../domain/order.js';
import { HttpError, NetworkError } from '../../http/http-error.js';
import type { EbayApiContext } from './api-context.js';
import { createShippingFulfillment, getOrders, getShippingFulfillments } from './fulfillment-api.js';
import { errorIds, issuesFromError } from './issues.js';
import { cleanTracking, orderFromWire } from './order-mapping.js';

/**
 * Orders modified at or after `since`, one page (≤ 200) at a time, oldest first. The offset is
 * advanced by civetta rather than by following `next` (an absolute eBay URL that may name a
 * host other than the configured endpoint); paging stops when eBay gives no `next`.
 */
export async function* pullOrders(api: EbayApiContext, since: Date, currency: string): AsyncIterable<Order[]> {
  let offset = 0;
  for (;;) {
    const page = await getOrders(api, since, offset);
    if (page.orders.length) yield page.orders.map((o) => orderFromWire(o, api.marketplaceId, currency));
    offset += page.orders.length;
    const more = page.next !== undefined && page.orders.length > 0 && (page.total === undefined || offset < page.total);
    if (!more) return;
  }
}

/**
 * createShippingFulfillment (reference §7). It is not idempotent: after an ambiguous failure
 * (no answer, 5xx) or 34500, civetta reads the order's fulfillments back and only sends again
 * when the tracking number is not there.
 */
export async function ship(api: EbayApiContext, request: ShipRequest): Promise<ShipOutcome> {
  const tracking = cleanTracking(request.tracking);
  const body = {
    lineItems: request.lines.map((l) => ({ lineItemId: l.lineId, quantity: l.quantity })),
    shippedDate: request.shippedAt.toISOString(),
    shippingCarrierCode: request.carrier.code,
    trackingNumber: tracking,
  };
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const res = await createShippingFulfillment(api, request.orderId, body);
      const location = res.headers.location ?? '';
      const reference = decodeURIComponent(location.split('/').filter(Boolean).pop() ?? '') || tracking;
      return { ok: true, reference, errors: [] };
    } catch (error) {
      throwIfFatal(error);
      const ambiguous = error instanceof NetworkError || (error instanceof HttpError && error.status >= 500) || errorIds(error).includes(34500);
      if (!ambiguous) return { ok: false, errors: issuesFromError(error) };
      let already: string | undefined;
      try {
        already = await findFulfillment(api, request.orderId, tracking);
      } catch (readError) {
        throwIfFatal(readError);
        // Cannot tell whether the first try landed: sending again could duplicate the tracking.
        return { ok: false, errors: [...issuesFromError(error), ...issuesFromError(readError)] };
      }
      if (already) return { ok: true, reference: already, errors: [] };
      if (attempt === 2) return { ok: false, errors: issuesFromError(error) };
    }
  }
  return { ok: false, errors: [] };
}

async function findFulfillment(api: EbayApiContext, orderId: string, tracking: string): Promise<string | undefined> {
  const found = await getShippingFulfillments(api, orderId);
  return found.find((f) => f.shipmentTrackingNumber !== undefined && cleanTracking(f.shipmentTrackingNumber) === tracking)?.fulfillmentId;
}
