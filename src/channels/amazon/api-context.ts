import type { HttpClient } from '../../http/client.js';

/** What every SP-API call of one channel shares: the client, the base URL and the seller's store. */
export interface AmazonApi {
  http: HttpClient;
  /** SP-API base URL (may carry a path prefix). */
  endpoint: string;
  /** Merchant token, used in listings paths and the feed header. */
  sellerId: string;
  /** The store civetta lists in: the first of config.marketplaceIds. */
  marketplaceId: string;
  /** Every configured store, for order reads. */
  marketplaceIds: readonly string[];
  /** The language Amazon writes issue messages in (`issueLocale`): the listing store's. */
  issueLocale: string;
}
