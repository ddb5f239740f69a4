import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEan, gtinCheckDigit, normaliseEan } from '../../src/stock/ean.js';

/** Reference: GS1 mod-10 written the textbook way (odd positions from the left of a 13-digit code ×1, even ×3). */
function referenceCheckDigit(body: string): number {
  const padded = body.padStart(17, '0'); // GTIN-18 frame: weights 3,1,3,… from the left of 17 digits
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(padded[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

describe('ean', () => {
  it('accepts real codes of every GTIN length', () => {
    expect(checkEan('9788804668237')).toEqual({ ok: true, ean: '9788804668237' });
    expect(checkEan('5702017583488')).toEqual({ ok: true, ean: '5702017583488' });
    expect(checkEan('96385074')).toEqual({ ok: true, ean: '96385074' });
    expect(checkEan('036000291452')).toEqual({ ok: true, ean: '036000291452' });
    expect(checkEan('10012345678902')).toEqual({ ok: true, ean: '10012345678902' });
  });
  it('normalises spaces and ISBN hyphens and keeps leading zeros', () => {
    expect(normaliseEan(' 978-88-04-66823-7 ')).toBe('9788804668237');
    expect(checkEan('0 36000 29145 2')).toEqual({ ok: true, ean: '036000291452' });
  });
  it('reports a wrong check digit with the right one', () => {
    expect(checkEan('9788804668238')).toEqual({
      ok: false,
      code: 'ean-check-digit',
      ean: '9788804668238',
      expected: 'check digit 7 (9788804668237)',
    });
  });
  it('reports wrong lengths, letters and spreadsheet numbers as invalid', () => {
    expect(checkEan('978880466823')).toMatchObject({ ok: false, code: 'ean-check-digit' });
    expect(checkEan('97888046682')).toMatchObject({ ok: false, code: 'ean-invalid', expected: '8, 12, 13 or 14 digits (GTIN)' });
    expect(checkEan('97888O4668237')).toMatchObject({ ok: false, code: 'ean-invalid' });
    expect(checkEan('8.00123E+12')).toMatchObject({ ok: false, code: 'ean-invalid' });
    expect((checkEan('8.00123E+12') as { expected: string }).expected).toContain('spreadsheet');
  });
  it('agrees with a reference computation on every length', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }), (len, ds) => {
        const body = ds.slice(0, len).join('');
        const digit = gtinCheckDigit(body);
        expect(digit).toBe(referenceCheckDigit(body));
        expect(checkEan(body + digit).ok).toBe(true);
        expect(checkEan(body + ((digit + 1) % 10)).ok).toBe(false);
      }),
    );
  });
});
