/**
 * The stock-file reader (the shell): sniffs encoding and dialect from the first bytes, then
 * streams the file through iconv-lite and csv-parse, record by record, into a private scratch
 * database (RowStore), so a file of any length is read in flat memory. Decisions live in the
 * pure modules.
 */
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { CsvError } from 'csv-parse';
import type { Problem } from '../domain/problem.js';
import type { StockRows } from '../domain/stock-item.js';
import type { Delimiter, QuoteMode } from './detect-dialect.js';
import { detectDelimiter, sepHint } from './detect-dialect.js';
import type { TextEncoding } from './detect-encoding.js';
import { detectEncoding } from './detect-encoding.js';
import type { ColumnsOption } from './map-columns.js';
import { cutDownloadProblem, endsWithLineBreak, type LastRecord } from './cut-download.js';
import type { SinkOptions, SkippedRows } from './record-sink.js';
import { RecordSink } from './record-sink.js';
import { StockFileError } from './stock-file-error.js';
import { exceedsBadRowThreshold } from './stock-report.js';
import { LinedParser } from './lined-parser.js';
import { decodeSample, decodedStreams, readSample, sniffEncoding, type Sample } from './text-source.js';

/** What the config's `stock` section says about the file. */
export interface StockReadOptions {
  /** Absolute path of the stock file. */
  file: string;
  /** `auto` sniffs (see detect-encoding.ts); `latin1` is read as Windows-1252, its superset. */
  encoding: 'auto' | 'utf-8' | 'windows-1252' | 'latin1' | 'utf-16le' | 'utf-16be';
  delimiter: 'auto' | ',' | ';' | '\t';
  /** `auto` decides from the price and cost values of the first rows. */
  decimal: 'auto' | '.' | ',';
  /** `auto` reads quoted values and tolerates a bare `"` inside a value (`Monitor 15"`). */
  quote: 'auto' | '"' | 'none';
  /** Canonical field → header in the file, matched forgivingly. */
  columns: ColumnsOption;
  /** Refuse the file when more than this share of its rows are bad. */
  maxBadRowsPercent: number;
  /** The `stock.format` applied, named in the result (the preset is already merged into these options). */
  format?: string;
  /** The format's header aliases, row layout, the filter, price basis and today (see SinkOptions). */
  aliases?: SinkOptions['aliases'];
  layout?: SinkOptions['layout'];
  filter?: SinkOptions['filter'];
  priceIncludesVat?: boolean;
  grossPriceHeader?: SinkOptions['grossPriceHeader'];
  vatRate?: SinkOptions['vatRate'];
  vatAliases?: SinkOptions['vatAliases'];
  today?: string;
  imageBaseUrl?: string;
}

/** What the file held. */
export interface StockReadResult extends StockRows {
  /** Every bad row and warning, in file order, with file, line, column, value and expectation. */
  problems: Problem[];
  stats: {
    /** Product rows read (good + bad); blank lines and rows without any product field not counted. */
    rows: number;
    goodRows: number;
    badRows: number;
    encoding: string;
    /** A byte-order mark started the file. */
    bom: boolean;
    delimiter: string;
    decimal: string;
    /** The header names as written, without empty trailing ones. */
    headers: string[];
    /** Rows that carried none of SKU, title, price, quantity (a Shopify extra-image row: its images join the product above). */
    ignoredRows: number;
    /** The stock.format applied. */
    format: string;
    /** Whether prices were read as VAT-included (false: VAT added per product). */
    priceIncludesVat: boolean;
    /** Rows that are not products (parents, continuations, image rows) and rows the filter left out. */
    skipped: SkippedRows;
    /** Products read as variants of a parent. */
    variants: number;
    /** Outlet cells with negative stock, counted as 0. */
    negativeOutlets: number;
  };
}

function fileProblem(file: string, code: string, message: string, expected: string, value?: string): Problem {
  return { severity: 'error', code, message, file, ...(value === undefined ? {} : { value }), expected };
}

async function checkReadable(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    const code = missing ? 'stock-file-missing' : 'stock-file-unreadable';
    const message = missing ? `the stock file ${file} does not exist` : `the stock file ${file} cannot be read`;
    throw new StockFileError(message, [fileProblem(file, code, message, 'a readable CSV file (config stock.file)', file)]);
  }
}

/** The configured encoding; a BOM of that encoding is still noticed (iconv-lite drops it). */
function forcedEncoding(encoding: Exclude<StockReadOptions['encoding'], 'auto'>, bytes: Buffer): { encoding: TextEncoding; bom: boolean } {
  const used: TextEncoding = encoding === 'latin1' ? 'windows-1252' : encoding;
  const guess = detectEncoding(bytes);
  return { encoding: used, bom: guess.bom && guess.encoding === used };
}

/** The longest record read (characters): far above a real product row with an HTML description. */
export const MAX_RECORD_CHARS = 1_000_000;

/** True for the errors csv-parse raises about its input (not about our code). */
function isCsvError(e: unknown): e is CsvError {
  const code: unknown = (e as { code?: unknown } | undefined)?.code;
  return e instanceof Error && typeof code === 'string' && /^(CSV_|INVALID_)/.test(code);
}

