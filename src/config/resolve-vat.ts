import type { StockItem } from '../domain/stock-item.js';
import { lookupFolded } from './fold-word.js';
import type { Config } from './schema.js';

/** Where a product's VAT rate came from, for messages. */
export type VatSource = 'file' | 'category' | 'default' | 'unknown';

/**
 * The VAT rate of a product: the file's column, else `vat.categories`, else `vat.default`.
 * The stock reader needs it too (a net price gets it added), hence here beside the config.
 */
export function resolveVat(item: Pick<StockItem, 'vatRate' | 'category'>, config: Config): { rate?: number; source: VatSource } {
  if (item.vatRate !== undefined) return { rate: item.vatRate, source: 'file' };
  const byCategory = lookupFolded(config.vat.categories, item.category);
  if (byCategory !== undefined) return { rate: byCategory, source: 'category' };
  if (config.vat.default !== undefined) return { rate: config.vat.default, source: 'default' };
  return { source: 'unknown' };
}
