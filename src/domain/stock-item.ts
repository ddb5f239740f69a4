import type { SafetyParty } from './gpsr.js';

/** The canonical fields a stock file's columns can be mapped to (config `stock.columns`). */
export const STOCK_FIELDS = [
  'sku',
  'ean',
  'title',
  'brand',
  'category',
  'price',
  'cost',
  'quantity',
  'image',
  'description',
  'vat',
  'salePrice',
  'saleFrom',
  'saleTo',
  'manufacturer',
  'responsiblePerson',
  'safetyWarnings',
] as const;
export type StockField = (typeof STOCK_FIELDS)[number];

/**
 * EU product-safety (GPSR) data that marketplaces demand of EU sellers. The stock file names
 * parties by id (`*Id`); resolveProduct fills in the parties themselves from
 * `productSafety.parties`, or from the brand's entry when the row names none.
 */
export interface SafetyInfo {
  /** The row's manufacturer column: a key of `productSafety.parties`. */
  manufacturerId?: string;
  /** The row's responsible-person column: a key of `productSafety.parties`. */
  responsiblePersonId?: string;
  manufacturer?: SafetyParty;
  /** The responsible person in the EU. */
  responsiblePerson?: SafetyParty;
  /** Safety warnings as printed on the product ("Non adatto a bambini di età inferiore a 36 mesi"). */
  warnings?: string;
}

/**
 * One product row of the shop's stock file, after parsing and validation: what the reader keeps
 * of every row (selection, validation and the ledger read these). The long fields a listing
 * shows (description, image URLs) are set aside while reading and fetched for the hooks only
 * (StockProduct, `StockRows.longFields`), so a file of any length is read in bounded memory.
 */
export interface StockItem {
  sku: string;
  /** 1-based line of the file where the row starts, for messages. */
  line: number;
  ean?: string;
  title: string;
  brand?: string;
  category?: string;
  /** Shop's retail price, VAT included, in minor units (the sale price while a sale runs). */
  priceMinor: number;
  /** The regular price while a sale price replaces it in `priceMinor`. */
  regularPriceMinor?: number;
  /** Purchase cost in minor units, when the file has it. */
  costMinor?: number;
  quantity: number;
  /** A variant's option values (size, colour…), as its export writes them. */
  options?: string[];
  /** Image URLs the row has (the URLs themselves are long fields). */
  imageCount: number;
  /** Whether one of them is https: eBay publishes only those. */
  httpsImage: boolean;
  /** VAT rate as a fraction (0.22), from the file or the config; undefined when unknown. */
  vatRate?: number;
  safety: SafetyInfo;
}

/** What a listing shows beyond the row: kept out of memory while reading, fetched for the hooks. */
export interface LongFields {
  images: string[];
  description?: string;
}

/** A product with its long fields: what an offer is built from and a channel shows. */
export type StockProduct = StockItem & LongFields;

/** The image facts every row keeps (StockItem) of its URLs. */
export function imageFacts(images: readonly string[]): Pick<StockItem, 'imageCount' | 'httpsImage'> {
  return { imageCount: images.length, httpsImage: images.some((u) => u.startsWith('https://')) };
}

/**
 * The good rows of a stock file, and the long fields of any of them (read back on demand). A
 * file may hold a million rows: the reader keeps them out of the JS heap and makes each item as
 * it is reached, so a caller walks `items()` keeping only what it needs of each.
 */
export interface StockRows {
  /** How many good rows. */
  readonly count: number;
  /** The good rows in file order, each made as it is reached. */
  items(): Iterable<StockItem>;
  /** The good row with this SKU (good rows' SKUs are unique), or undefined. */
  item(sku: string): StockItem | undefined;
  /** The row's description and images; the item may be a copy (resolveProduct) of one of `items()`. */
  longFields(item: StockItem): LongFields;
}

/** The item with its long fields: what an offer is built from. */
export function productOf(stock: Pick<StockRows, 'longFields'>, item: StockItem): StockProduct {
  return { ...item, ...stock.longFields(item) };
}

/** Complete products (a test's, a one-off check's) as rows; their long fields are found by SKU. */
export function productRows(products: readonly StockProduct[]): StockRows {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  return {
    count: products.length,
    items: () => products,
    item: (sku) => bySku.get(sku),
    longFields: (item) => {
      const p = bySku.get(item.sku);
      return { images: p?.images ?? [], ...(p?.description === undefined ? {} : { description: p.description }) };
    },
  };
}
