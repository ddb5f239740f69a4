import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../src/stock/map-columns.js';
import { mapColumns } from '../../src/stock/map-columns.js';
import { isProductless, parseRow } from '../../src/stock/parse-row.js';

const header = ['Codice', 'EAN', 'Descrizione', 'Marca', 'Categoria', 'Prezzo', 'Costo', 'Giacenza', 'Immagine', 'Note', 'IVA', 'Produttore', 'Responsabile UE', 'Avvertenze'];
const mapping = mapColumns(header, {
  sku: 'Codice', ean: 'EAN', title: 'Descrizione', brand: 'Marca', category: 'Categoria', price: 'Prezzo', cost: 'Costo',
  quantity: 'Giacenza', image: 'Immagine', description: 'Note', vat: 'IVA', manufacturer: 'Produttore',
  responsiblePerson: 'Responsabile UE', safetyWarnings: 'Avvertenze',
}).mapping as ColumnMapping;
const ctx = { file: 'magazzino.csv', line: 7, decimal: ',' as const, headerWidth: header.length };
const good = ['LG-60337', '5702017583488', ' Treno  passeggeri ', 'LEGO', 'LEGO', '129,99', '84,50', '4', 'https://negozio-rossi.example/img/LG-60337.jpg', 'Con luci', '22%', 'LEGO A/S, Billund', 'LEGO GmbH, München', 'Non adatto a bambini di età inferiore a 36 mesi'];
const row = (changes: Record<number, string>) => good.map((v, i) => changes[i] ?? v);

