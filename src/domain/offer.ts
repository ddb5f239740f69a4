import type { ChannelId } from './ids.js';
import type { Minor } from './money.js';
import type { StockProduct } from './stock-item.js';

/**
 * What civetta wants live for one hook product on one channel: the channel price and quantity
 * computed by the pricing rules, and the product content taken from the stock file.
 */
export interface Offer {
  channel: ChannelId;
  sku: string;
  priceMinor: Minor;
  currency: string;
  /** Units shown: stock minus the shop-floor reserve and open orders, capped at the channel's max. */
  quantity: number;
  /** The lowest price allowed: cost + channel fees + floorMargin. Undefined when cost is unknown. */
  floorMinor?: Minor;
  /** The product row the offer is built from: title, EAN, images, brand, category, safety data. */
  product: StockProduct;
  /** Stable hash of the content fields a channel shows (title, description, images, EAN, brand, category, safety). */
  contentHash: string;
  /** Why this product is on the channel: the rule that selected it, or `pinned`. */
  reason: string;
}
