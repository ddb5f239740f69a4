import type { RuleConfig } from '../config/schema.js';
import type { StockItem } from '../domain/stock-item.js';
import { productMargin } from './margin.js';

/** Units sold per SKU (from the ledger), for `rank: sales`; missing SKUs count 0. */
export type SalesBySku = ReadonlyMap<string, number>;

/**
 * Orders candidates best first by the rule's `rank`: margin, quantity, price and sales
 * descending, `-price` ascending. A product without the value (no cost for margin) comes last.
 * Ties are broken by SKU (ascending, code-point order), so the order never depends on the file.
 */
export function rankItems(items: readonly StockItem[], rank: RuleConfig['rank'], sales: SalesBySku = new Map()): StockItem[] {
  const key = (item: StockItem): number | undefined => {
    switch (rank) {
      case 'margin':
        return productMargin(item);
      case 'quantity':
        return item.quantity;
      case 'price':
        return item.priceMinor;
      case '-price':
        return -item.priceMinor;
      case 'sales':
        return sales.get(item.sku) ?? 0;
    }
  };
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => {
      if (a.k === undefined || b.k === undefined) {
        if (a.k !== b.k) return a.k === undefined ? 1 : -1;
      } else if (a.k !== b.k) return b.k - a.k;
      return a.item.sku < b.item.sku ? -1 : a.item.sku > b.item.sku ? 1 : 0;
    })
    .map(({ item }) => item);
}
