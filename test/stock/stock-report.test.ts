import { describe, expect, it } from 'vitest';
import { badLines, duplicateProblems, exceedsBadRowThreshold, findDuplicateSkus, formatProblem, sortProblems } from '../../src/stock/stock-report.js';

describe('stock-report', () => {
  it('finds every line of a duplicated SKU and rejects all of them', () => {
    const dups = findDuplicateSkus([{ sku: 'A', line: 2 }, { sku: 'B', line: 3 }, { sku: 'A', line: 9 }, { sku: 'a', line: 10 }]);
    expect([...dups]).toEqual([['A', [2, 9]]]);
    expect(duplicateProblems(dups, 'Codice', 'f.csv')).toEqual([
      { severity: 'error', code: 'duplicate-sku', message: 'SKU "A" appears on lines 2, 9; none of them is used until only one remains', file: 'f.csv', line: 2, column: 'Codice', sku: 'A', value: 'A', expected: 'each SKU on one row only' },
      { severity: 'error', code: 'duplicate-sku', message: 'SKU "A" appears on lines 2, 9; none of them is used until only one remains', file: 'f.csv', line: 9, column: 'Codice', sku: 'A', value: 'A', expected: 'each SKU on one row only' },
    ]);
  });
  it('refuses only when bad rows are strictly above the threshold', () => {
    expect(exceedsBadRowThreshold(100, 10, 10)).toBe(false);
    expect(exceedsBadRowThreshold(100, 11, 10)).toBe(true);
    expect(exceedsBadRowThreshold(3, 1, 33)).toBe(true);
    expect(exceedsBadRowThreshold(0, 0, 0)).toBe(false);
    expect(exceedsBadRowThreshold(10, 0, 0)).toBe(false);
  });
  it('counts bad lines from errors only and sorts problems by line', () => {
    const problems = sortProblems([
      { severity: 'warning', code: 'w', message: 'm', line: 5 },
      { severity: 'error', code: 'e2', message: 'm', line: 9 },
      { severity: 'error', code: 'e1', message: 'm', line: 5 },
    ]);
    expect(problems.map((p) => p.code)).toEqual(['e1', 'w', 'e2']);
    expect([...badLines(problems)]).toEqual([5, 9]);
  });
  it('formats a problem on one line', () => {
    expect(formatProblem({ severity: 'error', code: 'price-invalid', message: 'the price is not an amount', file: 'm.csv', line: 4, column: 'Prezzo', value: '12,,5', expected: 'an amount like 12,50' }))
      .toBe('m.csv, line 4, column "Prezzo": error: the price is not an amount [price-invalid] (found "12,,5", expected an amount like 12,50)');
  });
});
