import type { Config } from '../config/schema.js';
import type { StockItem } from '../domain/stock-item.js';
import { resolveVat } from '../config/resolve-vat.js';
import type { ProductFacts, ProductLookup } from '../domain/stored-order.js';

/** The stock file's EAN, VAT rate (file, else `vat.categories`, else `vat.default`) and cost per SKU. */
export function productLookup(items: readonly StockItem[], config: Config): ProductLookup {
  const bySku = new Map<string, ProductFacts>();
  for (const item of items) {
    const facts: ProductFacts = { title: item.title };
    const rate = resolveVat(item, config).rate;
    if (item.ean !== undefined) facts.ean = item.ean;
    if (rate !== undefined) facts.vatRate = rate;
    if (item.costMinor !== undefined) facts.costMinor = item.costMinor;
    bySku.set(item.sku, facts);
  }
  return (sku) => bySku.get(sku);
}
