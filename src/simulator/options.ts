import type { SimSnapshot } from './persist.js';
import type { FaultSettings } from './faults.js';

/** One product of the simulated Amazon catalogue. Several entries may share an EAN (ambiguous match). */
export interface CatalogEntry {
  ean: string;
  asin: string;
  title: string;
  brand: string;
  productType: string;
  /** Offers on this ASIN need `list_price` in EU stores (overrides `amazon.listPriceShare`). */
  needsListPrice?: boolean;
  /**
   * Attributes an offer on this ASIN must carry to be sold, e.g. `supplier_declared_dg_hz_regulation`
   * or `batteries_required` for a product Amazon classes as dangerous goods: without them the
   * offer is ACCEPTED, then suppressed with a MISSING_ATTRIBUTE issue.
   */
  offerRequires?: string[];
  /** The code as a 12-digit UPC too (US products carry one; the catalogue answers `identifiersType=UPC`). */
  upc?: string;
}

/** A listing that already exists on the simulated Amazon seller account (for adoption tests). */
interface AmazonListingSeed {
  sku: string;
  productType?: string;
  /** Listings attributes as the API holds them (every value an array). */
  attributes: Record<string, unknown>;
  /** Defaults to the first of `amazon.marketplaceIds`. */
  marketplaceId?: string;
}

/** Requests per second and bucket size of one operation. */
export interface RateLimitSpec {
  rate: number;
  burst: number;
}

export interface Credentials {
  clientId: string;
  clientSecret: string;
  /** Refresh tokens the token endpoint accepts. */
  refreshTokens: string[];
}

export interface EbayPolicySeed {
  type: 'fulfillment' | 'payment' | 'return';
  id: string;
  name: string;
  marketplaceId: string;
}

interface EbayOfferSeed {
  offerId?: string;
  sku: string;
  marketplaceId?: string;
  format?: 'FIXED_PRICE' | 'AUCTION';
  /** The rest of the offer body (createOffer shape). */
  details?: Record<string, unknown>;
  /** Seeds a live listing with this id (offer PUBLISHED). */
  listingId?: string;
}

export interface SimulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** A state saved by `snapshotText()` (civetta simulator --state): listings, offers and orders as they were. */
  restore?: SimSnapshot;
  /** Multiplies every rate limit, divides token lifetimes and feed processing time. Default 1. */
  timeScale?: number;
  /** Clock base in epoch ms (tests inject one); `sim.clock.advance()` moves on top of it. */
  now?: () => number;
  /** Seed for every random choice (fault shares, generated buyers). Default 1. */
  seed?: number;
  /** Per-operation overrides of the documented limits, keyed by operationId or `service:operationId` (e.g. `ebay:getOrder`). */
  rateLimits?: Record<string, RateLimitSpec>;
  /** Turns rate limiting off entirely (default on). */
  rateLimiting?: boolean;
  faults?: FaultSettings;
  /** Feed processing time = baseMs + perMessageMs × messages, divided by timeScale. Default 120000 + 5. */
  feedProcessing?: { baseMs?: number; perMessageMs?: number };
  /** Processing reports are served GZIP-compressed (compressionAlgorithm: GZIP) unless 'NONE'. Default 'GZIP'. */
  feedResultCompression?: 'GZIP' | 'NONE';
  amazon?: {
    credentials?: Partial<Credentials>;
    sellerId?: string;
    /** Marketplaces the seller sells on. Default [APJ6JRA9NG5V4] (amazon.it). */
    marketplaceIds?: string[];
    catalog?: CatalogEntry[];
    /** Any valid EAN-13 resolves to ASIN "B0" + 8 characters derived from it, generic title. */
    autoCatalog?: boolean;
    listings?: AmazonListingSeed[];
    /**
     * Simulated ms before an ACCEPTED put/patch/delete takes effect (Amazon queues submissions;
     * reference §4 "ACCEPTED means queued, not live"). Default 0 = at once. Feeds apply at DONE.
     */
    acceptDelayMs?: number;
    /**
     * Share (0–1) of catalogue ASINs whose product type needs `list_price` on offers in EU
     * stores: an offer without one is ACCEPTED, then suppressed (not BUYABLE) with a
     * MISSING_ATTRIBUTE issue. Default 0.
     */
    listPriceShare?: number;
    /**
     * The app's restricted roles for buyer and recipient data (Orders v2026-01-01 "Access
     * Orders PII"): `granted` (default); `withheld` answers BUYER/RECIPIENT without the personal
     * fields (name, address lines, postal code, phone, e-mail); `denied` refuses a searchOrders
     * or getOrder that asks for BUYER or RECIPIENT with 403.
     */
    pii?: 'granted' | 'withheld' | 'denied';
  };
  ebay?: {
    credentials?: Partial<Credentials>;
    /** eBay publishes no per-second limits: this bucket applies per operation. Default 25/s, burst 50. */
    rateLimit?: RateLimitSpec;
    /** Default: one fulfillment/payment/return policy on EBAY_IT (ids 6200000001/2/3). */
    policies?: EbayPolicySeed[];
    /** Default [SELLING_POLICY_MANAGEMENT]. */
    optedInPrograms?: string[];
    sellerRegistrationCompleted?: boolean;
    locations?: Array<{ merchantLocationKey: string } & Record<string, unknown>>;
    inventoryItems?: Array<{ sku: string; locale?: string; item: Record<string, unknown> }>;
    offers?: EbayOfferSeed[];
    /** Revisions allowed per listing per day (eBay: 250). */
    revisionCap?: number;
  };
}

export const AMAZON_DEFAULT_CREDENTIALS: Credentials = {
  clientId: 'amzn1.application-oa2-client.civetta-simulator',
  clientSecret: 'civetta-simulator-secret',
  refreshTokens: ['Atzr|civetta-simulator'],
};

export const EBAY_DEFAULT_CREDENTIALS: Credentials = {
  clientId: 'civetta-simulator',
  clientSecret: 'civetta-simulator-secret',
  refreshTokens: ['v^1.1#civetta-simulator'],
};

export const DEFAULT_AMAZON_SELLER_ID = 'A1CIVETTASIM';

export const DEFAULT_EBAY_POLICIES: EbayPolicySeed[] = [
  { type: 'fulfillment', id: '6200000001', name: 'Spedizione standard', marketplaceId: 'EBAY_IT' },
  { type: 'payment', id: '6200000002', name: 'Pagamento immediato', marketplaceId: 'EBAY_IT' },
  { type: 'return', id: '6200000003', name: 'Reso 30 giorni', marketplaceId: 'EBAY_IT' },
];
