import type { Channel } from '../channel.js';
import type { EbayConfig } from '../../config/schema.js';
import { SIMULATOR_CREDENTIALS } from '../../config/credentials.js';
import type { Offer } from '../../domain/offer.js';
import { InputError } from '../../errors.js';
import type { ChannelDeps } from '../../http/channel-deps.js';
import { applyChanges } from './apply.js';
import { locationOnce, outOfStockMemo, type ListingContext } from './apply-context.js';
import { createEbayApi } from './create-api.js';
import { pullOrders, ship } from './orders.js';
import { readListings } from './read-listings.js';
import { setupCheck, type EbaySetupReport, type SetupCheckOptions } from './setup-check.js';

export { createEbayAppClient, type EbayAppClient } from './app-client.js';
export { checkConsentState, codeFromInput, consentState, endConsentState, writeEnvVariable } from './consent.js';
export { EBAY_LISTING_RULES, marketplaceFacts } from './marketplaces.js';
export type { AspectInfo } from './taxonomy-api.js';

/** The eBay channel: the shared Channel interface plus the one-time seller setup check. */
export interface EbayChannel extends Channel {
  readonly id: 'ebay';
  /**
   * Programs, seller registration, business policies, inventory location (created when missing
   * and `location` is configured), and — for the given offers — category map and required
   * aspects. Remembers OUT_OF_STOCK_CONTROL for `apply`. Reads only, except the location
   * (`{ createLocation: false }` makes it read-only, for `civetta validate`).
   */
  setupCheck(offers?: readonly Offer[], options?: SetupCheckOptions): Promise<EbaySetupReport>;
}

/**
 * Builds the eBay adapter from its config section. Throws InputError (exit 2) before any request
 * when an endpoint is not https (loopback excepted), the marketplace is unknown, or credentials
 * are missing outside the simulator.
 */
export function createEbayChannel(config: EbayConfig, shop: { currency: string }, deps: ChannelDeps): EbayChannel {
  const credentials = deps.credentials ?? (config.environment === 'simulator' ? SIMULATOR_CREDENTIALS.ebay : undefined);
  if (!credentials) {
    throw new InputError(
      'ebay: no credentials: set CIVETTA_EBAY_CLIENT_ID, CIVETTA_EBAY_CLIENT_SECRET and CIVETTA_EBAY_REFRESH_TOKEN (environment or the .env beside the config)',
    );
  }
  const { api, userAuth } = createEbayApi(config, credentials, deps);
  const outOfStock = outOfStockMemo(api);
  const listing: ListingContext = {
    api,
    config,
    settings: {
      marketplaceId: config.marketplaceId,
      merchantLocationKey: config.merchantLocationKey,
      policies: config.policies,
      includeCatalogProductDetails: config.useCatalogProductDetails,
    },
    outOfStockControl: outOfStock.get,
    locationReady: locationOnce(api, config, deps.log),
  };
  const currency = config.currency ?? shop.currency;
  const check = async (offers?: readonly Offer[], options?: SetupCheckOptions): Promise<EbaySetupReport> => {
    const report = await setupCheck(api, config, offers, options);
    if (report.outOfStockControl !== undefined) outOfStock.set(report.outOfStockControl);
    return report;
  };
  return {
    id: 'ebay',
    async authenticate() {
      await userAuth.accessToken();
    },
    readListings: (skus) => readListings(api, skus),
    apply: (changes, onOutcome) => applyChanges(listing, changes, onOutcome),
    pullOrders: (since) => pullOrders(api, since, currency),
    ship: (request) => ship(api, request),
    setupCheck: check,
    // The account only: a category refused for some items holds those items, not the channel.
    checkSetup: async () => (await check()).problems,
  };
}
