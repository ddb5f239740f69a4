/**
 * How validate says the stock file was read: the format applied, the rows that are not
 * products, and two products as civetta sees them (title, shelf price, quantity, EAN). The
 * pieces here are shared by `--all`'s lines under the stock line and the grouped summary's
 * first block (validate-summary.ts); `--json` carries the data as `reading`.
 */
import type { Problem } from '../../domain/problem.js';
import type { StockItem } from '../../domain/stock-item.js';
import { pricesLookNet } from '../../stock/price-basis.js';
import { formatMinor } from '../../stock/parse-number.js';
import type { StockReadResult } from '../../stock/read-stock.js';
import type { ProductPreview } from '../../stock/stock-report.js';
import { previewProducts } from '../../stock/stock-report.js';

/** What validate reports about the reading, beside the counts. */
export interface StockReading {
  format: string;
  priceIncludesVat: boolean;
  products: number;
  variants: number;
  skipped: StockReadResult['stats']['skipped'];
  negativeOutlets: number;
  preview: ProductPreview[];
}

export function stockReading(stock: StockReadResult): StockReading {
  const s = stock.stats;
  return {
    format: s.format,
    priceIncludesVat: s.priceIncludesVat,
    products: stock.count,
    variants: s.variants,
    skipped: s.skipped,
    negativeOutlets: s.negativeOutlets,
    preview: previewProducts(stock.items()),
  };
}

/**
 * The warning that the prices of a file read as VAT-included look net (see pricesLookNet):
 * every channel price and margin would come out about a fifth too low.
 */
export function netPriceWarning(items: Iterable<StockItem>, priceIncludesVat: boolean, file: string): Problem[] {
  if (!priceIncludesVat) return [];
  const look = pricesLookNet(items);
  if (!look.net) return [];
  return [{
    severity: 'warning',
    code: 'prices-look-net',
    message: `${look.close} of ${look.checked} products with a cost have a price only 1.1–1.4 × their cost, as net prices do; if the file's prices exclude VAT, set stock.priceIncludesVat: false`,
    file,
    key: 'stock.priceIncludesVat',
    value: 'true',
    expected: 'prices with VAT included, or stock.priceIncludesVat: false',
  }];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "5 products (3 variants)". */
export function readingCounts(r: StockReading): string {
  return `${plural(r.products, 'product')}${r.variants ? ` (${plural(r.variants, 'variant')})` : ''}`;
}

/** The rows that are not products, by kind ("1 parent", "2 continuation lines"…); none: empty. */
export function skippedKinds(r: StockReading): string[] {
  return [
    r.skipped.parents ? plural(r.skipped.parents, 'parent') : '',
    r.skipped.continuations ? plural(r.skipped.continuations, 'continuation line') : '',
    r.skipped.images ? plural(r.skipped.images, 'image row') : '',
    r.skipped.filtered ? `${r.skipped.filtered} left out by stock.filter` : '',
  ].filter(Boolean);
}

/** How prices were read, and the outlet stock counted as 0. */
export function priceBasis(r: StockReading): string {
  return `${r.priceIncludesVat ? 'VAT included' : 'net, VAT added per product'}${r.negativeOutlets ? `; ${plural(r.negativeOutlets, 'negative outlet stock')} counted as 0` : ''}`;
}

/** One product as civetta reads it. */
export function previewLine(p: ProductPreview): string {
  return `${p.sku} "${p.title}" ${formatMinor(p.priceMinor, ',')} VAT incl., quantity ${p.quantity}${p.ean ? `, EAN ${p.ean}` : ', no EAN'} (line ${p.line})`;
}

/** `--all`: two or three lines under validate's stock line. */
export function renderStockReading(r: StockReading): string[] {
  const skipped = skippedKinds(r);
  return [
    `  format ${r.format}: ${readingCounts(r)}${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}; prices ${priceBasis(r)}`,
    ...r.preview.map((p) => `  read as: ${previewLine(p)}`),
  ];
}
