import { joinUrl } from '../../http/client.js';
import type { AmazonApi } from './api-context.js';
import { SearchOrdersResponse } from './schemas.js';

/** The datasets civetta reads with each order (orders_2026-01-01.json `includedData`). */
export const ORDER_DATASETS = ['BUYER', 'RECIPIENT', 'FULFILLMENT', 'PROCEEDS'] as const;
export type OrderDataset = (typeof ORDER_DATASETS)[number];

/** The datasets that need a restricted role ("Access Orders PII": buyer name and e-mail, delivery address). */
export const PERSONAL_DATASETS: ReadonlySet<OrderDataset> = new Set(['BUYER', 'RECIPIENT']);

/**
 * Only orders the shop ships itself (orders_2026-01-01.json `fulfilledBy`): FBA orders are
 * packed from Amazon's stock, which civetta neither holds nor ships, so they never enter the ledger.
 */
const FULFILLED_BY = ['MERCHANT'] as const;

/** The largest page searchOrders allows (`maxResultsPerPage`: 1–100). */
export const ORDERS_PER_PAGE = 100;

/** Orders API 2026-01-01 searchOrders: one page. The v0 reads are deprecated (retiring 27 Mar 2027). */
export async function searchOrdersPage(
  api: AmazonApi,
  lastUpdatedAfter: string,
  paginationToken: string | undefined,
  datasets: readonly OrderDataset[] = ORDER_DATASETS,
): Promise<SearchOrdersResponse> {
  // Every parameter is repeated unchanged with the token, as the model asks (includedData may change).
  const res = await api.http.request({
    operation: 'searchOrders',
    method: 'GET',
    url: joinUrl(api.endpoint, '/orders/2026-01-01/orders', {
      lastUpdatedAfter,
      marketplaceIds: api.marketplaceIds,
      fulfilledBy: FULFILLED_BY,
      includedData: datasets,
      maxResultsPerPage: ORDERS_PER_PAGE,
      paginationToken,
    }),
    schema: SearchOrdersResponse,
    idempotent: true,
  });
  return res.data;
}

/** ConfirmShipmentRequest of ordersV0.json. */
export interface ConfirmShipmentBody {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: Array<{ orderItemId: string; quantity: number }>;
  };
}

/**
 * Orders v0 confirmShipment (not deprecated): 204 on success. Not resent after an ambiguous
 * failure: a second confirmation could record a second package.
 */
export async function confirmShipment(api: AmazonApi, orderId: string, body: ConfirmShipmentBody): Promise<number> {
  const res = await api.http.request({
    operation: 'confirmShipment',
    method: 'POST',
    url: joinUrl(api.endpoint, `/orders/v0/orders/${encodeURIComponent(orderId)}/shipmentConfirmation`),
    json: body,
    idempotent: false,
  });
  return res.status;
}
