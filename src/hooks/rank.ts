import type { RuleConfig } from '../config/schema.js';
import type { StockItem } from '../domain/stock-item.js';
import { productMargin } from './margin.js';

/** Units sold per SKU (from the ledger), for `rank: sales`; missing SKUs count 0. */
export type SalesBySku = ReadonlyMap<string, number>;

/** A candidate with the value its rule ranks it by (undefined: it has none, e.g. no cost for margin). */
export interface Ranked {
  item: StockItem;
  k: number | undefined;
}

/** The value `rank` orders by, higher first (`-price` negates the price). */
export function rankKey(rank: RuleConfig['rank'], sales: SalesBySku = new Map()): (item: StockItem) => number | undefined {
  switch (rank) {
    case 'margin':
      return productMargin;
    case 'quantity':
      return (item) => item.quantity;
    case 'price':
      return (item) => item.priceMinor;
    case '-price':
      return (item) => -item.priceMinor;
    case 'sales':
      return (item) => sales.get(item.sku) ?? 0;
  }
}

/** Best first: higher key, a missing key last, ties by SKU (code-point order), so the order never depends on the file. */
export function byRank(a: Ranked, b: Ranked): number {
  if (a.k === undefined || b.k === undefined) {
    if (a.k !== b.k) return a.k === undefined ? 1 : -1;
  } else if (a.k !== b.k) return b.k - a.k;
  return a.item.sku < b.item.sku ? -1 : a.item.sku > b.item.sku ? 1 : 0;
}

/**
 * Orders candidates best first by the rule's `rank`: margin, quantity, price and sales
 * descending, `-price` ascending. A product without the value (no cost for margin) comes last.
 * Ties are broken by SKU (ascending, code-point order), so the order never depends on the file.
 */
export function rankItems(items: readonly StockItem[], rank: RuleConfig['rank'], sales: SalesBySku = new Map()): StockItem[] {
  const key = rankKey(rank, sales);
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort(byRank)
    .map(({ item }) => item);
}
