/**
 * One thing wrong with the shop's input (stock file row, config key, product data), located
 * precisely enough for the shop owner to fix it: file, line, column, key, the value found and
 * what was expected.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** A short stable code, e.g. `ean-check-digit`, `missing-sku`, `config-invalid`. */
  code: string;
  message: string;
  file?: string;
  /** 1-based physical line in the file where the record starts. */
  line?: number;
  /** Column header (stock file) as written in the file. */
  column?: string;
  /** Config key path, e.g. `channels.ebay.pricing.markup`. */
  key?: string;
  sku?: string;
  /** The offending value as found (never a secret). */
  value?: string;
  expected?: string;
}
