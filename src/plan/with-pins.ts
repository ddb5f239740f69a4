import type { Config } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { Offer } from '../domain/offer.js';
import type { StockRows } from '../domain/stock-item.js';
import { productOf } from '../domain/stock-item.js';
import { resolveProduct } from '../hooks/resolve-product.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { buildOffers } from '../pricing/build-offers.js';

/** The reason shown for a product listed by hand with `civetta list`. */
export const PINNED_BY_HAND = 'pinned (civetta list)';

/**
 * The rule-selected offers plus the products pinned by `civetta list` on this channel, with the
 * owner's price/quantity overrides applied. A pinned SKU that left the stock file gets no offer
 * (the planner then leaves its listing as it is). Pure.
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
  const items = new Map(stock.items.map((i) => [i.sku, i]));
  for (const sku of pins.keys()) {
    if (bySku.has(sku)) continue;
    const item = items.get(sku);
    if (!item) continue;
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
