/**
 * Turns one record of the stock file into a StockItem, or into the problems that make it a
 * bad row (each with line, column as written, value and what was expected). Pure.
 */
import type { Problem } from '../domain/problem.js';
import type { LongFields, SafetyInfo, StockField, StockItem } from '../domain/stock-item.js';
import { imageFacts } from '../domain/stock-item.js';
import { checkEan } from './ean.js';
import type { ColumnMapping, MappedColumn } from './map-columns.js';
import { parseImages, vatFromCell } from './parse-fields.js';
import type { DecimalMark, Parsed } from './parse-number.js';
import { expectedAmount, parseMinor, parseQuantity } from './parse-number.js';
import { parseDay, saleRuns } from './price-basis.js';
import { foldWord } from '../config/fold-word.js';

/** Where the record is and how its numbers are written. */
export interface RowContext {
  file?: string;
  /** Physical line where the record starts. */
  line: number;
  decimal: DecimalMark;
  /** Columns in the header, without the empty ones of a trailing delimiter. */
  headerWidth: number;
  /** `vat.aliases` with folded keys: a code in the VAT column → rate. */
  vatAliases?: ReadonlyMap<string, number>;
  /** The shop's today (YYYY-MM-DD), for sale dates. */
  today?: string;
  /** stock.imageBaseUrl: where the file's image paths are. */
  imageBaseUrl?: string;
  /**
   * VAT cells already read, by text (a file repeats a few rates on every row): each is parsed
   * once, and its items share one number instead of a heap number each.
   */
  vatRates?: Map<string, number | undefined>;
}

/** Distinct VAT cells remembered (our bound: a file has a handful of rates and codes). */
const VAT_CELLS_KEPT = 1000;

/** `vat.aliases` keyed the way a VAT cell is looked up (case, accents and spaces ignored). */
export function foldAliases(aliases: Readonly<Record<string, number>>): Map<string, number> {
  return new Map(Object.entries(aliases).map(([k, v]) => [foldWord(k), v]));
}

/** A good row's item and long fields (when no error was found) and every problem of the row. */
export interface ParsedRow {
  item?: StockItem;
  long?: LongFields;
  /** The trimmed SKU when the row has one, good or bad (for the duplicate check). */
  sku?: string;
  problems: Problem[];
}

/** True when none of the fields a product needs has a value: not a product row (a Shopify image row). */
export function isProductless(record: readonly string[], mapping: ColumnMapping): boolean {
  const required: StockField[] = ['sku', 'title', 'price', 'quantity'];
  return required.every((f) => {
    const col = mapping[f];
    return col === undefined || (record[col.index] ?? '').trim() === '';
  });
}

