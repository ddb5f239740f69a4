/**
 * Takes the file's records one by one (as csv-parse yields them) and keeps what the result
 * needs: the header mapping, the good rows (in a RowStore, off the JS heap, with their long
 * fields), problems, the SKUs seen and counts. Its only I/O is the store's temporary database;
 * the only state is what a result must hold.
 */
import type { Problem } from '../domain/problem.js';
import type { StockItem, StockRows } from '../domain/stock-item.js';
import type { Delimiter } from './detect-dialect.js';
import { detectDecimal, PREAMBLE_LINES } from './detect-dialect.js';
import type { RowLayout } from '../config/stock-formats.js';
import type { LinedRow, SkipReason } from './group-rows.js';
import { RowGrouper, variantTitle } from './group-rows.js';
import type { ColumnMapping, ColumnsOption, HeaderAliases } from './map-columns.js';
import { headerNames, mapColumns } from './map-columns.js';
import type { DecimalMark } from './parse-number.js';
import { parseImages } from './parse-fields.js';
import type { RowContext } from './parse-row.js';
import { foldAliases, isProductless, parseRow } from './parse-row.js';
import { shelfPriceFromNet } from './price-basis.js';
import type { FilterColumn, FilterOption } from './row-filter.js';
import { keepRow, resolveFilter } from './row-filter.js';
import { RowStore } from './row-store.js';
import { StockFileError } from './stock-file-error.js';
import type { SkuSighting } from './stock-report.js';
import { badLines, duplicateProblems, findDuplicateSkus, sortProblems } from './stock-report.js';

/**
 * Rows held back before the decimal mark is decided (`decimal: auto`): our own choice, enough
 * amounts for a clear vote, few enough that holding them costs nothing.
 */
const DECIMAL_SAMPLE_ROWS = 200;

/** The options of a row without variants: one shared empty list, never written to. */
const NO_OPTIONS: string[] = [];

interface Pending {
  record: string[];
  line: number;
}

interface Skip {
  endLine: number;
  message: string;
}

/** What the sink needs from the reader's options and sniffing. */
export interface SinkOptions {
  file: string;
  columns: ColumnsOption;
  decimal: 'auto' | DecimalMark;
  delimiter: Delimiter;
  /** The format's other names for its headers. */
  aliases?: HeaderAliases;
  /** How the export writes variants; none = every row is a product of its own. */
  layout?: RowLayout;
  filter?: FilterOption;
  /** false: the file's prices are net and `vatRate` gives the rate the shelf price adds. */
  priceIncludesVat?: boolean;
  /** A price header that means VAT included whatever `priceIncludesVat` says (Danea's "(ivato)"). */
  grossPriceHeader?: RegExp;
  /** The product's VAT rate when the file's column has none (vat.categories, vat.default). */
  vatRate?: (item: StockItem) => number | undefined;
  vatAliases?: Readonly<Record<string, number>>;
  /** The shop's today (YYYY-MM-DD), for sale dates. */
  today?: string;
  /** stock.imageBaseUrl: where the file's image paths are. */
  imageBaseUrl?: string;
}

/** Rows that are not products, by why. */
export interface SkippedRows {
  /** Variant parents: a WooCommerce variable product, a Magento configurable one. */
  parents: number;
  /** Lines continuing a product without a SKU or price of their own (Odoo, Magento store views). */
  continuations: number;
  /** Rows carrying only more images of the product above (Shopify). */
  images: number;
  /** Rows `stock.filter` left out. */
  filtered: number;
}

/** The reader's result, before it adds what only the shell knows (encoding, delimiter). */
export interface SinkResult {
  /** The good rows, duplicates dropped, in the reader's private scratch database. */
  rows: StockRows;
  problems: Problem[];
  stats: {
    rows: number;
    goodRows: number;
    badRows: number;
    decimal: string;
    headers: string[];
    ignoredRows: number;
    skipped: SkippedRows;
    /** Products read as variants (titled with their options or given their parent's cells). */
    variants: number;
    /** Outlet cells with negative stock, counted as 0. */
    negativeOutlets: number;
    /** Whether prices were read as VAT-included (false: VAT added per product). */
    priceIncludesVat: boolean;
  };
}

