import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStock } from '../../src/stock/read-stock.js';
import { products, readCase } from './fixture.js';

describe('readStock: dialects', () => {
  it('keeps physical start lines for records with quoted newlines (CRLF), across blank lines', async () => {
    const r = await readCase('quoted-newlines', 'stock.csv', { maxBadRowsPercent: 100 });
    expect(products(r).map((i) => [i.sku, i.line, i.title, i.description])).toEqual([
      ['Q-1', 2, 'Scatola di costruzioni in legno', 'Riga uno\nriga due\nriga tre'],
      ['Q-3', 8, 'Trenino elettrico', undefined],
    ]);
    expect(r.problems.map((p) => [p.line, p.code, p.sku])).toEqual([
      [6, 'quantity-invalid', 'Q-2'],
      [10, 'quantity-negative', 'Q-4'],
    ]);
    expect(r.stats).toMatchObject({ rows: 4, goodRows: 2, badRows: 2, delimiter: ';' });
  });

  it('reads bare inch quotes inside unquoted values with quote: auto', async () => {
    const r = await readCase('bare-quote-inches', 'stock.csv');
    expect([...r.items()].map((i) => i.title)).toEqual(['Monitor 15" per bambini', 'Tavoletta grafica 10" con penna', 'Globo luminoso; 30 cm', 'Televisore 24"']);
    expect(r.problems).toEqual([]);
  });

  it('with strict quotes reports the bare-quote records as malformed, with their lines', async () => {
    const r = await readCase('bare-quote-inches', 'stock.csv', { quote: '"', maxBadRowsPercent: 100 });
    expect([...r.items()].map((i) => i.sku)).toEqual(['B-3']);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'csv-malformed'],
      [3, 'csv-malformed'],
      [5, 'csv-malformed'],
    ]);
    expect(r.stats).toMatchObject({ rows: 4, goodRows: 1, badRows: 3 });
  });

  it('with quote: none reads quotes as plain characters', async () => {
    const r = await readCase('bare-quote-inches', 'stock.csv', { quote: 'none', delimiter: ';', maxBadRowsPercent: 100 });
    expect([...r.items()].map((i) => i.title)).toEqual(['Monitor 15" per bambini', 'Tavoletta grafica 10" con penna', 'Televisore 24"']);
    // The quoted "; " is no longer protected: the row splits into five values and shifts.
    expect(r.problems.map((p) => [p.line, p.code, p.value])).toEqual([
      [4, 'field-count', '1'],
      [4, 'price-invalid', '30 cm"'],
      [4, 'quantity-not-integer', '24,50'],
    ]);
  });

  it('reads a trailing delimiter on every line, skipping blank and empty-valued lines', async () => {
    const r = await readCase('trailing-delimiter', 'stock.csv');
    expect(r.stats).toMatchObject({ rows: 3, goodRows: 3, badRows: 0, headers: ['Codice', 'Descrizione', 'Prezzo', 'Giacenza'] });
    expect([...r.items()].map((i) => [i.sku, i.line, i.priceMinor])).toEqual([['T-1', 2, 1200], ['T-2', 4, 990], ['T-3', 6, 1450]]);
  });

  for (const [file, delimiter, decimal] of [['stock-comma.csv', ';', ','], ['stock-point.csv', ',', '.']] as const) {
    it(`reads thousands separators with decimal ${decimal}`, async () => {
      const r = await readCase('thousands-separators', file);
      expect(r.stats).toMatchObject({ delimiter, decimal, rows: 4, goodRows: 4 });
      expect([...r.items()].map((i) => [i.sku, i.priceMinor, i.costMinor, i.quantity])).toEqual([
        ['K-1', 123450, 89900, 1],
        ['K-2', 123450, 100000, 2],
        ['K-3', 1234500, 987654, 1200],
        ['K-4', 99, 40, 25],
      ]);
    });
  }

  it('matches headers forgivingly (case, accents, spaces, apostrophe accent)', async () => {
    const r = await readCase('forgiving-headers', 'stock.csv');
    expect(products(r)).toEqual([
      { sku: 'F-1', line: 2, title: 'Puzzle', priceMinor: 1200, quantity: 3, imageCount: 2, httpsImage: true, images: ['https://negozio.example/a.jpg', 'https://negozio.example/b.jpg'], safety: {} },
    ]);
    expect(r.stats.headers).toEqual(['CODICE', 'descrizione', 'PREZZO DI VENDITA', "QUANTITA'", 'Immagini']);
  });

  it('honours explicit delimiter and decimal, and reports values written the other way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civetta-dialect-'));
    const file = join(dir, 's.csv');
    writeFileSync(file, 'Codice;Descrizione;Prezzo;Giacenza\nA;Uno;12.50;1\nB;Due;3;1\n');
    const r = await readStock({ file, encoding: 'utf-8', delimiter: ';', decimal: ',', quote: '"', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' }, maxBadRowsPercent: 100 });
    expect(r.problems.map((p) => [p.line, p.code, p.value, p.expected])).toEqual([[2, 'price-invalid', '12.50', 'an amount like 12,50 or 1.234,50']]);
    expect([...r.items()].map((i) => [i.sku, i.priceMinor])).toEqual([['B', 300]]);
  });

  it("skips Excel's sep= line and uses the delimiter it names; lines still count from the file's start", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civetta-dialect-'));
    const file = join(dir, 's.csv');
    writeFileSync(file, 'sep=,\r\nCodice,Descrizione,Prezzo,Giacenza\r\nA,"Uno; due",1.50,1\r\nB,Tre,x,1\r\n');
    const r = await readStock({ file, encoding: 'auto', delimiter: 'auto', decimal: 'auto', quote: 'auto', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' }, maxBadRowsPercent: 100 });
    expect(r.stats).toMatchObject({ delimiter: ',', decimal: '.', headers: ['Codice', 'Descrizione', 'Prezzo', 'Giacenza'], rows: 2 });
    expect([...r.items()].map((i) => [i.sku, i.line, i.title, i.priceMinor])).toEqual([['A', 3, 'Uno; due', 150]]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[4, 'price-invalid']]);
  });

  it("skips a till's title lines above the header, with a warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civetta-dialect-'));
    const file = join(dir, 's.csv');
    writeFileSync(file, 'Esportazione magazzino del 23/11/2026\r\nNegozio Rossi, Via Roma 1\r\n\r\nCodice;Descrizione;Prezzo;Giacenza\r\nA;Uno;1,50;1\r\n');
    const r = await readStock({ file, encoding: 'auto', delimiter: 'auto', decimal: 'auto', quote: 'auto', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' }, maxBadRowsPercent: 0 });
    expect(r.stats).toMatchObject({ delimiter: ';', decimal: ',', rows: 1, goodRows: 1, headers: ['Codice', 'Descrizione', 'Prezzo', 'Giacenza'] });
    expect([...r.items()].map((i) => [i.sku, i.line, i.priceMinor])).toEqual([['A', 5, 150]]);
    expect(r.problems.map((p) => [p.severity, p.code, p.line, p.message])).toEqual([['warning', 'header-not-first', 4, 'the header is on line 4; lines 1–2 above it are ignored']]);
  });

  it('counts an unclosed quote as bad rows for every line it swallowed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civetta-dialect-'));
    const file = join(dir, 's.csv');
    writeFileSync(file, 'Codice;Descrizione;Prezzo;Giacenza\nA;Uno;1;1\nB;"Due;1;1\nC;Tre;1;1\nD;Quattro;1;1\n');
    const r = await readStock({ file, encoding: 'auto', delimiter: 'auto', decimal: 'auto', quote: 'auto', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' }, maxBadRowsPercent: 100 });
    expect([...r.items()].map((i) => i.sku)).toEqual(['A']);
    expect(r.problems.map((p) => [p.line, p.code, p.value])).toEqual([[3, 'csv-malformed', 'lines 3–5']]);
    expect(r.stats).toMatchObject({ rows: 4, goodRows: 1, badRows: 3 });
  });
});
