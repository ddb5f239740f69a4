import { describe, expect, it } from 'vitest';
import { headerNames, mapColumns, normaliseHeader } from '../../src/stock/map-columns.js';

const columns = { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Quantità', ean: 'EAN' };

describe('mapColumns', () => {
  it('matches headers forgivingly: case, accents, spaces, apostrophe accents, BOM', () => {
    const header = ['\ufeffcodice', ' DESCRIZIONE ', 'Prezzo', ' QUANTITA ', 'ean', ''];
    const result = mapColumns(header, columns, { file: 'f.csv' });
    expect(result.problems).toEqual([]);
    expect(result.mapping).toEqual({
      sku: { index: 0, header: 'codice' },
      ean: { index: 4, header: 'ean' },
      title: { index: 1, header: 'DESCRIZIONE' },
      price: { index: 2, header: 'Prezzo' },
      quantity: { index: 3, header: 'QUANTITA' },
    });
    expect(normaliseHeader("QUANTITA'")).toBe('quantita');
    expect(normaliseHeader('  Prezzo   di  vendita ')).toBe('prezzodivendita');
    // Spaces do not matter at all, as the README says: "Prezzo Vendita" finds "PrezzoVendita".
    expect(mapColumns(['Codice', 'Descrizione', 'PrezzoVendita', 'Quantità'], { sku: 'Codice', title: 'Descrizione', price: 'Prezzo Vendita', quantity: 'Quantità' }).mapping?.price).toEqual({ index: 2, header: 'PrezzoVendita' });
  });
  it('names a missing column and lists the headers found', () => {
    const result = mapColumns(['Codice', 'Descrizione', 'Prezzo', ''], columns, { file: 'f.csv', line: 2 });
    expect(result.mapping).toBeUndefined();
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'missing-column',
        message: 'the stock file has no column "EAN" (mapped to ean); headers found: "Codice", "Descrizione", "Prezzo"',
        file: 'f.csv',
        line: 2,
        column: 'EAN',
        key: 'stock.columns.ean',
        value: 'Codice, Descrizione, Prezzo',
        expected: 'a column named "EAN"',
      },
      expect.objectContaining({ code: 'missing-column', column: 'Quantità', key: 'stock.columns.quantity' }),
    ]);
  });
  it('suggests the closest header when a mapped one is missing', () => {
    const result = mapColumns(['Codice', 'Descrizione', 'Prezzo', 'Quantita', 'Cod. EAN'], { ...columns, ean: 'EAN13', title: 'Descrizone' });
    expect(result.problems.map((p) => p.message)).toEqual([
      'the stock file has no column "EAN13" (mapped to ean); headers found: "Codice", "Descrizione", "Prezzo", "Quantita", "Cod. EAN"',
      'the stock file has no column "Descrizone" (mapped to title), did you mean "Descrizione"?; headers found: "Codice", "Descrizione", "Prezzo", "Quantita", "Cod. EAN"',
    ]);
  });
  it('prefers the exact header and warns when several match', () => {
    const exact = mapColumns(['Codice', 'codice', 'Descrizione', 'Prezzo', 'Quantità', 'EAN'], columns);
    expect(exact.mapping?.sku).toEqual({ index: 0, header: 'Codice' });
    expect(exact.problems).toEqual([]);
    const loose = mapColumns(['CODICE', 'codice', 'Descrizione', 'Prezzo', 'Quantità', 'EAN'], columns);
    expect(loose.mapping?.sku).toEqual({ index: 0, header: 'CODICE' });
    expect(loose.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'ambiguous-column', value: 'column 1, column 2' })]);
  });
  it('drops trailing empty headers', () => {
    expect(headerNames(['a', ' b ', '', ''])).toEqual(['a', 'b']);
  });
});
