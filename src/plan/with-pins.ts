import { channelCurrency } from '../config/channel-currency.js';
import type { Config } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { Offer } from '../domain/offer.js';
import type { StockRows } from '../domain/stock-item.js';
import { productOf } from '../domain/stock-item.js';
import { resolveProduct } from '../hooks/resolve-product.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { buildOffers } from '../pricing/build-offers.js';
import { zeroOffer } from './zero-offer.js';

/** The reason shown for a product listed by hand with `civetta list`. */
export const PINNED_BY_HAND = 'pinned (civetta list)';

/**
 * The rule-selected offers plus the products pinned by `civetta list` on this channel, with the
 * owner's price/quantity overrides applied. A live pinned SKU whose row left the stock file is
 * offered at quantity 0 (price and content as they are live) until the row returns or the owner
 * delists it: nothing says any are left to sell. Only a pin with the owner's own `--quantity`
 * keeps that quantity. Pure.
 */
export function withPins(
  config: Config,
  channel: ChannelId,
  offers: readonly Offer[],
  stock: StockRows,
  listings: readonly LedgerListing[],
  openOrderUnits: ReadonlyMap<string, number>,
): Offer[] {
  const pins = new Map(listings.filter((l) => l.pinned).map((l) => [l.sku, l]));
  const bySku = new Map(offers.map((o) => [o.sku, o]));
  for (const [sku, pin] of pins) {
    if (bySku.has(sku)) continue;
    const item = stock.item(sku);
    if (!item) {
      if (pin.status === 'active' && pin.pinQuantity === undefined) {
        bySku.set(sku, zeroOffer(pin, channelCurrency(config, channel), `${PINNED_BY_HAND}, missing from the stock file: offered at 0 until its row comes back or it is delisted`));
      }
      continue;
    }
    const [offer] = buildOffers([{ item: productOf(stock, resolveProduct(item, config)), rule: PINNED_BY_HAND }], config, channel, openOrderUnits);
    if (offer) bySku.set(sku, offer);
  }
  return [...bySku.values()].map((offer) => {
    const pin = pins.get(offer.sku);
    if (!pin) return offer;
    return {
      ...offer,
      ...(pin.pinPriceMinor !== undefined ? { priceMinor: pin.pinPriceMinor } : {}),
      ...(pin.pinQuantity !== undefined ? { quantity: pin.pinQuantity } : {}),
    };
  });
}
