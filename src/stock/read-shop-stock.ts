import type { LoadedConfig } from '../config/loaded-config.js';
import { readStock, type StockReadResult } from './read-stock.js';

/** Reads the stock file the config names (throws StockFileError, exit 2, when it is refused). */
export function readShopStock(loaded: LoadedConfig): Promise<StockReadResult> {
  const s = loaded.config.stock;
  return readStock({
    file: s.file,
    encoding: s.encoding,
    delimiter: s.delimiter,
    decimal: s.decimal,
    quote: s.quote,
    columns: s.columns,
    maxBadRowsPercent: s.maxBadRowsPercent,
  });
}
