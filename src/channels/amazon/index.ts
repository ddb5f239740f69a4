import type { AmazonConfig } from '../../config/schema.js';
import type { StockItem } from '../../domain/stock-item.js';
import type { ChannelDeps } from '../../http/channel-deps.js';
import type { RetryPolicy } from '../../http/client.js';
import type { Channel, MatchResult } from '../channel.js';
import { DEFAULT_FEED_POLLING, type FeedPolling } from './apply-feed.js';
import { applyChanges, type ApplyContext } from './apply.js';
import { createAmazonApi } from './create-api.js';
import type { AmazonEndpoints } from './endpoints.js';
import { matchProducts } from './match-products.js';
import { ORDERS_PER_PAGE } from './orders-api.js';
import { orderReader, ship } from './orders.js';
import { sendsContent } from './patches.js';
import { AMAZON_RATE_LIMITS } from './rate-limits.js';
import { readListings } from './read-listings.js';

export { AMAZON_LISTING_RULES } from './marketplaces.js';

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
  const currency = config.currency ?? shop.currency;
  const { api, endpoints, auth } = createAmazonApi(config, currency, deps, options);
  const { marketplaceId } = api;
  const verdicts = new Map<string, MatchResult>();
  const match = async (items: readonly StockItem[]): Promise<MatchResult[]> => {
    const results = await matchProducts(api, items, config.createProducts);
    for (const r of results) verdicts.set(r.sku, r);
    return results;
  };
  const authenticate = async () => {
    await auth.accessToken();
  };
  const ctx: ApplyContext = {
    api,
    items: {
      api,
      listing: { marketplaceId, condition: config.condition, handlingDays: shop.handlingDays ?? DEFAULT_HANDLING_DAYS, shopCurrency: shop.currency },
      delistBy: config.delistBy,
      createProducts: config.createProducts,
    },
    feedThreshold: config.feedThreshold,
    feed: {
      documentOrigins: endpoints.documentOrigins,
      polling: { ...DEFAULT_FEED_POLLING, ...options.feedPolling },
      sleep: deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
      deps,
    },
    verdicts,
    match,
    authenticate,
  };
  return {
    id: 'amazon',
    endpoints,
    authenticate,
    match,
    sendsContent: (offer, remote) => sendsContent(offer, remote, ctx.items.listing),
    readListings: (skus) => readListings(api, skus),
    apply: (changes, onOutcome) => applyChanges(ctx, changes, onOutcome),
    pullOrders: orderReader(api, deps.log, { marketplaceId, currency }),
    orderPaging: { pageSize: ORDERS_PER_PAGE, burstPages: SEARCH_ORDERS.burst, secondsPerPage: Math.round(1 / SEARCH_ORDERS.rate) },
    ship: (request) => ship(api, request, deps.log),
  };
}
