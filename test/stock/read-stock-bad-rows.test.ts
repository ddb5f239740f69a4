import { describe, expect, it } from 'vitest';
import { readCase } from './fixture.js';

describe('readStock: each bad-row kind', () => {
  it('reports every bad row with line, column, value and expectation; keeps only the good rows', async () => {
    const r = await readCase('bad-rows', 'stock.csv', { maxBadRowsPercent: 100 });
    expect([...r.items()].map((i) => [i.sku, i.line])).toEqual([['R-01', 2], ['R-15', 16]]);
    expect(r.problems.map((p) => [p.line, p.code, p.column, p.value, p.expected])).toEqual([
      [3, 'missing-sku', 'Codice', '', 'a product code'],
      [4, 'missing-title', 'Descrizione', '', 'a product title'],
      [5, 'price-invalid', 'Prezzo', '12,,5', 'an amount like 12,50 or 1.234,50'],
      [6, 'price-negative', 'Prezzo', '-3,00', 'an amount of 0 or more'],
      [7, 'cost-negative', 'Costo', '-1,00', 'an amount of 0 or more'],
      [8, 'quantity-negative', 'Giacenza', '-2', 'a whole number of 0 or more'],
      [9, 'quantity-invalid', 'Giacenza', 'tre', 'a whole number of 0 or more'],
      [10, 'quantity-not-integer', 'Giacenza', '1,5', 'a whole number of 0 or more'],
      [11, 'ean-check-digit', 'EAN', '8005125390118', 'check digit 3 (8005125390113)'],
      [12, 'ean-invalid', 'EAN', '80051253901', '8, 12, 13 or 14 digits (GTIN)'],
      [13, 'duplicate-sku', 'Codice', 'R-12', 'each SKU on one row only'],
      [14, 'duplicate-sku', 'Codice', 'R-12', 'each SKU on one row only'],
      [15, 'price-missing', 'Prezzo', '', 'an amount like 12,50 or 1.234,50'],
    ]);
    expect(r.problems.every((p) => p.severity === 'error' && p.file?.endsWith('bad-rows/stock.csv'))).toBe(true);
    expect(r.problems[10]?.message).toBe('SKU "R-12" appears on lines 13, 14; none of them is used until only one remains');
    expect(r.stats).toMatchObject({ rows: 15, goodRows: 2, badRows: 13 });
  });
});
