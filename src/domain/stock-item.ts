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

/** One product row of the shop's stock file, after parsing and validation. */
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
  images: string[];
  description?: string;
  /** VAT rate as a fraction (0.22), from the file or the config; undefined when unknown. */
  vatRate?: number;
  safety: SafetyInfo;
}