export class RecordSink {
  private readonly options: SinkOptions;
  private header: string[] | undefined;
  private mapping: ColumnMapping | undefined;
  private decimal: DecimalMark | undefined;
  private readonly pending: Pending[] = [];
  private readonly store = new RowStore();
  private readonly problems: Problem[] = [];
  /** Bad rows with a SKU: a duplicate's lines include them (good rows' SKUs are in the store). */
  private readonly badSightings: SkuSighting[] = [];
  private headerWidth = 0;
  private readonly skips: Skip[] = [];
  private lastEnd = 0;
  private rows = 0;
  /** Bad rows beyond one per skipped record: the lines it swallowed. */
  private swallowedLines = 0;
  private ignoredRows = 0;
  /** Lines before the header (a till's title lines), and the first of them's missing-column error. */
  private readonly preamble: number[] = [];
  private headerFailure: StockFileError | undefined;
  /** The ordinal of the product row just read (undefined after a bad row). */
  private previous: number | undefined;
  /** The ordinals of the group being read, which later image rows add to. */
  private groupRows: { key: string | undefined; ordinals: number[] } = { key: undefined, ordinals: [] };
  private grouper: RowGrouper | undefined;
  private filterColumns: FilterColumn[] = [];
  private readonly skippedRows: SkippedRows = { parents: 0, continuations: 0, images: 0, filtered: 0 };
  private variants = 0;
  private negativeOutlets = 0;
  private readonly vatAliases: ReadonlyMap<string, number>;
  private context: RowContext | undefined;
  private priceIncludesVat: boolean;

  constructor(options: SinkOptions) {
    this.options = options;
    this.priceIncludesVat = options.priceIncludesVat ?? true;
    this.decimal = options.decimal === 'auto' ? undefined : options.decimal;
    this.vatAliases = foldAliases(options.vatAliases ?? {});
  }

  /** A record the CSV parser could not read; resolved to a line when the records around it arrive. */
  skipped(endLine: number, message: string): void {
    this.skips.push({ endLine, message });
  }

