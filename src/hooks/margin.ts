import type { StockItem } from '../domain/stock-item.js';

/**
 * A product's margin as a share of its VAT-excluded shop price:
 *   (price / (1 + vat) − cost) / (price / (1 + vat)).
 * Cost is the net purchase cost, so the price is taken without VAT when the rate is known (for
 * a product with unknown VAT, the VAT-included price is used). Undefined without a cost, or at
 * price 0. Example: price 24.40 with 22% VAT (net 20.00), cost 15.00 → 0.25.
 */
export function productMargin(item: StockItem): number | undefined {
  if (item.costMinor === undefined || item.priceMinor <= 0) return undefined;
  const net = item.priceMinor / (1 + (item.vatRate ?? 0));
  return (net - item.costMinor) / net;
}
