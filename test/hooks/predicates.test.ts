import { describe, expect, it } from 'vitest';
import { firstFailure } from '../../src/hooks/predicates.js';
import { productMargin } from '../../src/hooks/margin.js';
import { item } from './make.js';

describe('productMargin', () => {
  it('is (net price − cost) / net price, VAT taken out of the shop price', () => {
    expect(productMargin(item('A', { priceMinor: 2440, costMinor: 1500, vatRate: 0.22 }))).toBeCloseTo(0.25, 10);
    expect(productMargin(item('A', { priceMinor: 2000, costMinor: 1500, vatRate: undefined }))).toBeCloseTo(0.25, 10);
    expect(productMargin(item('A', { costMinor: undefined }))).toBeUndefined();
    expect(productMargin(item('A', { priceMinor: 0, costMinor: 100 }))).toBeUndefined();
  });
});

describe('firstFailure: every where operator', () => {
  const lego = item('LEG1', { category: 'LEGO', brand: 'LEGO', priceMinor: 2440, costMinor: 1500, quantity: 4 });

  it('passes when every condition holds', () => {
    expect(firstFailure(lego, { category: ['lego'], brand: ['Lego'], price: { min: 10, max: 30 }, cost: { max: 15 }, margin: { min: 0.25 }, quantity: { min: 3 }, ean: 'present', image: 'present' })).toBeUndefined();
  });

  it.each([
    [{ category: ['Puzzle', 'Libri'] }, { condition: 'category', found: '"LEGO"', expected: 'one of Puzzle, Libri' }],
    [{ brand: ['Ravensburger'] }, { condition: 'brand', found: '"LEGO"', expected: 'one of Ravensburger' }],
    [{ price: { max: 20 } }, { condition: 'price', found: '24.40', expected: 'at most 20.00' }],
    [{ price: { min: 25, max: 30 } }, { condition: 'price', found: '24.40', expected: 'at least 25.00 and at most 30.00' }],
    [{ cost: { max: 14.99 } }, { condition: 'cost', found: '15.00', expected: 'at most 14.99' }],
    [{ margin: { min: 0.3 } }, { condition: 'margin', found: '0.25', expected: 'at least 0.3' }],
    [{ quantity: { min: 5 } }, { condition: 'quantity', found: '4', expected: 'at least 5' }],
    [{ quantity: { max: 3 } }, { condition: 'quantity', found: '4', expected: 'at most 3' }],
    [{ ean: 'absent' as const }, { condition: 'ean', found: 'present', expected: 'absent' }],
    [{ image: 'absent' as const }, { condition: 'image', found: 'present', expected: 'absent' }],
  ])('%j fails with %j', (where, failure) => {
    expect(firstFailure(lego, where)).toEqual(failure);
  });

  it('matches category and brand forgivingly (case, accents, spaces)', () => {
    const book = item('B1', { category: 'Libri per Bambini', brand: 'Edizioni Città' });
    expect(firstFailure(book, { category: ['  libri PER bambini '], brand: ['edizioni citta'] })).toBeUndefined();
  });

  it('a missing value fails a range or presence check', () => {
    const bare = item('X', { costMinor: undefined, ean: undefined, images: [], category: undefined });
    expect(firstFailure(bare, { category: ['LEGO'] })).toEqual({ condition: 'category', found: 'nothing', expected: 'one of LEGO' });
    expect(firstFailure(bare, { margin: { min: 0.1 } })).toEqual({ condition: 'margin', found: 'nothing', expected: 'at least 0.1' });
    expect(firstFailure(bare, { cost: { min: 1 } })).toEqual({ condition: 'cost', found: 'nothing', expected: 'at least 1.00' });
    expect(firstFailure(bare, { ean: 'present' })).toEqual({ condition: 'ean', found: 'absent', expected: 'present' });
    expect(firstFailure(bare, { image: 'present' })).toEqual({ condition: 'image', found: 'absent', expected: 'present' });
    expect(firstFailure(bare, { ean: 'absent', image: 'absent' })).toBeUndefined();
  });

  it('ranges are inclusive at both ends', () => {
    expect(firstFailure(lego, { price: { min: 24.4, max: 24.4 }, quantity: { min: 4, max: 4 } })).toBeUndefined();
  });
});
