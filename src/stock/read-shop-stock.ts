import { statSync } from 'node:fs';
import type { LoadedConfig } from '../config/loaded-config.js';
import { resolveStockFormat } from '../config/stock-formats.js';
import { resolveVat } from '../config/resolve-vat.js';
import { shopDay } from '../domain/shop-day.js';
import { readStock, type StockReadResult } from './read-stock.js';

/**
 * Reads the stock file the config names, with its format's preset merged under the config's
 * keys (throws StockFileError, exit 2, when it is refused). `now` decides which sales run.
 */
export function readShopStock(loaded: LoadedConfig, now: Date = new Date()): Promise<StockReadResult> {
  const { config } = loaded;
  const s = config.stock;
  const format = resolveStockFormat(s);
  return readStock({
    file: s.file,
    encoding: format.encoding,
    delimiter: format.delimiter,
    decimal: format.decimal,
    quote: s.quote,
    columns: format.columns,
    maxBadRowsPercent: s.maxBadRowsPercent,
    format: format.format,
    aliases: format.aliases,
    ...(format.layout ? { layout: format.layout } : {}),
    filter: s.filter,
    priceIncludesVat: format.priceIncludesVat,
    ...(format.grossPriceHeader ? { grossPriceHeader: format.grossPriceHeader } : {}),
    vatRate: (item) => resolveVat(item, config).rate,
    vatAliases: config.vat.aliases,
    today: shopDay(now, config.shop.timeZone),
    ...(s.imageBaseUrl ? { imageBaseUrl: s.imageBaseUrl } : {}),
  });
}

/**
 * When the stock file was written: an order shipped after it may still be counted on the shelf
 * in the file, so its units stay reserved (see orders/open-orders.ts).
 */
export function stockAsOf(loaded: LoadedConfig): Date {
  return statSync(loaded.config.stock.file).mtime;
}
