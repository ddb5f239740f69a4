/**
 * `stock.filter`: the rows kept before anything else reads them (an export's archived,
 * draft or disabled products). Each key is a canonical field (`category`) or a header
 * (`Status`); every key must match one of its values. Compared as shop words: case, accents
 * and spaces do not matter, and `true`/`1`/`yes`/`sì` are one value. Pure.
 */
import type { Problem } from '../domain/problem.js';
import type { StockField } from '../domain/stock-item.js';
import { STOCK_FIELDS } from '../domain/stock-item.js';
import { foldWord } from '../config/fold-word.js';
import type { ColumnMapping, HeaderAliases } from './map-columns.js';
import { findColumn, headerNames } from './map-columns.js';

export type FilterOption = Readonly<Record<string, string | number | boolean | readonly (string | number)[]>>;

/** One filter key resolved to a column, with the values it accepts (folded). */
export interface FilterColumn {
  key: string;
  index: number;
  values: Set<string>;
}

const TRUE_WORDS = ['1', 'true', 'yes', 'si', 'sì', 'y', 'vero'];
const FALSE_WORDS = ['0', 'false', 'no', 'n', 'falso'];

/** The folded form a filter value and a cell are compared in. */
function fold(value: string): string {
  const f = foldWord(value);
  if (TRUE_WORDS.includes(f)) return 'true';
  if (FALSE_WORDS.includes(f)) return 'false';
  return f;
}

/** The filter's columns in this header, or the problems naming the keys no column matches. */
export function resolveFilter(
  filter: FilterOption,
  header: readonly string[],
  mapping: ColumnMapping,
  where: { file?: string; line: number; aliases?: HeaderAliases },
): { columns: FilterColumn[]; problems: Problem[] } {
  const columns: FilterColumn[] = [];
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    const field = (STOCK_FIELDS as readonly string[]).includes(key) ? (key as StockField) : undefined;
    const index = field !== undefined ? mapping[field]?.index : findColumn(header, key, where.aliases)[0];
    const list = Array.isArray(raw) ? raw : [raw as string | number | boolean];
    if (index === undefined) {
      problems.push({
        severity: 'error',
        code: 'filter-column-missing',
        message: `stock.filter names "${key}", which is neither a mapped field nor a column of the file; headers found: ${headerNames(header).map((h) => `"${h}"`).join(', ')}`,
        ...(where.file === undefined ? {} : { file: where.file }),
        line: where.line,
        key: `stock.filter.${key}`,
        value: key,
        expected: 'a field of stock.columns or a header of the file',
      });
      continue;
    }
    columns.push({ key, index, values: new Set(list.map((v) => fold(String(v)))) });
  }
  return { columns, problems };
}

/** True when the record passes every filter column. */
export function keepRow(record: readonly string[], columns: readonly FilterColumn[]): boolean {
  return columns.every((c) => c.values.has(fold(record[c.index] ?? '')));
}
