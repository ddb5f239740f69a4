import type { HttpClient } from '../../http/client.js';
import type { MarketplaceFacts } from './marketplaces.js';

/** What every thin API function needs: the clients, the base URL and the marketplace's language. */
export interface EbayApiContext {
  /** Sell APIs, user token. */
  http: HttpClient;
  /** Taxonomy, application token. */
  appHttp: HttpClient;
  /** API base URL (may carry the simulator's `/ebay` prefix). */
  endpoint: string;
  marketplaceId: string;
  facts: MarketplaceFacts;
}

/**
 * Headers on every call: Content-Language and Accept-Language in the channel's one language
 * (required on item/offer writes by the contract, and missing Accept-Language has been refused
 * in the field, reference §2 and §9), and the marketplace id (harmless where not needed).
 */
export function languageHeaders(ctx: EbayApiContext): Record<string, string> {
  return {
    'content-language': ctx.facts.language,
    'accept-language': ctx.facts.language,
    'x-ebay-c-marketplace-id': ctx.marketplaceId,
  };
}
