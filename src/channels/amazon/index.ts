import type { AmazonConfig } from '../../config/schema.js';
import type { RemoteListing } from '../../domain/listing.js';
import type { StockItem } from '../../domain/stock-item.js';
import { HttpClient, type RateLimit, type RetryPolicy } from '../../http/client.js';
import type { Channel, ChangeOutcome, ListingChange, MatchResult, ShipOutcome, ShipRequest } from '../channel.js';
import type { AmazonApi } from './api-context.js';
import { applyFeed, DEFAULT_FEED_POLLING, type FeedPolling } from './apply-feed.js';
import { applyOne, type ItemContext } from './apply-items.js';
import { LwaAuth, resolveCredentials } from './auth.js';
import { resolveEndpoints, type AmazonEndpoints } from './endpoints.js';
import { buildFeedEntries, failEntries } from './feed-mapping.js';
import { searchListingsBySku } from './listings-api.js';
import { remoteListingFromItem } from './mapping.js';
import { sendsContent } from './patches.js';
import { assertMarketplaceCurrency, marketplaceLanguage } from './marketplaces.js';
import { matchProducts } from './match-products.js';
import { orderReader } from './order-reader.js';
import { confirmShipment, ORDERS_PER_PAGE } from './orders-api.js';
import { failureOf } from './outcomes.js';
import { AMAZON_DEFAULT_LIMIT, AMAZON_RATE_LIMITS, AMAZON_SANDBOX_LIMIT, FEED_MAX_MESSAGES, IDENTIFIERS_PER_CALL } from './rate-limits.js';
import type { ChannelDeps } from '../../http/channel-deps.js';

/** searchOrders' usage plan, told to `orders pull` so a big first pull says how long it will wait. */
const SEARCH_ORDERS = AMAZON_RATE_LIMITS.searchOrders ?? { rate: 0.0056, burst: 20 };

/** Tuning that is not part of the config file (tests shorten waits; the CLI keeps the defaults). */
export interface AmazonChannelOptions {
  feedPolling?: Partial<FeedPolling>;
  retry?: RetryPolicy;
  concurrency?: number;
  userAgent?: string;
}

/** The Amazon adapter: the Channel interface, with catalogue matching always available. */
export interface AmazonChannel extends Channel {
  readonly id: 'amazon';
  readonly endpoints: AmazonEndpoints;
  match(items: readonly StockItem[]): Promise<MatchResult[]>;
}

const USER_AGENT = 'civetta/0.1 (Language=TypeScript)';

function sandboxLimits(): Record<string, RateLimit> {
  const out: Record<string, RateLimit> = {};
  for (const [op, l] of Object.entries(AMAZON_RATE_LIMITS)) {
    out[op] = { rate: Math.min(l.rate, AMAZON_SANDBOX_LIMIT.rate), burst: Math.min(l.burst, AMAZON_SANDBOX_LIMIT.burst) };
  }
  return out;
}

/** Civetta lists in the first configured store; the config schema guarantees there is one. */
function firstMarketplace(config: AmazonConfig): string {
  const first = config.marketplaceIds[0];
  if (!first) throw new Error('amazon: channels.amazon.marketplaceIds is empty');
  return first;
}

/** shop.handlingDays when the caller gives none (the config schema's default). */
const DEFAULT_HANDLING_DAYS = 2;

/**
 * Builds the Amazon channel from its config section. Throws InputError (exit 2) before any
 * request when an endpoint is not https (loopback aside), credentials are missing, or the offer
 * currency is not the first marketplace's.
 */
