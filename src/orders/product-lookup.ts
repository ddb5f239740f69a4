import type { Config } from '../config/schema.js';
import type { StockRows } from '../domain/stock-item.js';
import { resolveVat } from '../config/resolve-vat.js';
import type { ProductFacts, ProductLookup } from '../domain/stored-order.js';

/**
 * The stock file's EAN, VAT rate (file, else `vat.categories`, else `vat.default`) and cost per
 * SKU, looked up as orders ask for them: a pull touches a few SKUs of a file of any length.
 */
export function productLookup(stock: Pick<StockRows, 'item'>, config: Config): ProductLookup {
  return (sku) => {
    const item = stock.item(sku);
    if (!item) return undefined;
    const facts: ProductFacts = { title: item.title };
    const rate = resolveVat(item, config).rate;
    if (item.ean !== undefined) facts.ean = item.ean;
    if (rate !== undefined) facts.vatRate = rate;
    if (item.costMinor !== undefined) facts.costMinor = item.costMinor;
    return facts;
  };
}
