import { throwIfFatal } from './channel-error.js';
import type { EbayConfig } from '../../config/schema.js';
import type { EbayApiContext } from './api-context.js';
import type { OfferSettings } from './mapping.js';
import { getOptedInPrograms } from './account-api.js';
import { ensureLocation } from './ensure-location.js';
import type { Logger } from '../../log.js';

/** Everything the listing steps share within one channel instance. */
export interface ListingContext {
  api: EbayApiContext;
  config: EbayConfig;
  settings: OfferSettings;
  /** Whether the seller is opted into OUT_OF_STOCK_CONTROL, read once (setupCheck or the first zero). */
  outOfStockControl(): Promise<boolean>;
  /** Makes sure the inventory location exists before the first publish of the run (once). */
  locationReady(): Promise<void>;
}

/**
 * Checks (and creates) the inventory location once per channel instance; a failure is logged,
 * not thrown: publish then reports eBay's own 25012 per SKU.
 */
export function locationOnce(api: EbayApiContext, config: EbayConfig, log: Logger): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () =>
    (done ??= ensureLocation(api, config).then(
      (state) => {
        if (state === 'created') log.info(`ebay: created the inventory location "${config.merchantLocationKey}" from channels.ebay.location`);
        if (state === 'missing') log.warn(`ebay: the inventory location "${config.merchantLocationKey}" does not exist and channels.ebay.location is not set: publishing will fail`);
      },
      (error: unknown) => {
        throwIfFatal(error);
        log.warn(`ebay: could not check the inventory location: ${error instanceof Error ? error.message : String(error)}`);
      },
    ));
}

/** Reads the opt-in once and keeps it; `set` lets setupCheck share what it already read. */
export function outOfStockMemo(api: EbayApiContext): { get: () => Promise<boolean>; set: (value: boolean) => void } {
  let known: Promise<boolean> | undefined;
  return {
    get: () =>
      (known ??= getOptedInPrograms(api)
        .then((programs) => programs.includes('OUT_OF_STOCK_CONTROL'))
        .catch((error: unknown) => {
          known = undefined; // a failed read is asked again next time, not remembered
          throw error;
        })),
    set: (value) => {
      known = Promise.resolve(value);
    },
  };
}
