import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StockReadResult } from '../../src/stock/read-stock.js';
import { readStock } from '../../src/stock/read-stock.js';
import { FIXTURES, products } from './fixture.js';

/** The sample shop's mapping, as fixtures/shop/civetta.config.yaml writes it. */
const columns = {
  sku: 'Codice', ean: 'EAN', title: 'Descrizione', brand: 'Marca', category: 'Categoria', price: 'Prezzo', cost: 'Costo',
  quantity: 'Giacenza', image: 'Immagine', description: 'Note', vat: 'IVA', manufacturer: 'Produttore',
  responsiblePerson: 'Responsabile UE', safetyWarnings: 'Avvertenze',
};
const read = (name: string) =>
  readStock({ file: join(FIXTURES, 'shop', 'stock', name), encoding: 'auto', delimiter: 'auto', decimal: 'auto', quote: 'auto', columns, maxBadRowsPercent: 10 });

const BAD = [
  [23, 'missing-sku', ''],
  [123, 'price-invalid', '12,,5'],
  [153, 'duplicate-sku', 'PUZ-0056'],
  [183, 'quantity-negative', '-2'],
  [243, 'quantity-invalid', 'tre'],
  [303, 'ean-check-digit', '9788807806158'],
  [363, 'duplicate-sku', 'PUZ-0056'],
];

describe('the sample shop (Giocattoli e Libri Rossi)', () => {
  let win: StockReadResult;
  let utf8: StockReadResult;
  beforeAll(async () => {
    win = await read('magazzino.csv');
    utf8 = await read('magazzino-utf8.csv');
  });
  it('reads the Windows-1252 export: exact counts and the broken rows by line', () => {
    expect(win.stats).toEqual({
      rows: 406, goodRows: 399, badRows: 7, encoding: 'windows-1252', bom: false, delimiter: ';', decimal: ',', ignoredRows: 0,
      format: 'generic', priceIncludesVat: true, skipped: { parents: 0, continuations: 0, images: 0, filtered: 0 }, variants: 0, negativeOutlets: 0,
      headers: ['Codice', 'EAN', 'Descrizione', 'Marca', 'Categoria', 'Prezzo', 'Costo', 'Giacenza', 'Immagine', 'Note', 'IVA', 'Produttore', 'Responsabile UE', 'Avvertenze'],
    });
    expect(win.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.code, p.value])).toEqual(BAD);
    expect(win.problems.filter((p) => p.severity === 'warning').map((p) => [p.line, p.code, p.value])).toEqual([[217, 'image-not-url', 'vedi catalogo cartaceo']]);
  });

  it('reads the UTF-8 variant to the same items', () => {
    expect(utf8.stats).toMatchObject({ rows: 406, goodRows: 399, badRows: 7, encoding: 'utf-8', delimiter: ',', decimal: '.' });
    expect(utf8.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.code])).toEqual(BAD.map(([line, code]) => [line, code]));
    expect([...utf8.items()]).toEqual([...win.items()]);
  });

  it('holds the cases the reader must survive: accents, €, a quoted newline, a bare 15", a thousands separator', () => {
    expect([...win.items()].find((i) => i.title.includes('15"'))).toMatchObject({ sku: 'GDT-0003', line: 160, title: 'Lavagna magica LCD 15" per disegnare' });
    expect(products(win).find((i) => i.description?.includes('\n'))).toMatchObject({ line: 7, description: 'Edizione da collezione\nnumerata a mano, con certificato' });
    expect([...win.items()].find((i) => i.sku === 'LEGO-49570')).toMatchObject({ line: 12, priceMinor: 124900, costMinor: 84932 });
    expect(products(win).filter((i) => i.description?.includes('€')).length).toBeGreaterThan(0);
    expect([...win.items()].filter((i) => /[àèéìòù]/.test(i.title + (i.safety.warnings ?? ''))).length).toBeGreaterThan(100);
  });

  it('is realistic: costs below prices, quantities 0–40, VAT 4% for books and 22% for toys, GPSR per brand', () => {
    expect([...win.items()].every((i) => i.costMinor === undefined || i.costMinor < i.priceMinor)).toBe(true);
    expect([...win.items()].every((i) => i.quantity >= 0 && i.quantity <= 40)).toBe(true);
    for (const i of win.items()) expect(i.vatRate).toBe(i.category?.startsWith('Libri') ? 0.04 : 0.22);
    const categories = [...new Set([...win.items()].map((i) => i.category))].sort();
    expect(categories).toEqual(['Giochi da tavolo', 'LEGO', 'Libri illustrati', 'Libri per ragazzi', 'Modellismo', 'Peluche', 'Playmobil', 'Puzzle']);
    expect([...win.items()].filter((i) => i.ean === undefined).length).toBeGreaterThan(5);
    expect(products(win).filter((i) => i.images.length === 0).length).toBeGreaterThan(10);
    expect([...win.items()].filter((i) => i.costMinor === undefined).length).toBeGreaterThan(5);
    expect([...win.items()].find((i) => i.brand === 'LEGO')?.safety.manufacturerId).toBe('lego');
    expect([...win.items()].filter((i) => i.brand === 'Mondadori').every((i) => i.safety.manufacturerId === undefined)).toBe(true);
  });
});
