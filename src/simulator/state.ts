import { createClock, type SimClock } from './clock.js';
import {
  AMAZON_DEFAULT_CREDENTIALS, DEFAULT_AMAZON_SELLER_ID, DEFAULT_EBAY_POLICIES, EBAY_DEFAULT_CREDENTIALS,
  type CatalogEntry, type Credentials, type EbayPolicySeed, type SimulatorOptions,
} from './options.js';
import { seededRandom } from './random.js';
import { TokenStore } from './token-store.js';

/** A listing on the simulated Amazon seller account. */
export interface AmazonListingState {
  sku: string;
  productType: string;
  requirements?: string;
  attributes: Record<string, unknown>;
  marketplaceIds: string[];
  createdMs: number;
  updatedMs: number;
}

/** An eBay inventory item (createOrReplaceInventoryItem body) and the locale set by Content-Language. */
export interface EbayItemState {
  sku: string;
  locale: string;
  item: Record<string, unknown>;
}

interface EbayListingDetails {
  listingId: string;
  /** Portal ListingStatusEnum: EBAY_ENDED when eBay ended it (policy), INACTIVE when it is not shown. */
  listingStatus: 'ACTIVE' | 'OUT_OF_STOCK' | 'ENDED' | 'EBAY_ENDED' | 'INACTIVE';
  soldQuantity: number;
  listingOnHold: boolean;
}

/** An eBay offer: keys + the replaceable details (createOffer body minus sku/marketplaceId/format). */
export interface EbayOfferState {
  offerId: string;
  sku: string;
  marketplaceId: string;
  format: string;
  details: Record<string, unknown>;
  status: 'PUBLISHED' | 'UNPUBLISHED';
  listing?: EbayListingDetails;
}

export interface EbayLocationState {
  merchantLocationKey: string;
  body: Record<string, unknown>;
  status: 'ENABLED' | 'DISABLED';
}

/** Everything the simulator holds; handlers of every API area share it. */
export interface SimState {
  /** `http://127.0.0.1:P`, known once the server listens (for absolute links and Location headers). */
  origin: string;
  clock: SimClock;
  timeScale: number;
  random: () => number;
  tokens: TokenStore;
  feedProcessing: { baseMs: number; perMessageMs: number };
  amazon: {
    sellerId: string;
    marketplaceIds: string[];
    credentials: Credentials;
    catalog: CatalogEntry[];
    autoCatalog: boolean;
    listings: Map<string, AmazonListingState>;
    /** Simulated ms between an ACCEPTED listing write and its effect (Amazon processes asynchronously). */
    acceptDelayMs: number;
    /** Accepted writes waiting for `acceptDelayMs` to pass. */
    pending: Array<{ atMs: number; apply: () => void }>;
    /** Share of ASINs whose offers need `list_price` (options.amazon.listPriceShare). */
    listPriceShare: number;
    /** The app's access to buyer and recipient data (options.amazon.pii). */
    pii: 'granted' | 'withheld' | 'denied';
  };
  ebay: {
    credentials: Credentials;
    policies: EbayPolicySeed[];
    programs: Set<string>;
    sellerRegistrationCompleted: boolean;
    locations: Map<string, EbayLocationState>;
    items: Map<string, EbayItemState>;
    offers: Map<string, EbayOfferState>;
    /** listingId → revisions made on the given UTC day. */
    revisions: Map<string, { day: string; count: number }>;
    revisionCap: number;
  };
  /** Applies every delayed write that is due (called before each request and each inspection). */
  settle(): void;
  /** Monotonic id counters. */
  nextId(kind: string): number;
  /** The counters as they stand, and putting saved ones back (`--state`: ids never repeat after a restart). */
  counters(): Array<[string, number]>;
  restoreCounters(saved: ReadonlyArray<readonly [string, number]>): void;
}

export function createState(o: SimulatorOptions): SimState {
  const clock = createClock(o.now);
  const counters = new Map<string, number>();
  return {
    origin: '',
    clock,
    timeScale: o.timeScale && o.timeScale > 0 ? o.timeScale : 1,
    random: seededRandom((o.seed ?? 1) + 7919),
    tokens: new TokenStore(clock),
    // Feeds take "a couple of minutes plus a few ms per message" (issue 3); overridable.
    feedProcessing: { baseMs: o.feedProcessing?.baseMs ?? 120_000, perMessageMs: o.feedProcessing?.perMessageMs ?? 5 },
    amazon: {
      sellerId: o.amazon?.sellerId ?? DEFAULT_AMAZON_SELLER_ID,
      marketplaceIds: o.amazon?.marketplaceIds ?? ['APJ6JRA9NG5V4'],
      credentials: { ...AMAZON_DEFAULT_CREDENTIALS, ...o.amazon?.credentials },
      catalog: [...(o.amazon?.catalog ?? [])],
      autoCatalog: o.amazon?.autoCatalog ?? false,
      listings: new Map(),
      acceptDelayMs: o.amazon?.acceptDelayMs ?? 0,
      pending: [],
      listPriceShare: Math.min(1, Math.max(0, o.amazon?.listPriceShare ?? 0)),
      pii: o.amazon?.pii ?? 'granted',
    },
    ebay: {
      credentials: { ...EBAY_DEFAULT_CREDENTIALS, ...o.ebay?.credentials },
      policies: [...(o.ebay?.policies ?? DEFAULT_EBAY_POLICIES)],
      programs: new Set(o.ebay?.optedInPrograms ?? ['SELLING_POLICY_MANAGEMENT']),
      sellerRegistrationCompleted: o.ebay?.sellerRegistrationCompleted ?? true,
      locations: new Map(),
      items: new Map(),
      offers: new Map(),
      revisions: new Map(),
      // eBay: at most 250 revisions per listing per calendar day (reference §5).
      revisionCap: o.ebay?.revisionCap ?? 250,
    },
    settle(): void {
      const now = clock.nowMs();
      const pending = this.amazon.pending;
      while (pending.length > 0 && (pending[0]?.atMs ?? Infinity) <= now) pending.shift()?.apply();
    },
    nextId(kind: string): number {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return n;
    },
    counters: () => [...counters.entries()],
    restoreCounters(saved) {
      for (const [kind, n] of saved) counters.set(kind, Math.max(n, counters.get(kind) ?? 0));
    },
  };
}
