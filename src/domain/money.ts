/**
 * Money is always an integer number of minor units (cents for EUR). Floats never carry an
 * amount: they appear only at the edge, where a marketplace wants a JSON number or a string.
 */
export type Minor = number;

const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal string as marketplaces send it ("24.90", "-3.5", "12") into minor
 * units, rounding half away from zero past the currency's digits. Returns undefined when the
 * text is not such a number.
 */
export function decimalToMinor(text: string, digits = 2): Minor | undefined {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, sign, whole = '0', frac = ''] = m;
  const padded = (frac + '0'.repeat(digits + 1)).slice(0, digits + 1);
  let units = Number(whole) * 10 ** digits + Number(padded.slice(0, digits) || '0');
  if (Number(padded.slice(digits)) >= 5) units += 1;
  if (!Number.isSafeInteger(units)) return undefined;
  return sign ? -units : units;
}

/** Minor units as a plain decimal string with the currency's digits: 2490 → "24.90". */
export function minorToDecimal(amount: Minor, digits = 2): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** Minor units as a JSON number for APIs that want one (Amazon's `value_with_tax`). Exact for 2 digits. */
export function minorToNumber(amount: Minor, digits = 2): number {
  return Number(minorToDecimal(amount, digits));
}

/** A share of an amount, rounded half up to whole minor units (fees, VAT, markups). */
export function percentOf(amount: Minor, rate: number): Minor {
  return Math.round(amount * rate);
}

/**
 * Known from the start: the currencies of the stores civetta sells in (both channels'
 * marketplaces.ts), with ICU's digits (test/domain/money.test.ts compares). A process's first
 * Intl.NumberFormat loads ICU's locale data, 40–140 ms here, and a cold price push paid it
 * before its first patch went out.
 */
const digitsByCurrency = new Map<string, number>([['EUR', 2], ['GBP', 2], ['USD', 2], ['PLN', 2], ['SEK', 2]]);

/**
 * Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0), as the ICU data Node ships says; 2
 * when unknown. Remembered per currency: building an Intl.NumberFormat costs more than mapping
 * a whole order, and a pull asks once per amount.
 */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
