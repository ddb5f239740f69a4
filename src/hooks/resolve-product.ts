import type { Config } from '../config/schema.js';
import { foldWord } from '../config/fold-word.js';
import type { SafetyInfo, StockItem } from '../domain/stock-item.js';

/** Where a product's VAT rate came from, for messages. */
export type VatSource = 'file' | 'category' | 'default' | 'unknown';

function lookup<T>(map: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  if (key === undefined) return undefined;
  const k = foldWord(key);
  for (const [name, value] of Object.entries(map)) if (foldWord(name) === k) return value;
  return undefined;
}

/** The VAT rate of a product: the file's column, else `vat.categories`, else `vat.default`. */
export function resolveVat(item: StockItem, config: Config): { rate?: number; source: VatSource } {
  if (item.vatRate !== undefined) return { rate: item.vatRate, source: 'file' };
  const byCategory = lookup(config.vat.categories, item.category);
  if (byCategory !== undefined) return { rate: byCategory, source: 'category' };
  if (config.vat.default !== undefined) return { rate: config.vat.default, source: 'default' };
  return { source: 'unknown' };
}

/** GPSR data: each field from the file, else from `productSafety.brands` for the product's brand. */
export function resolveSafety(item: StockItem, config: Config): SafetyInfo {
  const brand = lookup(config.productSafety.brands, item.brand) ?? {};
  const pick = (own: string | undefined, fallback: string | undefined) => (own?.trim() ? own : fallback?.trim() ? fallback : undefined);
  const manufacturer = pick(item.safety.manufacturer, brand.manufacturer);
  const responsiblePerson = pick(item.safety.responsiblePerson, brand.responsiblePerson);
  const warnings = pick(item.safety.warnings, brand.warnings);
  return {
    ...(manufacturer ? { manufacturer } : {}),
    ...(responsiblePerson ? { responsiblePerson } : {}),
    ...(warnings ? { warnings } : {}),
  };
}

/** The product with VAT and safety data completed from the config: what rules, prices and offers see. */
export function resolveProduct(item: StockItem, config: Config): StockItem {
  const vat = resolveVat(item, config);
  const { vatRate: _fileRate, ...rest } = item;
  return { ...rest, ...(vat.rate !== undefined ? { vatRate: vat.rate } : {}), safety: resolveSafety(item, config) };
}
