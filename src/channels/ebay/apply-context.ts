import type { EbayConfig } from '../../config/schema.js';
import type { EbayApiContext } from './api-context.js';
import type { OfferSettings } from './mapping.js';
import { getOptedInPrograms } from './account-api.js';

/** Everything the listing steps share within one channel instance. */
export interface ListingContext {
  api: EbayApiContext;
  config: EbayConfig;
  settings: OfferSettings;
  /** Whether the seller is opted into OUT_OF_STOCK_CONTROL, read once (setupCheck or the first zero). */
  outOfStockControl(): Promise<boolean>;
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
