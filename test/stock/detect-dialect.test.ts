import { describe, expect, it } from 'vitest';
import { detectDecimal, detectDelimiter, sepHint, splitRecords } from '../../src/stock/detect-dialect.js';

describe('splitRecords', () => {
  it('respects quotes, doubled quotes, newlines in quotes and bare quotes', () => {
    expect(splitRecords('a;b\n1;"x;""y""\nz"\n2;Monitor 15";\n\n', ';', 'relaxed')).toEqual([
      ['a', 'b'],
      ['1', 'x;"y"\nz'],
      ['2', 'Monitor 15"', ''],
    ]);
  });
  it('ignores quotes in none mode and drops a cut-off last record', () => {
    expect(splitRecords('a,b\n"1,2\n', ',', 'none')).toEqual([['a', 'b'], ['"1', '2']]);
    expect(splitRecords('a,b\n1,"open', ',', 'relaxed', Infinity, false)).toEqual([['a', 'b']]);
    expect(splitRecords('a,b\n1,2', ',', 'relaxed', Infinity, false)).toEqual([['a', 'b']]);
    expect(splitRecords('a,b\n1,2', ',', 'relaxed', Infinity, true)).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('detectDelimiter', () => {
  it('finds semicolons in a decimal-comma file with commas in descriptions', () => {
    expect(detectDelimiter('Codice;Descrizione;Prezzo\nA;Treno, legno;12,50\nB;Palla;3,00\n', 'relaxed')).toBe(';');
  });
  it('finds commas with quoted decimal commas', () => {
    expect(detectDelimiter('sku,title,price\nA,"Treno; legno","12,50"\nB,Palla,3.00\n', 'relaxed')).toBe(',');
  });
  it('finds tabs', () => {
    expect(detectDelimiter('sku\ttitle\tprice\nA\tTreno, legno\t12,50\n', 'relaxed')).toBe('\t');
  });
  it('accepts a trailing delimiter on rows only', () => {
    expect(detectDelimiter('a;b;c\n1;2;3;\n4;5;6;\n', 'relaxed')).toBe(';');
  });
  it('looks past title lines above the header', () => {
    expect(detectDelimiter('Esportazione del 23/11/2026\nCodice;Descrizione;Prezzo\nA;Treno, legno;12,50\nB;Palla;3,00\n', 'relaxed')).toBe(';');
  });
  it('falls back to comma for a one-column sample', () => {
    expect(detectDelimiter('sku\nA\n', 'relaxed')).toBe(',');
  });
});

describe('sepHint', () => {
  it("reads Excel's sep= line and nothing else", () => {
    expect(sepHint('sep=;\na;b\n')).toBe(';');
    expect(sepHint('SEP=,\na,b')).toBe(',');
    expect(sepHint('sep=\t\na\tb')).toBe('\t');
    expect(sepHint('sep=|\na|b')).toBeUndefined();
    expect(sepHint('sep;a\n')).toBeUndefined();
    expect(sepHint('a;sep=;\n')).toBeUndefined();
  });
});

describe('detectDecimal', () => {
  it('reads the mark from amounts', () => {
    expect(detectDecimal(['12,50', '3', '1.234,00'], ',')).toBe(',');
    expect(detectDecimal(['12.50', '1,234.00'], ';')).toBe('.');
    expect(detectDecimal(['1 234,5'], ',')).toBe(',');
  });
  it('counts three digits after a mark as a weak thousands vote', () => {
    expect(detectDecimal(['1.234', '2.500'], ',')).toBe(',');
    expect(detectDecimal(['1.234', '9.90'], ';')).toBe('.');
  });
  it('falls back on the delimiter without evidence', () => {
    expect(detectDecimal(['12', '3'], ';')).toBe(',');
    expect(detectDecimal(['12', '3'], ',')).toBe('.');
    expect(detectDecimal([], '\t')).toBe('.');
  });
});