/** A failure of the file system while streaming (EIO, EACCES…), not of our code. */
function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** Reads, checks and maps the stock file. Throws StockFileError (exit 2) when it must be refused. */
export async function readStock(options: StockReadOptions): Promise<StockReadResult> {
  const { file } = options;
  await checkReadable(file);
  let sample: Sample;
  let sniffed: { encoding: TextEncoding; bom: boolean };
  try {
    sample = await readSample(file);
    sniffed =
      options.encoding === 'auto'
        ? await sniffEncoding(file, sample)
        : forcedEncoding(options.encoding, sample.bytes);
  } catch (e) {
    const message = `the stock file ${file} cannot be read: ${(e as Error).message}`;
    throw new StockFileError(message, [fileProblem(file, 'stock-file-unreadable', message, 'a readable CSV file')]);
  }
  const quote: QuoteMode = options.quote === 'auto' ? 'relaxed' : options.quote;
  let text = decodeSample(sample.bytes, sniffed.encoding);
  const hint = sepHint(text);
  if (hint) text = text.slice(text.indexOf('\n') + 1);
  const delimiter: Delimiter = options.delimiter !== 'auto' ? options.delimiter : (hint ?? detectDelimiter(text, quote, sample.complete));

  const optional = <K extends keyof SinkOptions>(key: K, value: SinkOptions[K] | undefined) => (value === undefined ? {} : { [key]: value });
  const sink = new RecordSink({
    file,
    columns: options.columns,
    decimal: options.decimal,
    delimiter,
    ...optional('aliases', options.aliases),
    ...optional('layout', options.layout),
    ...optional('filter', options.filter),
    ...optional('priceIncludesVat', options.priceIncludesVat),
    ...optional('grossPriceHeader', options.grossPriceHeader),
    ...optional('vatRate', options.vatRate),
    ...optional('vatAliases', options.vatAliases),
    ...optional('today', options.today),
    ...optional('imageBaseUrl', options.imageBaseUrl),
  });
  // The header's width and the last record, for telling a cut download (cut-download.ts).
  let headerFields = 0;
  let last: LastRecord | undefined;
  const parser = new LinedParser(
    {
      delimiter,
      record_delimiter: '\n',
      from_line: hint ? 2 : 1,
      quote: quote === 'none' ? false : '"',
      relax_quotes: quote !== '"',
      relax_column_count: true,
      // A quote that never closes would otherwise gather the rest of the file into one record.
      max_record_size: MAX_RECORD_CHARS,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        // CsvError carries the line it stopped at as an untyped property.
        const line = Number((err as unknown as { lines?: unknown } | undefined)?.lines) || 0;
        last = { line };
        if (err) sink.skipped(line, err.message);
        return undefined;
      },
    },
    (record, endLine) => {
      if (headerFields === 0) headerFields = record.length;
      else last = { line: endLine, fields: record.length };
      sink.record(record, endLine);
    },
  );
  // Records reach the sink as they are parsed (LinedParser): the parser's readable side only ends.
  parser.resume();
  try {
    await pipeline(...decodedStreams(file, sniffed.encoding), parser);
    const cut = cutDownloadProblem({ file, headerFields, ...(last ? { last } : {}), endsWithLineBreak: await endsWithLineBreak(file, sniffed.encoding) });
    if (cut) throw new StockFileError(cut.message, [cut]);
  } catch (e) {
    if (e instanceof StockFileError) throw e;
    if (isSystemError(e)) {
      const message = `the stock file ${file} cannot be read: ${e.message}`;
      throw new StockFileError(message, [fileProblem(file, 'stock-file-unreadable', message, 'a readable CSV file')]);
    }
    if (!isCsvError(e)) throw e;
    const message = `the stock file ${file} is not readable as CSV: ${e.message}`;
    throw new StockFileError(message, [fileProblem(file, 'csv-malformed', message, 'a CSV file')]);
  }
  const result = sink.finish();
  const encodingName = options.encoding === 'latin1' ? 'latin1' : sniffed.encoding;
  const stats = {
    ...result.stats,
    encoding: encodingName,
    bom: sniffed.bom,
    delimiter,
    format: options.format ?? 'generic',
  };
  if (exceedsBadRowThreshold(stats.rows, stats.badRows, options.maxBadRowsPercent)) {
    const percent = Math.round((stats.badRows * 1000) / stats.rows) / 10;
    const message = `${stats.badRows} of ${stats.rows} rows (${percent}%) of ${file} are bad, more than stock.maxBadRowsPercent (${options.maxBadRowsPercent}%): the file is refused`;
    const problem: Problem = {
      severity: 'error',
      code: 'bad-rows-threshold',
      message,
      file,
      key: 'stock.maxBadRowsPercent',
      value: `${percent}%`,
      expected: `at most ${options.maxBadRowsPercent}% bad rows`,
    };
    throw new StockFileError(message, [problem, ...result.problems]);
  }
  const { rows } = result;
  return { count: rows.count, items: () => rows.items(), item: (sku) => rows.item(sku), longFields: (item) => rows.longFields(item), problems: result.problems, stats };
}
