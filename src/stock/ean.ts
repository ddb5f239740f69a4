/**
 * GTIN (EAN-8, UPC-A/GTIN-12, EAN-13/ISBN-13, GTIN-14) codes: normalising and the GS1
 * mod-10 check digit. Pure.
 */

/** The lengths GS1 defines for a GTIN (GS1 General Specifications, 3.3.2). */
const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/** The outcome of checking one code from the stock file. */
export type EanCheck =
  | { ok: true; ean: string }
  | { ok: false; code: 'ean-invalid' | 'ean-check-digit'; ean: string; expected: string };

/**
 * Strips what tills and spreadsheets put inside a code (spaces, non-breaking spaces, the
 * hyphens of a printed ISBN such as 978-88-04-12345-6). Leading zeros are kept: a GTIN is a
 * code, not a number.
 */
export function normaliseEan(text: string): string {
  return text.replace(/[\s\u00a0\u202f-]/g, '');
}

/**
 * The GS1 check digit for the digits before it: from the right, weights 3, 1, 3, 1…; the
 * check digit brings the weighted sum to a multiple of 10.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Normalises and checks one code. */
export function checkEan(text: string): EanCheck {
  const ean = normaliseEan(text);
  if (/^\d+(?:[.,]\d+)?E\+?\d+$/i.test(ean)) {
    return {
      ok: false,
      code: 'ean-invalid',
      ean,
      expected:
        '8, 12, 13 or 14 digits; a spreadsheet turned this code into a number (format the column as text)',
    };
  }
  if (!/^\d+$/.test(ean) || !GTIN_LENGTHS.includes(ean.length)) {
    return { ok: false, code: 'ean-invalid', ean, expected: '8, 12, 13 or 14 digits (GTIN)' };
  }
  const want = gtinCheckDigit(ean.slice(0, -1));
  if (Number(ean.slice(-1)) !== want) {
    return {
      ok: false,
      code: 'ean-check-digit',
      ean,
      expected: `check digit ${want} (${ean.slice(0, -1)}${want})`,
    };
  }
  return { ok: true, ean };
}
