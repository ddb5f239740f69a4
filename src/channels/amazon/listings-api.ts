import { joinUrl, type HttpResponse } from '../../http/client.js';
import type { AmazonApi } from './api-context.js';
import type { PatchOperation } from './feed-document.js';
import type { Attributes } from './mapping.js';
import { IDENTIFIERS_PER_CALL } from './rate-limits.js';
import { ListingSearchResults, SubmissionResponse, type ListingItem } from './schemas.js';

/** Listings Items API 2021-08-01 (listingsItems_2021-08-01.json): one thin function per call. */

function itemPath(api: AmazonApi, sku: string): string {
  // SKUs are path segments: always percent-encoded (reference §8, "SKUs with spaces, /, &").
  return `/listings/2021-08-01/items/${encodeURIComponent(api.sellerId)}/${encodeURIComponent(sku)}`;
}

export interface PutBody {
  productType: string;
  requirements: 'LISTING' | 'LISTING_OFFER_ONLY';
  attributes: Attributes;
}

/** PUT and PATCH are idempotent per SKU (the same body twice leaves the same listing), so resendable. */
export function putListingsItem(api: AmazonApi, sku: string, body: PutBody): Promise<HttpResponse<SubmissionResponse>> {
  return api.http.request({
    operation: 'putListingsItem',
    method: 'PUT',
    url: joinUrl(api.endpoint, itemPath(api, sku), { marketplaceIds: [api.marketplaceId], includedData: ['identifiers', 'issues'], issueLocale: api.issueLocale }),
    json: body,
    schema: SubmissionResponse,
    idempotent: true,
  });
}

export function patchListingsItem(
  api: AmazonApi,
  sku: string,
  body: { productType: string; patches: PatchOperation[] },
): Promise<HttpResponse<SubmissionResponse>> {
  return api.http.request({
    operation: 'patchListingsItem',
    method: 'PATCH',
    url: joinUrl(api.endpoint, itemPath(api, sku), { marketplaceIds: [api.marketplaceId], includedData: ['issues'], issueLocale: api.issueLocale }),
    json: body,
    schema: SubmissionResponse,
    idempotent: true,
  });
}

export function deleteListingsItem(api: AmazonApi, sku: string): Promise<HttpResponse<SubmissionResponse>> {
  return api.http.request({
    operation: 'deleteListingsItem',
    method: 'DELETE',
    url: joinUrl(api.endpoint, itemPath(api, sku), { marketplaceIds: [api.marketplaceId], issueLocale: api.issueLocale }),
    schema: SubmissionResponse,
    idempotent: true,
  });
}

/**
 * What a listing read asks for: exactly what remoteListingFromItem reads (status and ASIN from
 * summaries, price from offers, stock from fulfillmentAvailability, the issues that say why an
 * ACCEPTED listing is not BUYABLE, and the GPSR contacts among the seller's attributes).
 */
const LISTING_READ_DATA = ['summaries', 'offers', 'fulfillmentAvailability', 'issues', 'attributes'] as const;

/** The listings under these SKUs (at most 20, the model's `maxItems`), across all result pages. */
export async function searchListingsBySku(api: AmazonApi, skus: readonly string[]): Promise<ListingItem[]> {
  if (skus.length > IDENTIFIERS_PER_CALL) throw new Error(`searchListingsItems takes at most ${IDENTIFIERS_PER_CALL} SKUs`);
  const items: ListingItem[] = [];
  let pageToken: string | undefined;
  do {
    const res = await api.http.request({
      operation: 'searchListingsItems',
      method: 'GET',
      url: joinUrl(api.endpoint, `/listings/2021-08-01/items/${encodeURIComponent(api.sellerId)}`, {
        marketplaceIds: [api.marketplaceId],
        identifiers: skus,
        identifiersType: 'SKU',
        includedData: LISTING_READ_DATA,
        issueLocale: api.issueLocale,
        pageSize: IDENTIFIERS_PER_CALL,
        pageToken,
      }),
      schema: ListingSearchResults,
      idempotent: true,
    });
    items.push(...res.data.items);
    pageToken = res.data.pagination?.nextToken;
  } while (pageToken);
  return items;
}
