import { marketplaceFacts } from '../../channels/ebay/index.js';
import type { Config } from '../../config/schema.js';

/**
 * The language of the shop's own texts (product titles, its name), for `lang` attributes: that
 * of the eBay marketplace it sells on, else Italian, the language of the shops civetta is for.
 */
export function shopLanguage(config: Config): string {
  const ebay = config.channels.ebay;
  return (ebay && marketplaceFacts(ebay.marketplaceId)?.language.split('-')[0]) ?? 'it';
}
