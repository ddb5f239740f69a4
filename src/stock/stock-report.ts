/**
 * Row counts, duplicate SKUs and the bad-row threshold decision. Pure.
 *
 * A duplicated SKU makes every one of its rows bad, the first included: the till has two
 * stock counts (and maybe two prices) for one product and nothing says which is true. Keeping
 * the first would publish a quantity that may be wrong, and overselling costs the shop more
 * (cancelled orders hurt its marketplace ratings) than a product missing online until the
 * file is fixed.
 */
import type { Problem } from '../domain/problem.js';
import type { StockItem } from '../domain/stock-item.js';

/** A row that carried a SKU, good or bad. */
export interface SkuSighting {
  sku: string;
  line: number;
}

/** SKU → the lines it appears on, for SKUs seen more than once, in file order. */
export function findDuplicateSkus(sightings: readonly SkuSighting[]): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const { sku, line } of sightings) {
    const seen = lines.get(sku);
    if (seen) seen.push(line);
    else lines.set(sku, [line]);
  }
  for (const [sku, at] of lines) if (at.length < 2) lines.delete(sku);
  return lines;
}

/** One `duplicate-sku` error per row of each duplicated SKU, naming all its lines. */
export function duplicateProblems(
  duplicates: ReadonlyMap<string, readonly number[]>,
  columnHeader: string,
  file?: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [sku, lines] of duplicates) {
    for (const line of lines) {
      problems.push({
        severity: 'error',
        code: 'duplicate-sku',
        message: `SKU "${sku}" appears on lines ${lines.join(', ')}; none of them is used until only one remains`,
        ...(file === undefined ? {} : { file }),
        line,
        column: columnHeader,
        sku,
        value: sku,
        expected: 'each SKU on one row only',
      });
    }
  }
  return problems;
}

/** Lines (rows) that have at least one error. */
export function badLines(problems: readonly Problem[]): Set<number> {
  const lines = new Set<number>();
  for (const p of problems) if (p.severity === 'error' && p.line !== undefined) lines.add(p.line);
  return lines;
}

/** Whether the share of bad rows passes the config's `maxBadRowsPercent` (strictly more refuses). */
export function exceedsBadRowThreshold(rows: number, badRows: number, maxBadRowsPercent: number): boolean {
  if (rows === 0) return false;
  return (badRows * 100) / rows > maxBadRowsPercent;
}

/** Problems in file order (line, then errors before warnings), stable otherwise. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** One line of text per problem, for InputError details and terminal output. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line === undefined ? undefined : `line ${p.line}`, p.column === undefined ? undefined : `column "${p.column}"`]
    .filter((x) => x !== undefined)
    .join(', ');
  const value = p.value === undefined ? '' : ` (found "${p.value}"${p.expected === undefined ? '' : `, expected ${p.expected}`})`;
  return `${where ? `${where}: ` : ''}${p.severity}: ${p.message} [${p.code}]${value}`;
}

/** A product as civetta reads it, for the owner to check the reading at a glance. */
export interface ProductPreview {
  sku: string;
  line: number;
  title: string;
  /** Shelf price, VAT included, in minor units (after a net price got its VAT, a running sale applied). */
  priceMinor: number;
  quantity: number;
  ean?: string;
}

/**
 * Up to `count` products to show: a variant (titled from its parent and options: the reading
 * most likely to be wrong) first when the file has one, then products from the top of the file.
 */
export function previewProducts(items: Iterable<StockItem>, count = 2): ProductPreview[] {
  let variant: StockItem | undefined;
  const first: StockItem[] = [];
  for (const i of items) {
    if (first.length < count) first.push(i);
    if (i.options !== undefined) {
      variant = i;
      break;
    }
  }
  const picked = [...(variant ? [variant] : []), ...first.filter((i) => i.line !== variant?.line)].slice(0, count);
  return picked.map((i) => ({ sku: i.sku, line: i.line, title: i.title, priceMinor: i.priceMinor, quantity: i.quantity, ...(i.ean ? { ean: i.ean } : {}) }));
}
