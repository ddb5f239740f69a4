import type { Config } from '../config/schema.js';
import type { StockItem } from '../domain/stock-item.js';
import { lookupFolded } from '../config/fold-word.js';
import { resolveSafety } from './resolve-safety.js';

/** Where a product's VAT rate came from, for messages. */
export type VatSource = 'file' | 'category' | 'default' | 'unknown';

/** The VAT rate of a product: the file's column, else `vat.categories`, else `vat.default`. */
export function resolveVat(item: StockItem, config: Config): { rate?: number; source: VatSource } {
  if (item.vatRate !== undefined) return { rate: item.vatRate, source: 'file' };
  const byCategory = lookupFolded(config.vat.categories, item.category);
  if (byCategory !== undefined) return { rate: byCategory, source: 'category' };
  if (config.vat.default !== undefined) return { rate: config.vat.default, source: 'default' };
  return { source: 'unknown' };
}

/** The product with VAT and safety data completed from the config: what rules, prices and offers see. */
export function resolveProduct(item: StockItem, config: Config): StockItem {
  const vat = resolveVat(item, config);
  const { vatRate: _fileRate, ...rest } = item;
  return { ...rest, ...(vat.rate !== undefined ? { vatRate: vat.rate } : {}), safety: resolveSafety(item, config.productSafety) };
}
