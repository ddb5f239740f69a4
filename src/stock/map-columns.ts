/**
 * Maps the config's `stock.columns` (canonical field → header) onto the file's header row,
 * forgivingly: case, accents, surrounding and repeated spaces, and the apostrophe Italian
 * keyboards type for an accent (`QUANTITA'`) do not matter. Pure.
 */
import type { Problem } from '../domain/problem.js';
import type { StockField } from '../domain/stock-item.js';
import { STOCK_FIELDS } from '../domain/stock-item.js';

/** The config's `stock.columns`: canonical field → header as the shop's file writes it. */
export type ColumnsOption = Partial<Record<StockField, string>> & {
  sku: string;
  title: string;
  price: string;
  quantity: string;
};

/** Where a field's values are in each record, and the header as written in the file. */
interface MappedColumn {
  index: number;
  header: string;
}

/** The fields found in the header. */
export type ColumnMapping = Partial<Record<StockField, MappedColumn>>;

/** The outcome: a mapping when every mapped column was found, and the problems either way. */
export interface MapColumnsResult {
  mapping?: ColumnMapping;
  problems: Problem[];
}

/** The form two header names are compared in. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`´]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The headers as written, without the empty ones a trailing delimiter leaves at the end. */
export function headerNames(header: readonly string[]): string[] {
  const names = header.map((h) => h.replace(/^\ufeff/, '').trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return names;
}

function findColumn(header: readonly string[], wanted: string): number[] {
  const exact = header.flatMap((h, i) => (h.trim() === wanted.trim() ? [i] : []));
  if (exact.length > 0) return exact;
  const key = normaliseHeader(wanted);
  return header.flatMap((h, i) => (normaliseHeader(h) === key ? [i] : []));
}

/** Finds every configured column in the header; a missing one is an error naming the headers found. */
export function mapColumns(
  header: readonly string[],
  columns: ColumnsOption,
  where: { file?: string; line?: number } = {},
): MapColumnsResult {
  const { file, line = 1 } = where;
  const problems: Problem[] = [];
  const mapping: ColumnMapping = {};
  const found = headerNames(header);
  for (const field of STOCK_FIELDS) {
    const wanted = columns[field];
    if (wanted === undefined) continue;
    const hits = findColumn(header, wanted);
    const first = hits[0];
    if (first === undefined) {
      problems.push({
        severity: 'error',
        code: 'missing-column',
        message: `the stock file has no column "${wanted}" (mapped to ${field}); headers found: ${found.map((h) => `"${h}"`).join(', ')}`,
        ...(file === undefined ? {} : { file }),
        line,
        column: wanted,
        key: `stock.columns.${field}`,
        value: found.join(', '),
        expected: `a column named "${wanted}"`,
      });
      continue;
    }
    const header0 = (header[first] ?? '').trim();
    if (hits.length > 1) {
      problems.push({
        severity: 'warning',
        code: 'ambiguous-column',
        message: `${hits.length} columns match "${wanted}" (mapped to ${field}); the first one (column ${first + 1}) is used`,
        ...(file === undefined ? {} : { file }),
        line,
        column: header0,
        key: `stock.columns.${field}`,
        value: hits.map((i) => `column ${i + 1}`).join(', '),
        expected: 'one column with this name',
      });
    }
    mapping[field] = { index: first, header: header0.replace(/^\ufeff/, '') };
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { mapping, problems };
}
