import { channelCurrency } from '../config/channel-currency.js';
import type { Config } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { Offer } from '../domain/offer.js';
import type { StockProduct } from '../domain/stock-item.js';
import { channelPrice } from './channel-price.js';
import { channelQuantity } from './channel-quantity.js';
import { contentHash } from './content-hash.js';

/**
 * The desired offers of one channel for its hooks: channel price (never below the floor),
 * channel quantity and content hash. `openOrderUnits`: units per SKU in open orders of this
 * channel (from the ledger). A hook whose fees leave nothing to cover its cost gets no offer
 * (eligibility already keeps such products from being hooks). Pure.
 */
export function buildOffers(
  hooks: readonly { item: StockProduct; rule: string }[],
  config: Config,
  channel: ChannelId,
  openOrderUnits: ReadonlyMap<string, number> = new Map(),
): Offer[] {
  const cfg = config.channels[channel];
  if (!cfg) return [];
  const currency = channelCurrency(config, channel);
  const offers: Offer[] = [];
  for (const { item, rule } of hooks) {
    const price = channelPrice(item.priceMinor, item.costMinor, item.vatRate ?? 0, cfg.pricing);
    if (price === 'fees-exceed-revenue') continue;
    offers.push({
      channel,
      sku: item.sku,
      priceMinor: price.priceMinor,
      currency,
      quantity: channelQuantity(item.quantity, cfg.stock, openOrderUnits.get(item.sku) ?? 0),
      ...(price.floorMinor !== undefined ? { floorMinor: price.floorMinor } : {}),
      product: item,
      contentHash: contentHash(item),
      reason: rule,
    });
  }
  return offers;
}
