import type { ChannelDeps } from '../../http/channel-deps.js';
import type { EbayConfig } from '../../config/schema.js';
import { InputError } from '../../errors.js';
import { allowedOrigins } from '../../http/allowed-origins.js';
import { HttpClient } from '../../http/client.js';
import type { EbayApiContext } from './api-context.js';
import { EbayAuth, type EbayCredentials } from './auth.js';
import { APP_SCOPE, resolveEndpoints, SELL_SCOPES, type EbayEndpoints } from './endpoints.js';
import { marketplaceFacts, SUPPORTED_MARKETPLACES } from './marketplaces.js';
import { EBAY_CONCURRENCY, EBAY_DEFAULT_LIMIT, EBAY_RATE_LIMITS, EBAY_RETRY } from './rate-limits.js';

const USER_AGENT = 'civetta (eBay channel)';

/** The API context plus the two token providers behind it. */
export interface EbayApi {
  api: EbayApiContext;
  endpoints: EbayEndpoints;
  userAuth: EbayAuth;
  appAuth: EbayAuth;
  /** A client without auth whose only origins are the configured ones (token calls). */
  tokenHttp: HttpClient;
}

/**
 * Endpoints, checks and clients for one eBay config: every client may reach only the configured
 * endpoint and token endpoint, https unless loopback, checked here before any request (InputError).
 */
export function createEbayApi(config: EbayConfig, credentials: EbayCredentials, deps: ChannelDeps): EbayApi {
  const endpoints = resolveEndpoints(config);
  const origins = [endpoints.endpoint, endpoints.tokenEndpoint];
  allowedOrigins('ebay', origins);
  const facts = marketplaceFacts(config.marketplaceId);
  if (!facts) {
    throw new InputError(`ebay: marketplace "${config.marketplaceId}" is not supported; use one of ${SUPPORTED_MARKETPLACES.join(', ')}`, [
      'channels.ebay.marketplaceId decides the language civetta writes in (one language per channel).',
    ]);
  }
  const now = deps.now ?? Date.now;
  const common = { channel: 'ebay', origins, limits: EBAY_RATE_LIMITS, defaultLimit: EBAY_DEFAULT_LIMIT, concurrency: EBAY_CONCURRENCY, retry: EBAY_RETRY, userAgent: USER_AGENT, deps };
  const tokenHttp = new HttpClient(common);
  const token = { tokenEndpoint: endpoints.tokenEndpoint, credentials, http: tokenHttp, now };
  const userAuth = new EbayAuth({ ...token, grant: { kind: 'user', scopes: SELL_SCOPES } });
  const appAuth = new EbayAuth({ ...token, grant: { kind: 'application', scope: APP_SCOPE } });
  return {
    api: {
      http: new HttpClient({ ...common, auth: userAuth }),
      appHttp: new HttpClient({ ...common, auth: appAuth }),
      endpoint: endpoints.endpoint,
      marketplaceId: config.marketplaceId,
      facts,
    },
    endpoints,
    userAuth,
    appAuth,
    tokenHttp,
  };
}
