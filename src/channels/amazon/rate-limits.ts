import type { RateLimit } from '../../http/client.js';

/**
 * Default usage plans (requests per second, bucket size) per SP-API operation, as stated in the
 * "Usage Plan" table of each operation's description in the official models
 * (amzn/selling-partner-api-models, copied to shared/specs/amazon/). Real plans can be higher
 * per seller; the HTTP client adapts to the `x-amzn-RateLimit-Limit` answer header.
 */
export const AMAZON_RATE_LIMITS: Record<string, RateLimit> = {
  // listingsItems_2021-08-01.json
  getListingsItem: { rate: 5, burst: 10 },
  putListingsItem: { rate: 5, burst: 10 },
  patchListingsItem: { rate: 5, burst: 5 },
  deleteListingsItem: { rate: 5, burst: 5 },
  searchListingsItems: { rate: 5, burst: 5 },
  // catalogItems_2022-04-01.json
  searchCatalogItems: { rate: 2, burst: 2 },
  // feeds_2021-06-30.json
  createFeedDocument: { rate: 0.5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  getFeed: { rate: 2, burst: 15 },
  getFeedDocument: { rate: 0.0222, burst: 10 },
  // orders_2026-01-01.json
  searchOrders: { rate: 0.0056, burst: 20 },
  // ordersV0.json (confirmShipment is not deprecated)
  confirmShipment: { rate: 2, burst: 10 },
  // Not SP-API operations: Login with Amazon and the pre-signed S3 document URLs publish no
  // usage plan; one call per run (token) or per feed (documents) needs no more than this.
  lwaToken: { rate: 1, burst: 5 },
  uploadFeedDocument: { rate: 1, burst: 5 },
  downloadFeedDocument: { rate: 1, burst: 5 },
};

/** Used for anything not in the table (none today); as slow as the slowest listings call. */
export const AMAZON_DEFAULT_LIMIT: RateLimit = { rate: 1, burst: 1 };

/**
 * Sandbox endpoints answer at most 5 requests/s with a burst of 15, whatever the operation
 * (SP-API "Selling Partner API sandbox", reference §2).
 */
export const AMAZON_SANDBOX_LIMIT: RateLimit = { rate: 5, burst: 15 };

/** JSON_LISTINGS_FEED items per document: 25,000 (listings-feed-schema-v2.json `maxItems`). */
export const FEED_MAX_MESSAGES = 25_000;

/** Identifiers per searchCatalogItems / searchListingsItems call (`maxItems: 20` in both models). */
export const IDENTIFIERS_PER_CALL = 20;