export function createAmazonChannel(
  config: AmazonConfig,
  shop: { currency: string; handlingDays?: number },
  deps: ChannelDeps,
  options: AmazonChannelOptions = {},
): AmazonChannel {
  const endpoints = resolveEndpoints(config);
  const marketplaceId: string = firstMarketplace(config);
  const currency = config.currency ?? shop.currency;
  assertMarketplaceCurrency(marketplaceId, currency);
  const credentials = resolveCredentials(deps.credentials, config.environment);
  const limits = config.environment === 'sandbox' ? sandboxLimits() : AMAZON_RATE_LIMITS;
  const common = { channel: 'amazon', limits, defaultLimit: AMAZON_DEFAULT_LIMIT, userAgent: options.userAgent ?? USER_AGENT, deps, ...(options.retry ? { retry: options.retry } : {}) };
  // The token has a client of its own: its call happens inside another request's turn, and
  // sharing the p-limit queue could deadlock.
  const tokenHttp = new HttpClient({ ...common, origins: [endpoints.tokenEndpoint] });
  const auth = new LwaAuth({ tokenEndpoint: endpoints.tokenEndpoint, credentials, http: tokenHttp, now: deps.now ?? Date.now });
  const http = new HttpClient({
    ...common,
    origins: [endpoints.endpoint, endpoints.tokenEndpoint, ...endpoints.documentOrigins],
    rateLimitHeader: 'x-amzn-ratelimit-limit',
    auth,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const api: AmazonApi = {
    http, endpoint: endpoints.endpoint, sellerId: config.sellerId, marketplaceId, marketplaceIds: config.marketplaceIds, issueLocale: marketplaceLanguage(marketplaceId),
  };
  const itemContext: ItemContext = {
    api,
    listing: { marketplaceId, condition: config.condition, handlingDays: shop.handlingDays ?? DEFAULT_HANDLING_DAYS, shopCurrency: shop.currency },
    delistBy: config.delistBy,
    createProducts: config.createProducts,
  };
  const polling: FeedPolling = { ...DEFAULT_FEED_POLLING, ...options.feedPolling };
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** Verdicts of this run, so creates reuse the match report instead of searching again. */
  const verdicts = new Map<string, MatchResult>();

  async function match(items: readonly StockItem[]): Promise<MatchResult[]> {
    const results = await matchProducts(api, items, config.createProducts);
    for (const r of results) verdicts.set(r.sku, r);
    return results;
  }

  /** Matches the creates that have no verdict yet; a failed lookup fails those creates only. */
  async function verdictsFor(changes: readonly ListingChange[]): Promise<{ failed: ChangeOutcome[] }> {
    const missing = changes.flatMap((c) => (c.kind === 'create' && !verdicts.has(c.offer.sku) ? [c] : []));
    if (missing.length === 0) return { failed: [] };
    try {
      await match(missing.map((c) => c.offer.product));
      return { failed: [] };
    } catch (error) {
      const f = failureOf(error);
      const failed = missing.map<ChangeOutcome>((c) => ({
        sku: c.offer.sku, kind: 'create', ok: false, request: `searchCatalogItems ean=${c.offer.product.ean ?? '-'}`, response: f.response, errors: f.errors, warnings: [],
      }));
      return { failed };
    }
  }

  async function apply(changes: readonly ListingChange[], onOutcome: (outcome: ChangeOutcome) => void): Promise<void> {
    if (changes.length === 0) return;
    await auth.accessToken();
    const { failed } = await verdictsFor(changes);
    const failedSkus = new Set(failed.map((o) => o.sku));
    failed.forEach(onOutcome);
    const todo = changes.filter((c) => !(c.kind === 'create' && failedSkus.has(c.offer.sku)));
    const skuOf = (c: ListingChange) => (c.kind === 'delist' ? c.sku : c.offer.sku);

    if (changes.length > config.feedThreshold) {
      const { entries, immediate } = buildFeedEntries(todo.map((change) => ({ change, match: verdicts.get(skuOf(change)) })), itemContext);
      immediate.forEach(onOutcome);
      for (let start = 0; start < entries.length; start += FEED_MAX_MESSAGES) {
        // messageIds only need to be unique within one feed: later chunks keep their numbers.
        const chunk = entries.slice(start, start + FEED_MAX_MESSAGES);
        try {
          (await applyFeed(api, deps, chunk, { documentOrigins: endpoints.documentOrigins, polling, sleep })).forEach(onOutcome);
        } catch (error) {
          const f = failureOf(error); // rethrows refused credentials and hosts
          failEntries(chunk, f.errors, f.response).forEach(onOutcome);
        }
      }
      return;
    }
    const settled = await Promise.allSettled(todo.map(async (change) => onOutcome(await applyOne(change, verdicts.get(skuOf(change)), itemContext))));
    const stop = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (stop) throw stop.reason;
  }

  async function readListings(skus: readonly string[]): Promise<Map<string, RemoteListing>> {
    const out = new Map<string, RemoteListing>();
    const unique = [...new Set(skus)];
    for (let start = 0; start < unique.length; start += IDENTIFIERS_PER_CALL) {
      const batch = unique.slice(start, start + IDENTIFIERS_PER_CALL);
      for (const item of await searchListingsBySku(api, batch)) {
        // Only the SKUs asked for: anything else the search returns is not civetta's to touch.
        if (batch.includes(item.sku)) out.set(item.sku, remoteListingFromItem(item, marketplaceId));
      }
    }
    for (const sku of unique) if (!out.has(sku)) out.set(sku, { sku, status: 'missing', remote: {} });
    return out;
  }

  const pullOrders = orderReader(api, deps.log, { marketplaceId, currency });

  async function ship(request: ShipRequest): Promise<ShipOutcome> {
    // A positive number unique per package of an order (PackageReferenceId in ordersV0.json).
    const reference = String(Math.floor(request.shippedAt.getTime() / 1000));
    try {
      const status = await confirmShipment(api, request.orderId, {
        marketplaceId: request.marketplace || marketplaceId,
        packageDetail: {
          packageReferenceId: reference,
          carrierCode: request.carrier.code,
          // A carrier missing from Amazon's list goes as Other, named (ordersV0.json PackageDetail).
          ...(request.carrier.code === 'Other' ? { carrierName: request.carrier.name } : {}),
          trackingNumber: request.tracking,
          shipDate: request.shippedAt.toISOString(),
          orderItems: request.lines.map((l) => ({ orderItemId: l.lineId, quantity: l.quantity })),
        },
      });
      deps.log.debug(`amazon: confirmShipment ${request.orderId} → ${status}`);
      return { ok: true, reference, errors: [] };
    } catch (error) {
      return { ok: false, errors: failureOf(error).errors };
    }
  }

  return {
    id: 'amazon',
    endpoints,
    authenticate: async () => {
      await auth.accessToken();
    },
    match,
    sendsContent: (offer, remote) => sendsContent(offer, remote, itemContext.listing),
    readListings,
    apply,
    pullOrders,
    orderPaging: { pageSize: ORDERS_PER_PAGE, burstPages: SEARCH_ORDERS.burst, secondsPerPage: Math.round(1 / SEARCH_ORDERS.rate) },
    ship,
  };
}