/** Parses one record. */
export function parseRow(record: readonly string[], mapping: ColumnMapping, ctx: RowContext): ParsedRow {
  const problems: Problem[] = [];
  const cell = (field: StockField): string | undefined => {
    const col = mapping[field];
    if (col === undefined) return undefined;
    const value = (record[col.index] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const report: Report = (severity, code, field, message, value, expected) => {
    const column = field === undefined ? undefined : mapping[field]?.header;
    problems.push({
      severity,
      code,
      message,
      ...(ctx.file === undefined ? {} : { file: ctx.file }),
      line: ctx.line,
      ...(column === undefined ? {} : { column }),
      ...(sku === undefined ? {} : { sku }),
      ...(value === undefined ? {} : { value }),
      expected,
    });
  };

  const sku = cell('sku');
  if (sku === undefined) report('error', 'missing-sku', 'sku', 'the row has no SKU', '', 'a product code');
  else if (/^\.+$/.test(sku) || sku.includes('/')) {
    // Both marketplaces put the SKU in the request path (…/items/{sku}): "..", "." or "a/b" would
    // address another resource than the product's listing (`DELETE …/items/..`).
    report('error', 'sku-unsafe', 'sku', 'the SKU cannot be used in a marketplace address (only dots, or a "/")', sku, 'a product code without "/" that is not only dots');
  }
  const extra = extraValues(record, ctx.headerWidth);
  if (extra.length > 0) {
    report(
      'error',
      'field-count',
      undefined,
      `the row has ${ctx.headerWidth + extra.length} or more values but the header has ${ctx.headerWidth} columns; values may be shifted (an unquoted delimiter inside a value?)`,
      extra.join(' | '),
      `at most ${ctx.headerWidth} values`,
    );
  }

  const rawTitle = cell('title');
  // Tested before replacing: most titles have single spaces only, and a copy of each would be kept instead.
  const title = rawTitle !== undefined && /[^\S ]| {2}/.test(rawTitle) ? rawTitle.replace(/\s+/g, ' ') : rawTitle;
  if (title === undefined) report('error', 'missing-title', 'title', 'the row has no title', '', 'a product title');

  const amount = (field: 'price' | 'cost' | 'salePrice', required: boolean): number | undefined => {
    const text = cell(field);
    if (text === undefined) {
      if (required) report('error', `${field}-missing`, field, `the ${field} is empty`, '', expectedAmount(ctx.decimal));
      return undefined;
    }
    const parsed: Parsed<number> = parseMinor(text, ctx.decimal);
    if (!parsed.ok) {
      report('error', `${field}-invalid`, field, `the ${field} is not an amount`, text, expectedAmount(ctx.decimal));
      return undefined;
    }
    if (parsed.value < 0) {
      report('error', `${field}-negative`, field, `the ${field} is negative`, text, 'an amount of 0 or more');
      return undefined;
    }
    return parsed.value;
  };
  const priceMinor = amount('price', true);
  const costMinor = amount('cost', false);

  const quantity = mapping.quantities ? summedQuantity(record, mapping.quantities, ctx, report) : oneQuantity(cell('quantity'), ctx, report);
  const sale = salePrice(amount('salePrice', false), priceMinor, cell, ctx, report);

  const eanText = cell('ean');
  let ean: string | undefined;
  if (eanText !== undefined) {
    const checked = checkEan(eanText);
    if (checked.ok) ean = checked.ean;
    else {
      const what = checked.code === 'ean-check-digit' ? 'has a wrong check digit' : 'is not a GTIN';
      report('error', checked.code, 'ean', `the EAN ${what}`, eanText, checked.expected);
    }
  }

  const images: string[] = [];
  const imageText = cell('image');
  if (imageText !== undefined) {
    const parsed = parseImages(imageText, ctx.imageBaseUrl);
    images.push(...parsed.urls);
    for (const path of parsed.paths) {
      report('warning', 'image-path', 'image', "an image is a path on the shop's server, not a URL: ignored until stock.imageBaseUrl says where it is", path, 'stock.imageBaseUrl set to the URL the paths are under');
    }
    for (const bad of parsed.rejected) {
      report('warning', 'image-not-url', 'image', 'an image is not an http(s) URL and is ignored', bad, 'https://… URLs separated by | or ,');
    }
  }

  const vatText = cell('vat');
  let vatRate: number | undefined;
  if (vatText !== undefined) {
    vatRate = vatOfCell(vatText, ctx);
    if (vatRate === undefined) {
      report('warning', 'vat-invalid', 'vat', 'the VAT rate is not usable; the config rate applies', vatText, 'a rate like 22, 22%, 0,22 or 4 (at most 27%), or a code of vat.aliases');
    }
  }

  const description = cell('description');
  const undecoded = (field: 'title' | 'description', text: string | undefined) => {
    if (text?.includes('\ufffd')) {
      report('warning', 'bad-character', field, 'the text holds characters that could not be decoded', text, 'text in the encoding of `stock.encoding` (set it if letters look wrong)');
    }
  };
  undecoded('title', title);
  undecoded('description', description);

  if (problems.some((p) => p.severity === 'error') || sku === undefined || title === undefined || priceMinor === undefined || quantity === undefined) {
    return { ...(sku === undefined ? {} : { sku }), problems };
  }
  const manufacturer = cell('manufacturer');
  const responsiblePerson = cell('responsiblePerson');
  const warnings = cell('safetyWarnings');
  let safety = NO_SAFETY;
  if (manufacturer !== undefined || responsiblePerson !== undefined || warnings !== undefined) {
    safety = {
      ...(manufacturer === undefined ? {} : { manufacturerId: manufacturer }),
      ...(responsiblePerson === undefined ? {} : { responsiblePersonId: responsiblePerson }),
      ...(warnings === undefined ? {} : { warnings }),
    };
  }
  // Every key written at once, even when undefined: V8 keeps the fields of a literal inside the
  // object, while keys added later cost a second allocation per row (the reader keeps one item a row).
  const facts = imageFacts(images);
  const item: StockItem = {
    sku,
    line: ctx.line,
    ean,
    title,
    brand: cell('brand'),
    category: cell('category'),
    priceMinor: small(sale ?? priceMinor),
    regularPriceMinor: sale === undefined ? undefined : small(priceMinor),
    costMinor: costMinor === undefined ? undefined : small(costMinor),
    quantity: small(quantity),
    imageCount: facts.imageCount,
    httpsImage: facts.httpsImage,
    vatRate,
    safety,
  };
  return { item, long: description === undefined ? { images } : { images, description }, sku, problems };
}

/** The values past the header's width that hold something (none on a well-formed row: no list is made). */
function extraValues(record: readonly string[], headerWidth: number): string[] {
  let extra: string[] | undefined;
  for (let i = headerWidth; i < record.length; i++) {
    const value = record[i] as string;
    if (value.trim() === '') continue;
    extra ??= [];
    extra.push(value);
  }
  return extra ?? NO_VALUES;
}

const NO_VALUES: string[] = [];

/** A VAT cell's rate: a code of `vat.aliases`, or a rate as written; remembered per text. */
function vatOfCell(text: string, ctx: RowContext): number | undefined {
  const known = ctx.vatRates?.get(text);
  if (known !== undefined || ctx.vatRates?.has(text)) return known;
  const rate = (ctx.vatAliases && ctx.vatAliases.size > 0 ? ctx.vatAliases.get(foldWord(text)) : undefined) ?? vatFromCell(text, ctx.decimal);
  if (ctx.vatRates && ctx.vatRates.size < VAT_CELLS_KEPT) ctx.vatRates.set(text, rate);
  return rate;
}

/** The item of a row without safety columns: one shared object, never written to (resolveSafety builds a new one). */
export const NO_SAFETY: SafetyInfo = Object.freeze({});

/**
 * A whole number the way V8 keeps it unboxed (a small integer): a number parsed from text is a
 * double, and a double in an object's field costs a boxed heap number per row.
 */
function small(n: number): number {
  return Math.abs(n) < 0x40000000 ? n | 0 : n;
}

/** Adds a problem of the row, located at its line and the field's column. */
type Report = (
  severity: Problem['severity'],
  code: string,
  field: StockField | undefined,
  message: string,
  value: string | undefined,
  expected: string,
) => void;

const WHAT_QUANTITY = { invalid: 'not a number', negative: 'negative', 'not-integer': 'not a whole number' } as const;

function oneQuantity(text: string | undefined, ctx: RowContext, report: Report): number | undefined {
  if (text === undefined) {
    report('error', 'quantity-missing', 'quantity', 'the quantity is empty', '', 'a whole number of 0 or more');
    return undefined;
  }
  const parsed = parseQuantity(text, ctx.decimal);
  if (parsed.ok) return parsed.value;
  report('error', `quantity-${parsed.reason}`, 'quantity', `the quantity is ${WHAT_QUANTITY[parsed.reason]}`, text, 'a whole number of 0 or more');
  return undefined;
}

/**
 * The sum of several outlets' columns. An empty cell is 0 (an outlet that does not stock the
 * product); a negative one (sold before it was received) counts 0 and is reported, so one
 * outlet's backlog never hides another's stock.
 */
function summedQuantity(record: readonly string[], columns: readonly MappedColumn[], ctx: RowContext, report: Report): number | undefined {
  let total = 0;
  let ok = true;
  let seen = false;
  for (const col of columns) {
    const text = (record[col.index] ?? '').trim();
    if (text === '') continue;
    seen = true;
    const negative = /^-/.test(text) ? parseQuantity(text.slice(1), ctx.decimal) : undefined;
    if (negative?.ok) {
      if (negative.value > 0) {
        report('warning', 'quantity-negative-outlet', 'quantity', `the stock in "${col.header}" is negative and counts as 0`, text, 'a whole number of 0 or more');
      }
      continue;
    }
    const parsed = parseQuantity(text, ctx.decimal);
    if (parsed.ok) total += parsed.value;
    else {
      ok = false;
      report('error', `quantity-${parsed.reason}`, 'quantity', `the quantity in "${col.header}" is ${WHAT_QUANTITY[parsed.reason]}`, text, 'a whole number of 0 or more');
    }
  }
  if (!seen) {
    report('error', 'quantity-missing', 'quantity', `the quantity is empty in every column (${columns.map((c) => c.header).join(', ')})`, '', 'a whole number of 0 or more');
    return undefined;
  }
  return ok ? total : undefined;
}

/** The sale price when one is set, lower than the price, and its dates run today. */
function salePrice(
  sale: number | undefined,
  price: number | undefined,
  cell: (field: StockField) => string | undefined,
  ctx: RowContext,
  report: Report,
): number | undefined {
  if (sale === undefined || price === undefined || sale <= 0 || sale >= price) return undefined;
  const day = (field: 'saleFrom' | 'saleTo'): string | undefined | null => {
    const text = cell(field);
    if (text === undefined) return undefined;
    const parsed = parseDay(text);
    if (parsed === undefined) report('warning', 'sale-date-invalid', field, 'the sale date is not a date; the regular price applies', text, 'a day like 2026-12-01 or 01/12/2026');
    return parsed ?? null;
  };
  const from = day('saleFrom');
  const to = day('saleTo');
  if (from === null || to === null) return undefined;
  if (ctx.today === undefined) return from === undefined && to === undefined ? sale : undefined;
  return saleRuns(ctx.today, from, to) ? sale : undefined;
}

/*
 * V8 keeps an object field that has only ever held fractions as a number box of its own in
 * every object: 16 B a row for `vatRate`, a million boxes of 0.22 in a file of a million rows.
 * Once the field has held `undefined` it is a plain reference instead, and the items of one rate
 * share the number its cell was read as (RowContext.vatRates). So the first item this module
 * makes has no rate: this one, thrown away.
 */
parseRow(['-', '-', '0', '0'], { sku: { index: 0, header: '' }, title: { index: 1, header: '' }, price: { index: 2, header: '' }, quantity: { index: 3, header: '' } }, { line: 0, decimal: '.', headerWidth: 4 });
