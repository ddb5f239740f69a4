import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StockProduct } from '../../src/domain/stock-item.js';
import { productOf } from '../../src/domain/stock-item.js';
import type { StockReadOptions, StockReadResult } from '../../src/stock/read-stock.js';
import { readStock } from '../../src/stock/read-stock.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** Reads fixtures/stock/<folder>/<file> with its columns.json and every option on auto. */
export function readCase(folder: string, file: string, overrides: Partial<StockReadOptions> = {}): Promise<StockReadResult> {
  const dir = join(FIXTURES, 'stock', folder);
  const columns = JSON.parse(readFileSync(join(dir, 'columns.json'), 'utf8')) as StockReadOptions['columns'];
  return readStock({
    file: join(dir, file),
    encoding: 'auto',
    delimiter: 'auto',
    decimal: 'auto',
    quote: 'auto',
    columns,
    maxBadRowsPercent: 10,
    ...overrides,
  });
}

/** The good rows with their long fields (description, images) read back, as an offer gets them. */
export function products(r: StockReadResult): StockProduct[] {
  return [...r.items()].map((i) => productOf(r, i));
}

/** A promise's rejection, for asserting on the error object itself. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
