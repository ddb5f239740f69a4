import type { EbayConfig } from '../../config/schema.js';
import type { ChannelDeps } from '../../http/channel-deps.js';
import { HttpClient } from '../../http/client.js';
import { exchangeCode, type ConsentTokens } from './code-exchange.js';
import { consentUrl } from './consent.js';
import { createEbayApi } from './create-api.js';
import { resolveEndpoints } from './endpoints.js';
import { marketplaceFacts } from './marketplaces.js';
import { EBAY_RATE_LIMITS, EBAY_RETRY } from './rate-limits.js';
import { getCategorySuggestions, getDefaultCategoryTreeId, getItemAspectsForCategory, type AspectInfo } from './taxonomy-api.js';

/** The eBay app's own keys: enough for the consent and the taxonomy, never for a seller's listings. */
export interface EbayAppKeys {
  clientId: string;
  clientSecret: string;
}

/**
 * What the commands acting for the eBay app rather than for a seller reach (`auth ebay`,
 * `ebay categories`): only the client id and secret, no refresh token. Nothing is sent and no
 * client is built until a method needs it, so a command refuses bad input before any of it.
 */
export interface EbayAppClient {
  /** eBay's consent page for the shop's seller account, in the marketplace's language. */
  consentUrl(ruName: string, state: string): string;
  /** The authorization-code grant: code + RuName → the refresh token (a refusal is ChannelAuthError, exit 5). */
  exchangeCode(code: string, ruName: string): Promise<ConsentTokens>;
  /** The marketplace's default category tree, eBay's suggestions for some words, a leaf category's aspects (application token). */
  categoryTreeId(): Promise<string>;
  categorySuggestions(treeId: string, query: string): ReturnType<typeof getCategorySuggestions>;
  itemAspects(treeId: string, categoryId: string): Promise<AspectInfo[]>;
}

export function createEbayAppClient(config: EbayConfig, keys: EbayAppKeys, deps: ChannelDeps): EbayAppClient {
  const endpoints = resolveEndpoints(config);
  let taxonomy: ReturnType<typeof createEbayApi>['api'] | undefined;
  const api = () => (taxonomy ??= createEbayApi(config, { ...keys, refreshToken: '' }, deps).api);
  return {
    consentUrl: (ruName, state) => consentUrl(endpoints.consentPage, keys.clientId, ruName, marketplaceFacts(config.marketplaceId)?.language ?? 'it-IT', state),
    exchangeCode(code, ruName) {
      // Only the token endpoint: the consent needs no other eBay host.
      const http = new HttpClient({ channel: 'ebay', origins: [endpoints.tokenEndpoint], limits: EBAY_RATE_LIMITS, retry: EBAY_RETRY, userAgent: 'civetta (eBay consent)', deps });
      return exchangeCode(http, endpoints.tokenEndpoint, keys, code, ruName);
    },
    categoryTreeId: async () => (await getDefaultCategoryTreeId(api())).categoryTreeId,
    categorySuggestions: (treeId, query) => getCategorySuggestions(api(), treeId, query),
    itemAspects: (treeId, categoryId) => getItemAspectsForCategory(api(), treeId, categoryId),
  };
}