describe('parseRow', () => {
  it('turns a good row into a StockItem', () => {
    expect(parseRow(good, mapping, ctx)).toEqual({
      sku: 'LG-60337',
      problems: [],
      item: {
        sku: 'LG-60337', line: 7, ean: '5702017583488', title: 'Treno passeggeri', brand: 'LEGO', category: 'LEGO',
        priceMinor: 12999, costMinor: 8450, quantity: 4, imageCount: 1, httpsImage: true, vatRate: 0.22,
        safety: { manufacturerId: 'LEGO A/S, Billund', responsiblePersonId: 'LEGO GmbH, München', warnings: 'Non adatto a bambini di età inferiore a 36 mesi' },
      },
      long: { images: ['https://negozio-rossi.example/img/LG-60337.jpg'], description: 'Con luci' },
    });
  });
  it('keeps optional fields out when empty', () => {
    const r = parseRow(row({ 1: '', 6: '', 8: '', 9: '', 10: '', 11: '', 12: '', 13: '' }), mapping, ctx);
    expect(r.item).toEqual({ sku: 'LG-60337', line: 7, title: 'Treno passeggeri', brand: 'LEGO', category: 'LEGO', priceMinor: 12999, quantity: 4, imageCount: 0, httpsImage: false, safety: {} });
    expect(r.long).toEqual({ images: [] });
  });
  const bad: [string, Record<number, string>, string, string | undefined, string][] = [
    ['missing-sku', { 0: ' ' }, 'Codice', '', 'a product code'],
    ['missing-title', { 2: '' }, 'Descrizione', '', 'a product title'],
    ['price-missing', { 5: '' }, 'Prezzo', '', 'an amount like 12,50 or 1.234,50'],
    ['price-invalid', { 5: '12,,5' }, 'Prezzo', '12,,5', 'an amount like 12,50 or 1.234,50'],
    ['price-negative', { 5: '-1,00' }, 'Prezzo', '-1,00', 'an amount of 0 or more'],
    ['cost-invalid', { 6: 'n.d.' }, 'Costo', 'n.d.', 'an amount like 12,50 or 1.234,50'],
    ['cost-negative', { 6: '-3' }, 'Costo', '-3', 'an amount of 0 or more'],
    ['quantity-missing', { 7: '' }, 'Giacenza', '', 'a whole number of 0 or more'],
    ['quantity-negative', { 7: '-2' }, 'Giacenza', '-2', 'a whole number of 0 or more'],
    ['quantity-invalid', { 7: 'tre' }, 'Giacenza', 'tre', 'a whole number of 0 or more'],
    ['quantity-not-integer', { 7: '2,5' }, 'Giacenza', '2,5', 'a whole number of 0 or more'],
    ['ean-check-digit', { 1: '5702017583480' }, 'EAN', '5702017583480', 'check digit 8 (5702017583488)'],
    ['ean-invalid', { 1: '57020175' + 'X' }, 'EAN', '57020175X', '8, 12, 13 or 14 digits (GTIN)'],
  ];
  for (const [code, changes, column, value, expected] of bad) {
    it(`reports ${code} with line, column, value and expectation, and yields no item`, () => {
      const r = parseRow(row(changes), mapping, ctx);
      expect(r.item).toBeUndefined();
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ severity: 'error', code, file: 'magazzino.csv', line: 7, column, value, expected });
    });
  }
  it('reports extra values past the header as a shifted row', () => {
    const r = parseRow([...good, '', 'oops'], mapping, ctx);
    expect(r.item).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ code: 'field-count', value: 'oops', line: 7, sku: 'LG-60337' })]);
    expect(parseRow([...good, '', ''], mapping, ctx).item?.sku).toBe('LG-60337');
  });
  it('warns about non-URL images and unusable VAT but keeps the row', () => {
    const r = parseRow(row({ 8: 'foto1.jpg | https://a.example/1.jpg,https://a.example/2.jpg, https://a.example/1.jpg', 10: 'IVA' }), mapping, ctx);
    expect(r.long?.images).toEqual(['https://a.example/1.jpg', 'https://a.example/2.jpg']);
    expect(r.item?.vatRate).toBeUndefined();
    expect(r.problems.map((p) => [p.severity, p.code, p.column, p.value])).toEqual([
      // A file name is a path on the shop's server: stock.imageBaseUrl would make it a URL.
      ['warning', 'image-path', 'Immagine', 'foto1.jpg'],
      ['warning', 'vat-invalid', 'IVA', 'IVA'],
    ]);
  });
  it('with stock.imageBaseUrl, an image path is a URL under it (one slash between, the path escaped)', () => {
    const r = parseRow(row({ 8: 'foto 1.jpg|/m/a/maglia.jpg' }), mapping, { ...ctx, imageBaseUrl: 'https://negozio.example/media/catalog/product/' });
    // "foto 1.jpg" holds a space: not a path, still rejected.
    expect(r.long?.images).toEqual(['https://negozio.example/media/catalog/product/m/a/maglia.jpg']);
    expect(r.problems.map((p) => [p.code, p.value])).toEqual([['image-not-url', 'foto 1.jpg']]);
  });
  it('reads VAT as 22, 0,22 and 4', () => {
    expect(parseRow(row({ 10: '22' }), mapping, ctx).item?.vatRate).toBe(0.22);
    expect(parseRow(row({ 10: '0,22' }), mapping, ctx).item?.vatRate).toBe(0.22);
    expect(parseRow(row({ 10: '4' }), mapping, ctx).item?.vatRate).toBe(0.04);
  });
  it('warns about undecodable characters', () => {
    const r = parseRow(row({ 2: 'Citt\ufffd' }), mapping, ctx);
    expect(r.problems.map((p) => p.code)).toEqual(['bad-character']);
  });
  it('reports every error of a row', () => {
    const r = parseRow(row({ 0: '', 5: 'x', 7: '-1' }), mapping, ctx);
    expect(r.sku).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['missing-sku', 'price-invalid', 'quantity-negative']);
  });
  it('knows a row without any product field', () => {
    expect(isProductless(['', '', '', '', '', '', '', '', 'https://x.example/a.jpg'], mapping)).toBe(true);
    expect(isProductless(['', '', 'Titolo'], mapping)).toBe(false);
  });
});