  /** One parsed record, with the physical line where it ends. */
  record(record: string[], endLine: number): void {
    let newlines = 0;
    for (const value of record) for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) newlines++;
    const line = endLine - newlines;
    this.resolveSkips(line);
    this.lastEnd = endLine;
    if (this.mapping === undefined) {
      this.readHeader(record, line);
      return;
    }
    if (this.decimal === undefined) {
      this.pending.push({ record, line });
      if (this.pending.length >= DECIMAL_SAMPLE_ROWS) this.decideDecimal();
      return;
    }
    this.row(record, line);
  }

  /**
   * The first record whose names hold every mapped column is the header. Records before it are
   * a till's title lines ("Esportazione magazzino del …"), up to PREAMBLE_LINES of them; past
   * that, the first record's missing columns are the error.
   */
  private readHeader(record: string[], line: number): void {
    const { file, columns, aliases } = this.options;
    const mapped = mapColumns(record, columns, { file, line, ...(aliases ? { aliases } : {}) });
    if (!mapped.mapping) {
      const missing = mapped.problems.filter((p) => p.code === 'missing-column').map((p) => `"${p.column}"`);
      this.headerFailure ??= new StockFileError(
        `the stock file ${file} has no column ${missing.join(', ')}; headers found: ${headerNames(record).map((h) => `"${h}"`).join(', ')}`,
        mapped.problems,
      );
      this.preamble.push(line);
      if (this.preamble.length > PREAMBLE_LINES) throw this.headerFailure;
      return;
    }
    const filter = resolveFilter(this.options.filter ?? {}, record, mapped.mapping, { file, line, ...(aliases ? { aliases } : {}) });
    if (filter.problems.length > 0) {
      throw new StockFileError(filter.problems.map((p) => p.message).join('; '), filter.problems);
    }
    this.header = record;
    this.headerWidth = headerNames(record).length;
    this.mapping = mapped.mapping;
    if (this.options.grossPriceHeader?.test(mapped.mapping.price?.header ?? '')) this.priceIncludesVat = true;
    this.filterColumns = filter.columns;
    if (this.options.layout) {
      this.grouper = new RowGrouper(record, mapped.mapping, this.options.layout, aliases ?? {}, filter.columns.map((c) => c.index));
    }
    this.problems.push(...mapped.problems);
    const first = this.preamble[0];
    if (first !== undefined) {
      const last = this.preamble.at(-1) ?? first;
      this.problems.push({
        severity: 'warning',
        code: 'header-not-first',
        message: `the header is on line ${line}; ${this.preamble.length === 1 ? `line ${first} above it is` : `lines ${first}–${last} above it are`} ignored`,
        file,
        line,
        value: `line ${line}`,
        expected: 'the header on the first line',
      });
    }
  }

  private decideDecimal(): void {
    const { price, cost } = this.mapping ?? {};
    const values = this.pending.flatMap(({ record }) => [price, cost].flatMap((c) => (c === undefined ? [] : [record[c.index] ?? ''])));
    this.decimal = detectDecimal(values, this.options.delimiter);
    for (const { record, line } of this.pending.splice(0)) this.row(record, line);
  }

  /** One record: the rows the layout settles with it (a Magento parent settles its waiting variants). */
  private row(record: string[], line: number): void {
    if (!this.grouper) this.settle({ kind: 'product', record, options: NO_OPTIONS, inherited: false, line });
    else for (const grouped of this.grouper.row(record, line)) this.settle(grouped);
  }

  /**
   * One settled row, in small steps: (1) parent, continuation and image rows stop here,
   * counted; (2) the filter; (3) the values parsed; (4) net prices made shelf prices; (5) a
   * variant titled with its options; (6) kept, with its SKU seen for the duplicate check.
   */
  private settle(grouped: LinedRow): void {
    const mapping = this.mapping as ColumnMapping;
    const { line } = grouped;
    if (grouped.kind === 'skip') {
      this.skip(grouped.reason, grouped.images, grouped.group);
      return;
    }
    if (!this.grouper && isProductless(grouped.record, mapping)) {
      this.ignoredRows++;
      this.continueImages(grouped.record, mapping);
      return;
    }
    if (!keepRow(grouped.record, this.filterColumns)) {
      this.skippedRows.filtered++;
      this.previous = undefined;
      return;
    }
    this.rows++;
    const parsed = parseRow(grouped.record, mapping, this.rowContext(line));
    for (const problem of parsed.problems) {
      if (problem.code === 'quantity-negative-outlet') this.negativeOutlets++;
      this.problems.push(problem);
    }
    const item = parsed.item && this.shelfPrice(parsed.item);
    let ordinal: number | undefined;
    if (item) {
      const title = variantTitle(item.title, grouped.options);
      if (title !== item.title || grouped.inherited) this.variants++;
      item.title = title;
      if (grouped.options.length > 0) item.options = grouped.options;
      ordinal = this.store.add(item, parsed.long ?? { images: [] });
      if (this.grouper) {
        if (grouped.group === undefined || grouped.group !== this.groupRows.key) this.groupRows = { key: grouped.group, ordinals: [] };
        this.groupRows.ordinals.push(ordinal);
      }
    }
    if (parsed.sku !== undefined && ordinal === undefined) this.badSightings.push({ sku: parsed.sku, line });
    this.previous = ordinal;
  }

  /** The context every row is parsed in, at this row's line: one object for the whole file. */
  private rowContext(line: number): RowContext {
    const { file, today, imageBaseUrl } = this.options;
    this.context ??= {
      file,
      line,
      decimal: this.decimal as DecimalMark,
      headerWidth: this.headerWidth,
      vatAliases: this.vatAliases,
      vatRates: new Map(),
      ...(today === undefined ? {} : { today }),
      ...(imageBaseUrl === undefined ? {} : { imageBaseUrl }),
    };
    this.context.line = line;
    return this.context;
  }

  /**
   * A row with no product field but image URLs continues the product right above it: Shopify
   * exports a product's second and later images that way. Above a bad row, it is only ignored.
   */
  private continueImages(record: readonly string[], mapping: ColumnMapping): void {
    const column = mapping.image;
    if (this.previous === undefined || column === undefined) return;
    this.store.addImages(this.previous, parseImages(record[column.index] ?? '', this.options.imageBaseUrl).urls);
  }

  /** A row that is not a product, counted by why; an image row's URLs join its product's variants. */
  private skip(reason: SkipReason, images: string | undefined, group: string | undefined): void {
    if (reason === 'parent') this.skippedRows.parents++;
    else if (reason === 'continuation') this.skippedRows.continuations++;
    else {
      this.skippedRows.images++;
      if (group === undefined || group !== this.groupRows.key) return;
      const urls = parseImages(images ?? '', this.options.imageBaseUrl).urls;
      for (const ordinal of this.groupRows.ordinals) this.store.addImages(ordinal, urls);
    }
  }

  /**
   * Net prices (`priceIncludesVat: false`) become shelf prices with the product's VAT rate;
   * without a rate the row is bad, since any price sent would be a guess.
   */
  private shelfPrice(item: StockItem): StockItem | undefined {
    if (this.priceIncludesVat) return item;
    const rate = this.options.vatRate?.(item) ?? item.vatRate;
    if (rate === undefined) {
      this.problems.push({
        severity: 'error',
        code: 'vat-unknown-net-price',
        message: 'the price is net (stock.priceIncludesVat: false) but the product has no VAT rate to add',
        file: this.options.file,
        line: item.line,
        ...(this.mapping?.price ? { column: this.mapping.price.header } : {}),
        sku: item.sku,
        value: (item.priceMinor / 100).toFixed(2),
        expected: 'a VAT column value, a vat.aliases code, a vat.categories entry or vat.default',
      });
      return undefined;
    }
    item.priceMinor = shelfPriceFromNet(item.priceMinor, rate);
    if (item.regularPriceMinor !== undefined) item.regularPriceMinor = shelfPriceFromNet(item.regularPriceMinor, rate);
    return item;
  }

  /** Skips that ended before `beforeLine` started after the last record seen. */
  private resolveSkips(beforeLine: number): void {
    while (this.skips.length > 0 && (this.skips[0] as Skip).endLine < beforeLine) this.resolveSkip(this.skips.shift() as Skip);
  }

  private resolveSkip(skip: Skip): void {
    const line = this.lastEnd + 1;
    const span = Math.max(1, skip.endLine - this.lastEnd);
    this.rows += span;
    this.swallowedLines += span - 1;
    this.lastEnd = Math.max(this.lastEnd, skip.endLine);
    this.problems.push({
      severity: 'error',
      code: 'csv-malformed',
      message: `lines ${line}–${skip.endLine} cannot be read as a CSV record (${skip.message}); each of them counts as a bad row`,
      file: this.options.file,
      line,
      value: `lines ${line}–${skip.endLine}`,
      expected: 'values quoted with " only around a whole value, each opened quote closed',
    });
  }

  /** Everything read: duplicates removed, problems in file order, counts. */
  finish(): SinkResult {
    const { file } = this.options;
    if (this.header === undefined) {
      if (this.headerFailure) throw this.headerFailure;
      const message = `the stock file ${file} is empty`;
      throw new StockFileError(message, [{ severity: 'error', code: 'stock-file-empty', message, file, expected: 'a header row and product rows' }]);
    }
    if (this.decimal === undefined) this.decideDecimal();
    for (const grouped of this.grouper?.finish() ?? []) this.settle(grouped);
    for (const skip of this.skips.splice(0)) this.resolveSkip(skip);
    this.store.finish();
    const duplicated = this.duplicateRows();
    const duplicates = findDuplicateSkus(duplicated.sightings);
    this.store.drop(duplicated.ordinals);
    const skuHeader = this.mapping?.sku?.header ?? this.options.columns.sku;
    const problems = sortProblems([...this.problems, ...duplicateProblems(duplicates, skuHeader, file)]);
    const badRows = badLines(problems).size + this.swallowedLines;
    return {
      rows: this.store,
      problems,
      stats: {
        rows: this.rows,
        goodRows: this.store.count,
        badRows,
        decimal: this.decimal ?? '.',
        headers: headerNames(this.header),
        ignoredRows: this.ignoredRows,
        skipped: { ...this.skippedRows },
        variants: this.variants,
        negativeOutlets: this.negativeOutlets,
        priceIncludesVat: this.priceIncludesVat,
      },
    };
  }

  /**
   * Every row of a SKU seen more than once, good or bad, in file order, and the good ones'
   * ordinals. Good rows are compared only where their SKUs' hashes meet; a bad row's SKU is
   * looked up among the good rows and the other bad rows.
   */
  private duplicateRows(): { sightings: SkuSighting[]; ordinals: number[] } {
    const bySku = new Map<string, { lines: number[]; ordinals: number[] }>();
    const note = (sku: string, line: number, ordinal?: number) => {
      let rows = bySku.get(sku);
      if (!rows) {
        rows = { lines: [], ordinals: [] };
        bySku.set(sku, rows);
      }
      rows.lines.push(line);
      if (ordinal !== undefined) rows.ordinals.push(ordinal);
    };
    for (const ordinal of this.store.maybeDuplicated()) {
      const item = this.store.itemAt(ordinal) as StockItem;
      note(item.sku, item.line, ordinal);
    }
    for (const { sku, line } of this.badSightings) {
      if (!bySku.has(sku)) {
        const ordinal = this.store.ordinalOf(sku);
        if (ordinal !== -1) note(sku, (this.store.itemAt(ordinal) as StockItem).line, ordinal);
      }
      note(sku, line);
    }
    const sightings: SkuSighting[] = [];
    const ordinals: number[] = [];
    for (const [sku, rows] of bySku) {
      if (rows.lines.length < 2) continue;
      for (const line of rows.lines) sightings.push({ sku, line });
      ordinals.push(...rows.ordinals);
    }
    return { sightings: sightings.sort((a, b) => a.line - b.line), ordinals };
  }
}
