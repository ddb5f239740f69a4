import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinor, parseMinor, parseQuantity, parseVatRate } from '../../src/stock/parse-number.js';

describe('parseMinor', () => {
  it('reads decimal comma amounts with thousands separators', () => {
    expect(parseMinor('12,50', ',')).toEqual({ ok: true, value: 1250 });
    expect(parseMinor('1.234,50', ',')).toEqual({ ok: true, value: 123450 });
    expect(parseMinor('1 234,50', ',')).toEqual({ ok: true, value: 123450 });
    expect(parseMinor('1\u00a0234,5', ',')).toEqual({ ok: true, value: 123450 });
    expect(parseMinor('€ 9,90', ',')).toEqual({ ok: true, value: 990 });
    expect(parseMinor('9,90 €', ',')).toEqual({ ok: true, value: 990 });
    expect(parseMinor('12', ',')).toEqual({ ok: true, value: 1200 });
    expect(parseMinor(',5', ',')).toEqual({ ok: true, value: 50 });
  });
  it('reads decimal point amounts with thousands separators', () => {
    expect(parseMinor('1,234.50', '.')).toEqual({ ok: true, value: 123450 });
    expect(parseMinor("1'234.50", '.')).toEqual({ ok: true, value: 123450 });
    expect(parseMinor('24.9', '.')).toEqual({ ok: true, value: 2490 });
    expect(parseMinor('3.2550', '.')).toEqual({ ok: true, value: 326 });
    expect(parseMinor('3.2549', '.')).toEqual({ ok: true, value: 325 });
  });
  it('parses negatives for the caller to refuse', () => {
    expect(parseMinor('-3,00', ',')).toEqual({ ok: true, value: -300 });
    expect(parseMinor('-€ 3,00', ',')).toEqual({ ok: true, value: -300 });
  });
  it('refuses malformed amounts', () => {
    for (const bad of ['12,,5', '1.23.4', '12.50', 'abc', '', '-', ',', '1.2345,00', '1E3', '12,5x']) {
      expect(parseMinor(bad, ','), bad).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(parseMinor('12,50', '.')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMinor('99999999999999999999', '.')).toEqual({ ok: false, reason: 'invalid' });
  });
  it('round-trips formatted minor units in both decimal styles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(',', '.'),
        fc.constantFrom(undefined, ' ', '\u00a0', "'", 'other'),
        (minor, decimal: ',' | '.', sep) => {
          const thousands = sep === 'other' ? (decimal === ',' ? '.' : ',') : sep;
          const text = formatMinor(minor, decimal, thousands === undefined ? {} : { thousands });
          expect(parseMinor(text, decimal)).toEqual({ ok: true, value: minor });
        },
      ),
    );
  });
});

describe('plain numbers (read without the general pattern)', () => {
  it('read as the general pattern reads them: the same text with a euro sign takes that way', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,16}$/), fc.stringMatching(/^\d{0,5}$/), fc.boolean(), fc.constantFrom(',', '.'), (whole, fraction, withMark, decimal: ',' | '.') => {
        const text = withMark ? `${whole}${decimal}${fraction}` : whole;
        expect(parseMinor(text, decimal)).toEqual(parseMinor(`€ ${text}`, decimal));
        expect(parseMinor(text, decimal, 4)).toEqual(parseMinor(`€ ${text}`, decimal, 4));
        expect(parseQuantity(text, decimal)).toEqual(parseQuantity(`€ ${text}`, decimal));
      }),
    );
    // Past 2^53 minor units an amount is refused, the quick way too.
    expect(parseMinor('908000000000', ',', 4)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMinor('9999999999999,99', ',')).toEqual({ ok: true, value: 999999999999999 });
  });
});

describe('parseQuantity', () => {
  it('reads whole numbers, also written with decimals or thousands', () => {
    expect(parseQuantity('3', ',')).toEqual({ ok: true, value: 3 });
    expect(parseQuantity('3,00', ',')).toEqual({ ok: true, value: 3 });
    expect(parseQuantity('1.200', ',')).toEqual({ ok: true, value: 1200 });
    expect(parseQuantity('0', '.')).toEqual({ ok: true, value: 0 });
  });
  it('tells negative, fractional and non-numbers apart', () => {
    expect(parseQuantity('-2', ',')).toEqual({ ok: false, reason: 'negative' });
    expect(parseQuantity('2,5', ',')).toEqual({ ok: false, reason: 'not-integer' });
    expect(parseQuantity('1.200', '.')).toEqual({ ok: false, reason: 'not-integer' });
    expect(parseQuantity('tre', ',')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseVatRate', () => {
  it('reads percentages and fractions', () => {
    expect(parseVatRate('22', ',')).toEqual({ ok: true, value: 0.22 });
    expect(parseVatRate('22%', ',')).toEqual({ ok: true, value: 0.22 });
    expect(parseVatRate('22 %', ',')).toEqual({ ok: true, value: 0.22 });
    expect(parseVatRate('0,22', ',')).toEqual({ ok: true, value: 0.22 });
    expect(parseVatRate('0.04', '.')).toEqual({ ok: true, value: 0.04 });
    expect(parseVatRate('4', ',')).toEqual({ ok: true, value: 0.04 });
    expect(parseVatRate('10%', '.')).toEqual({ ok: true, value: 0.1 });
    expect(parseVatRate('0', ',')).toEqual({ ok: true, value: 0 });
  });
  it('refuses what is no VAT rate', () => {
    expect(parseVatRate('220', ',')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseVatRate('IVA', ',')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseVatRate('-22', ',')).toEqual({ ok: false, reason: 'negative' });
  });
});
