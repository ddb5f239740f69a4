import type { AddressInfo } from 'node:net';
import { amazonAuthRoutes, amazonPolicy } from './amazon-auth.js';
import { amazonCatalogRoutes } from './amazon-catalog.js';
import { FeedService } from './amazon-feeds.js';
import { amazonListingsRoutes } from './amazon-listings.js';
import { amazonOrdersRoutes } from './amazon-orders.js';
import { Buyers, type GenerateInput, type PlaceOrderInput } from './buyers.js';
import { ebayAccountRoutes } from './ebay-account.js';
import { ebayBulkRoutes } from './ebay-bulk.js';
import { ebayFulfillmentRoutes } from './ebay-fulfillment.js';
import { ebayTaxonomyRoutes } from './ebay-taxonomy.js';
import { OrderBook, type OrderStatus, type SimOrder } from './orders-store.js';
import type { SimClock } from './clock.js';
import { ebayAuthRoutes, ebayPolicy } from './ebay-auth.js';
import { ebayInventoryRoutes } from './ebay-inventory.js';
import { ebayLocationRoutes } from './ebay-locations.js';
import { Faults } from './faults.js';
import { amazonSnapshot, ebayInspect, type AmazonListingSnapshot } from './inspect.js';
import type { CatalogEntry, SimulatorOptions } from './options.js';
import { AMAZON_LIMITS, EBAY_DEFAULT_LIMIT, RateLimiter } from './rate-limit.js';
import { RequestLog, type LoggedRequest } from './request-log.js';
import { Router } from './router.js';
import { restoreSnapshot, snapshotText } from './persist.js';
import { seedState } from './seed.js';
import { createSimServer, type ServicePolicy } from './server.js';
import { createState } from './state.js';

export type { SimulatorOptions, CatalogEntry } from './options.js';
export { readSnapshot, writeSnapshot, type SimSnapshot } from './persist.js';
export {
  AMAZON_DEFAULT_CREDENTIALS, EBAY_DEFAULT_CREDENTIALS, DEFAULT_AMAZON_SELLER_ID,
} from './options.js';
export { autoAsin, isValidEan13 } from './amazon-catalog.js';

/** Where a client points a channel: the API base and the token endpoint. */
interface ChannelEndpoints {
  endpoint: string;
  tokenEndpoint: string;
}

/** A running simulator (see startSimulator). */
export interface Simulator {
  /** `{ amazon: { endpoint, tokenEndpoint }, ebay: { endpoint, tokenEndpoint } }` on 127.0.0.1. */
  readonly endpoints: { amazon: ChannelEndpoints; ebay: ChannelEndpoints };
  readonly port: number;
  /** `http://127.0.0.1:P`. */
  readonly origin: string;
  /** Simulated time: `clock.advance(ms)` moves token expiry, rate-limit refill, feeds and orders. */
  readonly clock: SimClock;
  /** Every call received, in order (tokens masked). */
  readonly requests: readonly LoggedRequest[];
  /**
   * Calls received for one operationId (or all calls), optionally of one service (both APIs have a
   * `getOrder`). Includes refused ones (401/403/429/5xx) and connection resets.
   */
  count(operation?: string, service?: 'amazon' | 'ebay' | 'documents'): number;
  /**
   * State-changing calls answered 2xx: PUT/PATCH/POST/DELETE of listings, items, offers, publish,
   * withdraw, locations, bulk writes, createFeed, the feed upload, confirmShipment, shipping
   * fulfillment. Not counted: token calls, reads, searches, createFeedDocument, refused calls.
   * An Amazon listing write answered 200 INVALID counts (the service received and judged it).
   */
  writeCount(service?: 'amazon' | 'ebay'): number;
  clearRequests(): void;
  /** Fault knobs at runtime: `faults.set({...})`, `faults.clear()`, `faults.expireTokens()`. */
  readonly faults: Faults;
  /** Turns rate limiting on/off at runtime; `drain(op)` empties one bucket. */
  readonly rateLimits: { enabled: boolean; drain(service: 'amazon' | 'ebay', operation: string): void; reset(): void };
  /** Makes a refresh token invalid from now on (→ invalid_grant). */
  revokeRefreshToken(service: 'amazon' | 'ebay', refreshToken: string): void;
  readonly amazon: {
    listing(sku: string): AmazonListingSnapshot | undefined;
    listings(): AmazonListingSnapshot[];
    /** Every feed with its status as getFeed reports it now. */
    feeds(): Array<Record<string, unknown>>;
    /** Adds catalogue entries at runtime; an entry with an ASIN already known replaces that product. */
    addCatalog(entries: CatalogEntry[]): void;
    readonly sellerId: string;
  };
  readonly ebay: ReturnType<typeof ebayInspect>;
  /** Simulated shoppers. Orders returned are copies (times in epoch ms, prices in minor units). */
  readonly buyers: {
    /** Buys from a live offer, lowering its listed quantity; throws if not listed or not enough stock. */
    placeOrder(input: PlaceOrderInput): SimOrder;
    /** Up to `count` orders on random in-stock listings, deterministic for a seed. */
    generate(input: GenerateInput): SimOrder[];
    /** PENDING → UNSHIPPED → SHIPPED, or → CANCELLED; lastUpdated moves. Throws on an impossible move. */
    advance(orderId: string, status: OrderStatus): SimOrder;
  };
  /** Every order of a channel (after applying due automatic progressions), oldest first. */
  orders(channel: 'amazon' | 'ebay'): SimOrder[];
  /** The state as a JSON text for `--state` (see persist.ts). */
  snapshotText(): string;
  close(): Promise<void>;
}

