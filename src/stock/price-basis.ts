/**
 * Prices as the file means them: a net list gets the product's VAT added, a sale price
 * replaces the regular one while its dates say it is valid, and a file of net prices read as
 * VAT-included is noticed. Integer minor units throughout. Pure.
 */
import type { StockItem } from '../domain/stock-item.js';

/**
 * The shelf price (VAT included) of a net price: net × (1 + rate), to the cent, half up
 * (24,58 at 22% → 29,9876 → 29,99). The rate is taken in hundredths of a percent, enough for
 * every EU rate, so the product is exact in integers.
 */
export function shelfPriceFromNet(netMinor: number, rate: number): number {
  const basisPoints = Math.round(rate * 10_000);
  return Math.floor((netMinor * (10_000 + basisPoints) + 5_000) / 10_000);
}

/** A day as the exports write it: 2026-12-01 (with or without a time), or 01/12/2026 (Italian order). */
export function parseDay(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s.*)?$/.exec(t);
  if (m) return `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return undefined;
}

/** Whether a sale from `from` to `to` (inclusive days, either open) runs on `today` (YYYY-MM-DD). */
export function saleRuns(today: string, from: string | undefined, to: string | undefined): boolean {
  return (from === undefined || from <= today) && (to === undefined || today <= to);
}

/**
 * Whether the prices of a file read as VAT-included look net: for most products with a cost,
 * the price is within a few percent of cost × 1.1–1.4, a trade margin without VAT on top.
 * Shelf prices carry VAT over a margin and sit higher. Needs ten products with a cost.
 */
export function pricesLookNet(items: Iterable<Pick<StockItem, 'priceMinor' | 'costMinor'>>): { net: boolean; checked: number; close: number } {
  let checked = 0;
  let close = 0;
  for (const i of items) {
    if ((i.costMinor ?? 0) <= 0) continue;
    checked += 1;
    const ratio = i.priceMinor / (i.costMinor as number);
    if (ratio >= 1.1 * 0.97 && ratio <= 1.4 * 1.03) close += 1;
  }
  return { net: checked >= 10 && close * 2 > checked, checked, close };
}
