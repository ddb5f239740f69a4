import type { Config } from '../config/schema.js';
import type { StockItem } from '../domain/stock-item.js';
import { resolveVat } from '../config/resolve-vat.js';
import { resolveSafety } from './resolve-safety.js';

/**
 * The product with VAT and safety data completed from the config: what rules, prices and offers
 * see. Made for every row of the file on every channel, so it is one plain copy: a rest-and-
 * spread form took 4× as long here and left most of its copies for the old generation to sweep.
 */
export function resolveProduct(item: StockItem, config: Config): StockItem {
  const product: StockItem = { ...item, safety: resolveSafety(item, config.productSafety) };
  const rate = resolveVat(item, config).rate;
  if (item.vatRate === undefined && rate !== undefined) product.vatRate = rate;
  return product;
}
