import type { RateLimit } from '../../http/client.js';
import type { RetryPolicy } from '../../http/backoff.js';

/**
 * eBay publishes daily call quotas per application, no per-second limits and no rate-limit
 * headers (shared/reference/ebay-sell-api.md §8): Inventory 2,000,000/day, Fulfillment 100,000,
 * Account 25,000, Taxonomy 5,000; token grants 50,000 (refresh) / 1,000 (client credentials) a
 * day (§1). So civetta paces by the quota itself: each operation's bucket refills at the quota's
 * daily average and holds an hour's share. A run at shop scale never waits on it (what bounds a
 * run is EBAY_CONCURRENCY, the calls in flight); a runaway loop is held to the daily average, so
 * it cannot spend the day's budget in minutes.
 */
const DAY_S = 86_400;
function daily(quota: number): RateLimit {
  return { rate: quota / DAY_S, burst: Math.max(1, Math.floor(quota / 24)) };
}
const INVENTORY = daily(2_000_000);
const FULFILLMENT = daily(100_000);
const ACCOUNT = daily(25_000);
const TAXONOMY = daily(5_000);

export const EBAY_RATE_LIMITS: Record<string, RateLimit> = {
  // Inventory API
  createOrReplaceInventoryItem: INVENTORY,
  bulkCreateOrReplaceInventoryItem: INVENTORY,
  bulkGetInventoryItem: INVENTORY,
  bulkUpdatePriceQuantity: INVENTORY,
  bulkCreateOffer: INVENTORY,
  bulkPublishOffer: INVENTORY,
  getInventoryItem: INVENTORY,
  getOffers: INVENTORY,
  getOffer: INVENTORY,
  createOffer: INVENTORY,
  updateOffer: INVENTORY,
  publishOffer: INVENTORY,
  withdrawOffer: INVENTORY,
  getInventoryLocation: INVENTORY,
  createInventoryLocation: INVENTORY,
  // Fulfillment API
  getOrders: FULFILLMENT,
  createShippingFulfillment: FULFILLMENT,
  getShippingFulfillments: FULFILLMENT,
  // Account API
  getOptedInPrograms: ACCOUNT,
  getPrivileges: ACCOUNT,
  getFulfillmentPolicies: ACCOUNT,
  getPaymentPolicies: ACCOUNT,
  getReturnPolicies: ACCOUNT,
  // Taxonomy API (5,000 a day: the smallest quota)
  getDefaultCategoryTreeId: TAXONOMY,
  getCategorySuggestions: TAXONOMY,
  getItemAspectsForCategory: TAXONOMY,
  // OAuth token endpoint
  userToken: daily(50_000),
  applicationToken: daily(1_000),
};

/**
 * Calls in flight at once. eBay states no concurrency limit; four keeps a run's bulk batches
 * and per-SKU reads moving in parallel without opening a connection per SKU.
 */
export const EBAY_CONCURRENCY = 4;

/** Anything not in the table: paced like the smallest quota above. */
export const EBAY_DEFAULT_LIMIT: RateLimit = TAXONOMY;

/**
 * "Retry … with exponential backoff + jitter (about 3 tries)" (reference §8) for a 429: from eBay
 * (errorId 2001) it is normally the daily budget, so more tries would only burn the run's time.
 * A 5xx, a reset or a garbled answer passes by itself: five tries, as for Amazon, so that one
 * bad minute costs a listing's create (five calls) rarely.
 */
export const EBAY_RETRY: RetryPolicy = { attempts: 5, attemptsOn429: 3, baseMs: 500, maxMs: 30_000 };

/** Entries per bulk call: 25 (reference §6; `maxItems` in the inventory contract). */
export const BULK_MAX = 25;

/** getOrders `limit` maximum: 200; more is error 31100 (reference §7). */
export const ORDERS_PAGE_LIMIT = 200;

/** Renew the access token this long before its stated expiry (reference §1: "renew ~5 min early"). */
export const TOKEN_EXPIRY_MARGIN_MS = 5 * 60_000;
