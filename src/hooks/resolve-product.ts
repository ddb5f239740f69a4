import type { Config } from '../config/schema.js';
import type { StockItem } from '../domain/stock-item.js';
import { resolveVat } from '../config/resolve-vat.js';
import { resolveSafety } from './resolve-safety.js';

/** The product with VAT and safety data completed from the config: what rules, prices and offers see. */
export function resolveProduct(item: StockItem, config: Config): StockItem {
  const vat = resolveVat(item, config);
  const { vatRate: _fileRate, ...rest } = item;
  return { ...rest, ...(vat.rate !== undefined ? { vatRate: vat.rate } : {}), safety: resolveSafety(item, config.productSafety) };
}
