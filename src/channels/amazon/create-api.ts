import type { AmazonConfig } from '../../config/schema.js';
import type { ChannelDeps } from '../../http/channel-deps.js';
import { HttpClient, type RateLimit, type RetryPolicy } from '../../http/client.js';
import type { AmazonApi } from './api-context.js';
import { LwaAuth, resolveCredentials } from './auth.js';
import { resolveEndpoints, type AmazonEndpoints } from './endpoints.js';
import { assertMarketplaceCurrency, marketplaceLanguage } from './marketplaces.js';
import { AMAZON_DEFAULT_LIMIT, AMAZON_RATE_LIMITS, AMAZON_SANDBOX_LIMIT } from './rate-limits.js';

/** The API context plus the token provider behind it. */
export interface AmazonApiParts {
  api: AmazonApi;
  endpoints: AmazonEndpoints;
  auth: LwaAuth;
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

/**
 * Endpoints, credentials and clients for one Amazon config: every client may reach only the
 * configured hosts (and the region's document buckets), https unless loopback, checked here
 * before any request (InputError), as are the offer currency (the first store's) and missing
 * credentials.
 */
export function createAmazonApi(
  config: AmazonConfig,
  currency: string,
  deps: ChannelDeps,
  options: { retry?: RetryPolicy; concurrency?: number; userAgent?: string } = {},
): AmazonApiParts {
  const endpoints = resolveEndpoints(config);
  const marketplaceId = firstMarketplace(config);
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
  return { api, endpoints, auth };
}