/** Starts the Amazon SP-API + eBay Sell API simulator on 127.0.0.1 (port 0 = a free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state = createState(options);
  seedState(state, options);
  const log = new RequestLog();
  const limiter = new RateLimiter(state.clock, state.timeScale, (service, op) => {
    const override = options.rateLimits?.[`${service}:${op}`] ?? options.rateLimits?.[op];
    if (override) return override;
    if (service === 'amazon') return AMAZON_LIMITS[op];
    return service === 'ebay' && op !== 'getToken' ? (options.ebay?.rateLimit ?? EBAY_DEFAULT_LIMIT) : undefined;
  }, options.rateLimiting ?? true);
  const faults = new Faults(options.seed ?? 1, options.faults, () => state.tokens.expireAll());
  const book = new OrderBook(state);
  if (options.restore) for (const order of restoreSnapshot(state, options.restore)) book.add(order);
  const buyers = new Buyers(state, book);
  const router = new Router();
  router.add(amazonAuthRoutes(state));
  router.add(amazonListingsRoutes(state));
  router.add(amazonCatalogRoutes(state));
  router.add(ebayAuthRoutes(state));
  router.add(amazonOrdersRoutes(state, book));
  const feeds = new FeedService(state, limiter, options.feedResultCompression !== 'NONE');
  router.add(feeds.routes());
  router.add(feeds.documentRoutes());
  router.add([...ebayInventoryRoutes(state), ...ebayLocationRoutes(state), ...ebayBulkRoutes(state)]);
  router.add([...ebayFulfillmentRoutes(state, book), ...ebayAccountRoutes(state), ...ebayTaxonomyRoutes()]);
  const documents: ServicePolicy = {
    authenticate: () => undefined,
    tooManyRequests: () => ({ status: 503, raw: 'SlowDown' }),
    serverError: (status) => ({ status, raw: 'InternalError' }),
    notFound: () => ({ status: 404, raw: '<Error><Code>NoSuchKey</Code></Error>', headers: { 'content-type': 'application/xml' } }),
    headers: () => ({}),
  };
  const server = createSimServer({
    state, router, faults, limiter, log,
    policies: { amazon: amazonPolicy(state, limiter), ebay: ebayPolicy(state), documents },
    tick: () => {
      state.settle();
      feeds.settle();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const catchUp = () => {
    state.settle();
    feeds.settle();
  };
  const origin = `http://127.0.0.1:${port}`;
  state.origin = origin;
  return {
    endpoints: {
      amazon: { endpoint: `${origin}/amazon`, tokenEndpoint: `${origin}/amazon/auth/o2/token` },
      ebay: { endpoint: `${origin}/ebay`, tokenEndpoint: `${origin}/ebay/identity/v1/oauth2/token` },
    },
    port,
    origin,
    clock: state.clock,
    get requests() {
      return log.entries;
    },
    count: (op, service) => log.count(op, service),
    writeCount: (service) => log.writeCount(service),
    clearRequests: () => log.clear(),
    faults,
    rateLimits: {
      get enabled() {
        return limiter.enabled;
      },
      set enabled(v: boolean) {
        limiter.enabled = v;
      },
      drain: (service, op) => limiter.drain(service, op),
      reset: () => limiter.reset(),
    },
    revokeRefreshToken: (_service, token) => void state.tokens.revoked.add(token),
    amazon: {
      listing: (sku) => {
        catchUp();
        return amazonSnapshot(state, sku);
      },
      listings: () => {
        catchUp();
        return [...state.amazon.listings.keys()].sort().flatMap((s) => amazonSnapshot(state, s) ?? []);
      },
      feeds: () => feeds.list(),
      addCatalog: (entries) => {
        const asins = new Set(entries.map((e) => e.asin));
        state.amazon.catalog = [...state.amazon.catalog.filter((c) => !asins.has(c.asin)), ...entries];
      },
      sellerId: state.amazon.sellerId,
    },
    ebay: ebayInspect(state),
    buyers: {
      placeOrder: (input) => {
        catchUp();
        return structuredClone(buyers.placeOrder(input));
      },
      generate: (input) => {
        catchUp();
        return structuredClone(buyers.generate(input));
      },
      advance: (orderId, status) => structuredClone(buyers.advance(orderId, status)),
    },
    orders: (channel) => structuredClone(book.all(channel)).sort((a, b) => a.createdMs - b.createdMs),
    snapshotText: () => {
      catchUp();
      return snapshotText(state, book.everything(), state.clock.now());
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
