/**
 * Infers a stock file's delimiter from a sample of its text, and its decimal mark from the
 * values of its price (and cost) column. Pure.
 */
import type { DecimalMark } from './parse-number.js';
import { decimalParts } from './parse-number.js';

/** Title lines a till may write above the header (our choice: they write one to three). */
export const PREAMBLE_LINES = 5;

/** A field delimiter civetta reads. */
export type Delimiter = ',' | ';' | '\t';
/** `'"'` strict quoting, `relaxed` quotes that also tolerate a bare `"` inside a value, `none`. */
export type QuoteMode = '"' | 'relaxed' | 'none';

const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

/**
 * How many records of the sample the delimiter vote looks at: our own choice, enough for the
 * vote to be stable on every fixture while keeping the sniff cheap (no external source).
 */
const SAMPLE_RECORDS = 100;

/**
 * Splits text (newlines already `\n`) into records the way csv-parse does with `relax_quotes`:
 * a quote opens a quoted value only at the start of a field; elsewhere it is a plain character.
 * Blank lines are skipped. Stops after `limit` records; a last record cut off mid-way is dropped
 * when `complete` is false.
 */
export function splitRecords(
  text: string,
  delimiter: string,
  quote: QuoteMode,
  limit = Infinity,
  complete = true,
): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  const n = text.length;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    field = '';
    atFieldStart = true;
  };
  while (i < n && records.length < limit) {
    const c = text[i] as string;
    if (atFieldStart && c === '"' && quote !== 'none') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        const d = text[j] as string;
        if (d === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += d;
        j++;
      }
      if (!closed) {
        if (!complete) return records;
        field = value;
        i = n;
        break;
      }
      field = value;
      i = j;
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (c === delimiter) {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n') {
      endRecord();
    } else {
      field += c;
    }
    i++;
  }
  if (records.length < limit && (field !== '' || record.length > 0) && complete) endRecord();
  return records;
}

/**
 * Excel's delimiter hint: a first line `sep=;` (Excel writes and honours it; it is not a header).
 * Returns the delimiter it names, when it is one civetta reads.
 */
export function sepHint(sample: string): Delimiter | undefined {
  const m = /^sep=(.)[ \t]*(?:\n|$)/i.exec(sample);
  const d = m?.[1];
  return d === ',' || d === ';' || d === '\t' ? d : undefined;
}

/** True when a row's field count agrees with the header's, allowing one trailing empty field. */
function sameWidth(header: readonly string[], row: readonly string[]): boolean {
  const h = header.length;
  const r = row.length;
  if (r === h) return true;
  if (r === h + 1) return row[r - 1] === '';
  if (r === h - 1) return header[h - 1] === '';
  return false;
}

/**
 * Picks the delimiter that splits the header into the most columns and the rows consistently
 * with it (score = header columns × share of rows agreeing × share of records from the header on). Quoted values are respected, so a
 * decimal comma inside `"12,50"` does not vote. Falls back to `;` then `,` on a tie, and to `,`
 * for a one-column sample.
 */
export function detectDelimiter(sample: string, quote: QuoteMode, complete = true): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const records = splitRecords(sample, d, quote, SAMPLE_RECORDS, complete);
    // The header is the first record this delimiter splits, past any title lines of a till.
    const at = records.slice(0, PREAMBLE_LINES + 1).findIndex((r) => r.length >= 2);
    const header = records[at];
    if (at < 0 || !header) continue;
    const rows = records.slice(at + 1);
    const agreeing = rows.filter((r) => sameWidth(header, r)).length;
    const share = rows.length === 0 ? 1 : agreeing / rows.length;
    // Records left above the header count against the delimiter, so title lines are tolerated
    // but one that fails to split the first line never wins by treating a data row as header.
    const coverage = (records.length - at) / records.length;
    const score = header.length * share * coverage;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Infers the decimal mark from amounts. The last `.` or `,` followed by one or two digits is a
 * decimal mark (a strong vote); one followed by exactly three digits is more likely a thousands
 * separator (a weak vote for the other mark). A value that parses with only one mark votes for it.
 * With no evidence: `,` for `;`-separated files (what Italian Excel writes), `.` otherwise.
 */
export function detectDecimal(values: readonly string[], delimiter: Delimiter): DecimalMark {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const v = raw.trim();
    const m = /([.,])(\d+)\s*(?:€|EUR)?$/iu.exec(v);
    if (!m) continue;
    const mark = m[1] as DecimalMark;
    const other: DecimalMark = mark === ',' ? '.' : ',';
    const digits = (m[2] ?? '').length;
    const parsesMark = decimalParts(v, mark) !== undefined;
    const parsesOther = decimalParts(v, other) !== undefined;
    if (parsesMark && !parsesOther) {
      if (mark === ',') comma += 10;
      else point += 10;
    } else if (parsesOther && !parsesMark) {
      if (other === ',') comma += 10;
      else point += 10;
    } else if (digits === 3) {
      if (other === ',') comma += 1;
      else point += 1;
    } else if (mark === ',') comma += 10;
    else point += 10;
  }
  if (comma > point) return ',';
  if (point > comma) return '.';
  return delimiter === ';' ? ',' : '.';
}
