import type { Offer } from '../domain/offer.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';

/**
 * What a live listing whose row left the stock file is offered at: nothing to sell, price and
 * content as they are live (there is no row to take them from, so only the quantity can change).
 * The product is the bare SKU: no content is ever sent from it.
 */
export function zeroOffer(listing: LedgerListing, currency: string, reason: string): Offer {
  return {
    channel: listing.channel,
    sku: listing.sku,
    priceMinor: listing.priceMinor,
    currency,
    quantity: 0,
    product: { sku: listing.sku, line: 0, title: '', priceMinor: listing.priceMinor, quantity: 0, imageCount: 0, httpsImage: false, images: [], safety: {} },
    contentHash: listing.contentHash,
    reason,
  };
}
