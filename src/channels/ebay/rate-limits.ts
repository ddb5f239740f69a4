import type { RateLimit } from '../../http/client.js';
import type { RetryPolicy } from '../../http/backoff.js';

/**
 * eBay publishes daily call quotas per application, no per-second limits and no rate-limit
 * headers (shared/reference/ebay-sell-api.md §8): Inventory 2,000,000/day, Fulfillment 100,000,
 * Account 25,000, Taxonomy 5,000; token grants 50,000 (refresh) / 1,000 (client credentials) a
 * day (§1). A shop's run makes a few hundred calls, so the pacing below is chosen to be gentle
 * rather than to meet a stated rate: 5 calls/s for Inventory (≈ 0.02% of the daily quota per
 * minute of full speed), 2/s for Fulfillment and Account, 1/s for Taxonomy and tokens.
 */
export const EBAY_RATE_LIMITS: Record<string, RateLimit> = {
  // Inventory API
  createOrReplaceInventoryItem: { rate: 5, burst: 5 },
  bulkCreateOrReplaceInventoryItem: { rate: 5, burst: 5 },
  bulkGetInventoryItem: { rate: 5, burst: 5 },
  bulkUpdatePriceQuantity: { rate: 5, burst: 5 },
  getInventoryItem: { rate: 5, burst: 10 },
  getOffers: { rate: 5, burst: 10 },
  getOffer: { rate: 5, burst: 10 },
  createOffer: { rate: 5, burst: 5 },
  updateOffer: { rate: 5, burst: 5 },
  publishOffer: { rate: 5, burst: 5 },
  withdrawOffer: { rate: 5, burst: 5 },
  getInventoryLocation: { rate: 2, burst: 2 },
  createInventoryLocation: { rate: 2, burst: 2 },
  // Fulfillment API
  getOrders: { rate: 2, burst: 4 },
  createShippingFulfillment: { rate: 2, burst: 4 },
  getShippingFulfillments: { rate: 2, burst: 4 },
  // Account API
  getOptedInPrograms: { rate: 2, burst: 2 },
  getPrivileges: { rate: 2, burst: 2 },
  getFulfillmentPolicies: { rate: 2, burst: 3 },
  getPaymentPolicies: { rate: 2, burst: 3 },
  getReturnPolicies: { rate: 2, burst: 3 },
  // Taxonomy API (5,000 a day: the smallest quota)
  getDefaultCategoryTreeId: { rate: 1, burst: 2 },
  getCategorySuggestions: { rate: 1, burst: 2 },
  getItemAspectsForCategory: { rate: 1, burst: 3 },
  // OAuth token endpoint
  userToken: { rate: 1, burst: 2 },
  applicationToken: { rate: 1, burst: 2 },
};

/** Anything not in the table: as gentle as the slowest API above. */
export const EBAY_DEFAULT_LIMIT: RateLimit = { rate: 1, burst: 1 };

/**
 * "Retry … with exponential backoff + jitter (about 3 tries)" (reference §8); a 429 from eBay
 * (errorId 2001) is normally the daily budget, so more tries would only burn the run's time.
 */
export const EBAY_RETRY: RetryPolicy = { attempts: 3, baseMs: 500, maxMs: 30_000 };

/** Entries per bulk call: 25 (reference §6; `maxItems` in the inventory contract). */
export const BULK_MAX = 25;

/** getOrders `limit` maximum: 200; more is error 31100 (reference §7). */
export const ORDERS_PAGE_LIMIT = 200;

/** Renew the access token this long before its stated expiry (reference §1: "renew ~5 min early"). */
export const TOKEN_EXPIRY_MARGIN_MS = 5 * 60_000;
