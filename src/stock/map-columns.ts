/**
 * Maps the config's `stock.columns` (canonical field → header) onto the file's header row,
 * forgivingly: case, accents, spaces (`Prezzo Vendita` = `PrezzoVendita`), and the apostrophe
 * Italian keyboards type for an accent (`QUANTITA'`) do not matter. A format's header aliases (the
 * same export's older or translated names) are tried after the configured name. Pure.
 */
import type { Problem } from '../domain/problem.js';
import type { StockField } from '../domain/stock-item.js';
import { STOCK_FIELDS } from '../domain/stock-item.js';
import { didYouMean } from '../config/did-you-mean.js';

export type { ColumnsOption, HeaderAliases } from '../config/stock-formats.js';
import type { ColumnsOption, HeaderAliases } from '../config/stock-formats.js';

/** Where a field's values are in each record, and the header as written in the file. */
export interface MappedColumn {
  index: number;
  header: string;
}

/** The fields found in the header; `quantities` holds every column summed for the quantity. */
export type ColumnMapping = Partial<Record<StockField, MappedColumn>> & { quantities?: MappedColumn[] };

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
    .replace(/\s+/g, '');
}

/** The headers as written, without the empty ones a trailing delimiter leaves at the end. */
export function headerNames(header: readonly string[]): string[] {
  const names = header.map((h) => h.replace(/^\ufeff/, '').trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return names;
}

function matches(header: readonly string[], wanted: string): number[] {
  if (wanted.endsWith('*')) {
    const prefix = normaliseHeader(wanted.slice(0, -1));
    return header.flatMap((h, i) => (normaliseHeader(h).startsWith(prefix) && normaliseHeader(h) !== prefix ? [i] : []));
  }
  const exact = header.flatMap((h, i) => (h.replace(/^\ufeff/, '').trim() === wanted.trim() ? [i] : []));
  if (exact.length > 0) return exact;
  const key = normaliseHeader(wanted);
  return header.flatMap((h, i) => (normaliseHeader(h) === key ? [i] : []));
}

/** The columns holding `wanted` (or, failing that, one of its aliases). */
export function findColumn(header: readonly string[], wanted: string, aliases: HeaderAliases = {}): number[] {
  for (const name of [wanted, ...(aliases[wanted] ?? [])]) {
    const hits = matches(header, name);
    if (hits.length > 0) return hits;
  }
  return [];
}

const cleanHeader = (header: readonly string[], index: number) => (header[index] ?? '').trim().replace(/^\ufeff/, '');

/** `, did you mean "X"?` for the header closest to a missing one, when one is close enough to be a typo. */
function closest(found: readonly string[], wanted: string): string {
  const byKey = new Map(found.map((h) => [normaliseHeader(h), h]));
  const key = didYouMean(normaliseHeader(wanted), [...byKey.keys()]);
  return key === undefined ? '' : `, did you mean "${byKey.get(key)}"?`;
}

/** Finds every configured column in the header; a missing one is an error naming the headers found. */
export function mapColumns(
  header: readonly string[],
  columns: ColumnsOption,
  where: { file?: string; line?: number; aliases?: HeaderAliases } = {},
): MapColumnsResult {
  const { file, line = 1, aliases = {} } = where;
  const problems: Problem[] = [];
  const mapping: ColumnMapping = {};
  const found = headerNames(header);
  const missing = (field: StockField, wanted: string) =>
    problems.push({
      severity: 'error',
      code: 'missing-column',
      message: `the stock file has no column "${wanted}" (mapped to ${field})${closest(found, wanted)}; headers found: ${found.map((h) => `"${h}"`).join(', ')}`,
      ...(file === undefined ? {} : { file }),
      line,
      column: wanted,
      key: `stock.columns.${field}`,
      value: found.join(', '),
      expected: wanted.endsWith('*') ? `columns whose names start with "${wanted.slice(0, -1)}"` : `a column named "${wanted}"`,
    });
  for (const field of STOCK_FIELDS) {
    const wanted = columns[field];
    if (wanted === undefined) continue;
    if (field === 'quantity' && (typeof wanted !== 'string' || wanted.endsWith('*'))) {
      const quantities: MappedColumn[] = [];
      for (const name of typeof wanted === 'string' ? [wanted] : wanted) {
        const hits = findColumn(header, name, aliases);
        if (hits.length === 0) missing(field, name);
        for (const index of name.endsWith('*') ? hits : hits.slice(0, 1)) quantities.push({ index, header: cleanHeader(header, index) });
      }
      const first = quantities[0];
      if (first) {
        mapping.quantity = first;
        mapping.quantities = quantities;
      }
      continue;
    }
    const name = wanted as string;
    const hits = findColumn(header, name, aliases);
    const first = hits[0];
    if (first === undefined) {
      missing(field, name);
      continue;
    }
    const header0 = cleanHeader(header, first);
    if (hits.length > 1) {
      problems.push({
        severity: 'warning',
        code: 'ambiguous-column',
        message: `${hits.length} columns match "${name}" (mapped to ${field}); the first one (column ${first + 1}) is used`,
        ...(file === undefined ? {} : { file }),
        line,
        column: header0,
        key: `stock.columns.${field}`,
        value: hits.map((i) => `column ${i + 1}`).join(', '),
        expected: 'one column with this name',
      });
    }
    mapping[field] = { index: first, header: header0 };
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { mapping, problems };
}
