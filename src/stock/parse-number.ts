/**
 * Numbers as shops' tills and spreadsheets write them: a decimal comma or point, thousands
 * separators (`1.234,50`, `1,234.50`, `1 234,50`, `1'234.50`), a euro sign around. Pure.
 * Money becomes integer minor units (src/domain/money.ts); nothing here uses floats for money.
 */
import type { Minor } from '../domain/money.js';

/** The decimal mark of a file's numbers. */
export type DecimalMark = '.' | ',';

/** A parsed value, or why the text is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: 'invalid' | 'negative' | 'not-integer' };

interface DecimalParts {
  negative: boolean;
  whole: string;
  fraction: string;
}

const GROUP_SEPARATORS = " \u00a0\u202f'";

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

const PATTERNS = new Map<DecimalMark, RegExp>();
function patternFor(decimal: DecimalMark): RegExp {
  let re = PATTERNS.get(decimal);
  if (!re) {
    const group = escapeClass((decimal === ',' ? '.' : ',') + GROUP_SEPARATORS);
    const mark = decimal === ',' ? ',' : '\\.';
    // Whole part: plain digits, or 1–3 digits then groups of exactly 3 with one separator
    // used throughout (the back-reference), so "12,,5" and "1.23.4" never pass.
    re = new RegExp(`^([-+])?(\\d{1,3}([${group}])\\d{3}(?:\\3\\d{3})*|\\d*)(?:${mark}(\\d*))?$`, 'u');
    PATTERNS.set(decimal, re);
  }
  return re;
}

/**
 * How most cells are written (`12,50`, `3`): read without the general pattern, a few times
 * faster (four numbers a row). Anything else takes the general way.
 */
const PLAIN_AMOUNT: Record<DecimalMark, RegExp> = { '.': /^(\d{1,13})(?:\.(\d*))?$/, ',': /^(\d{1,13})(?:,(\d*))?$/ };
const PLAIN_WHOLE = /^\d{1,15}$/;

/** Splits a number's text into sign, whole and fraction digits; undefined if it is not a number. */
export function decimalParts(text: string, decimal: DecimalMark): DecimalParts | undefined {
  let t = text.trim();
  let negative = false;
  // Most cells have no currency at all: a quick look spares the replacements (four numbers a row).
  if (/[€e]/i.test(t)) {
    t = t.replace(/^(?:€|EUR)\s*/iu, '').replace(/\s*(?:€|EUR)$/iu, '');
    // A minus after the euro sign ("€ -3,00") or before it ("-€ 3,00") both mean negative.
    if (t.startsWith('-') && /^-\s*(?:€|EUR)/iu.test(t)) {
      negative = true;
      t = t.replace(/^-\s*(?:€|EUR)\s*/iu, '');
    }
  }
  const m = patternFor(decimal).exec(t);
  if (!m) return undefined;
  const whole = (m[2] ?? '').replace(/\D/g, '');
  const fraction = m[4] ?? '';
  if (whole === '' && fraction === '') return undefined;
  return { negative: negative || m[1] === '-', whole: whole || '0', fraction };
}

/**
 * Parses an amount into minor units, rounding half away from zero past `digits` (some ERPs
 * write costs with four decimals). Negative amounts are parsed; the caller decides.
 */
export function parseMinor(text: string, decimal: DecimalMark, digits = 2): Parsed<Minor> {
  const plain = PLAIN_AMOUNT[decimal].exec(text);
  if (plain && (plain[2] ?? '').length <= digits) {
    // Digits and at most `digits` decimals: nothing to round; a sum past 2^53 is refused below as before.
    const value = Number(plain[1]) * 10 ** digits + Number((plain[2] ?? '').padEnd(digits, '0'));
    if (Number.isSafeInteger(value)) return { ok: true, value };
  }
  const parts = decimalParts(text, decimal);
  if (!parts) return { ok: false, reason: 'invalid' };
  const padded = (parts.fraction + '0'.repeat(digits + 1)).slice(0, digits + 1);
  let units = Number(parts.whole + padded.slice(0, digits));
  if (Number(padded.slice(digits)) >= 5) units += 1;
  if (!Number.isSafeInteger(units)) return { ok: false, reason: 'invalid' };
  return { ok: true, value: parts.negative && units !== 0 ? -units : units };
}

/** Parses a stock quantity: a whole number ≥ 0 ("3", "3,00" and "1.200" with a decimal comma). */
export function parseQuantity(text: string, decimal: DecimalMark): Parsed<number> {
  if (PLAIN_WHOLE.test(text)) return { ok: true, value: Number(text) };
  const parts = decimalParts(text, decimal);
  if (!parts) return { ok: false, reason: 'invalid' };
  const value = Number(parts.whole);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'invalid' };
  if (parts.negative && (value !== 0 || /[1-9]/.test(parts.fraction))) return { ok: false, reason: 'negative' };
  if (/[1-9]/.test(parts.fraction)) return { ok: false, reason: 'not-integer' };
  return { ok: true, value };
}

/**
 * Highest VAT rate in force in the EU (Hungary's 27% standard rate; Directive 2006/112/EC
 * sets only the 15% minimum). A larger rate in the file is a typo.
 */
const MAX_VAT_RATE = 0.27;

/**
 * A VAT rate as a fraction: `22`, `22%` and `0,22` are all 0.22; `4` is 0.04. A value ≥ 1 or
 * with a `%` is a percentage, a value below 1 a fraction (no EU rate is 1% or lower except 0).
 */
export function parseVatRate(text: string, decimal: DecimalMark): Parsed<number> {
  const t = text.trim();
  const percent = t.endsWith('%');
  const parts = decimalParts(percent ? t.slice(0, -1) : t, decimal);
  if (!parts) return { ok: false, reason: 'invalid' };
  if (parts.negative) return { ok: false, reason: 'negative' };
  const value = Number(`${parts.whole}.${parts.fraction || '0'}`);
  const rate = percent || value >= 1 ? value / 100 : value;
  const rounded = Math.round(rate * 1e6) / 1e6;
  if (!Number.isFinite(rounded) || rounded > MAX_VAT_RATE) return { ok: false, reason: 'invalid' };
  return { ok: true, value: rounded };
}

/** Formats minor units the way a file with this decimal mark writes them (`1.234,50`). */
export function formatMinor(
  amount: Minor,
  decimal: DecimalMark,
  options: { thousands?: string; digits?: number } = {},
): string {
  const digits = options.digits ?? 2;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const unit = 10 ** digits;
  let whole = String(Math.floor(abs / unit));
  if (options.thousands) whole = whole.replace(/\B(?=(\d{3})+$)/g, options.thousands);
  if (digits === 0) return `${sign}${whole}`;
  return `${sign}${whole}${decimal}${String(abs % unit).padStart(digits, '0')}`;
}

/** How an amount is expected to look, for messages. */
export function expectedAmount(decimal: DecimalMark): string {
  return decimal === ',' ? 'an amount like 12,50 or 1.234,50' : 'an amount like 12.50 or 1,234.50';
}
