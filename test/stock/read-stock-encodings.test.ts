import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readStock } from '../../src/stock/read-stock.js';
import { products, readCase } from './fixture.js';

const columns = { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' };

describe('readStock: encodings', () => {
  it('reads UTF-8 with a BOM, comma separated, decimal point', async () => {
    const r = await readCase('utf8-bom-comma', 'stock.csv');
    expect(r.stats).toEqual({ rows: 3, goodRows: 3, badRows: 0, encoding: 'utf-8', bom: true, delimiter: ',', decimal: '.', headers: ['sku', 'ean', 'title', 'price', 'qty'], ignoredRows: 0,
      format: 'generic', priceIncludesVat: true, skipped: { parents: 0, continuations: 0, images: 0, filtered: 0 }, variants: 0, negativeOutlets: 0 });
    expect([...r.items()].map((i) => [i.sku, i.title, i.priceMinor, i.quantity, i.ean])).toEqual([
      ['A-1', 'Puzzle 1000 pezzi, Città di Firenze', 1250, 3, '8005125390113'],
      ['A-2', 'Peluche orsetto però più morbido', 990, 0, undefined],
      ['A-3', 'Il Piccolo Principe (edizione illustrata)', 1400, 12, '9788804668237'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('notices the BOM under an explicit encoding too, and keeps it out of the first header', async () => {
    const r = await readCase('utf8-bom-comma', 'stock.csv', { encoding: 'utf-8' });
    expect(r.stats).toMatchObject({ encoding: 'utf-8', bom: true, headers: ['sku', 'ean', 'title', 'price', 'qty'], goodRows: 3 });
  });

  it('reads Windows-1252 with €, curly quotes and en dash (iconv-lite, not TextDecoder)', async () => {
    const r = await readCase('windows-1252-semicolon', 'stock.csv', { columns: { sku: 'Codice', ean: 'EAN', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza', description: 'Note' } });
    expect(r.stats).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';', decimal: ',' });
    expect(products(r).map((i) => [i.title, i.description])).toEqual([
      ['Trenino di legno – età 3+', 'Regalo: buono da 5 €'],
      ['“La città incantata”, albo illustrato', 'Più venduto'],
      ['Caffè & cioccolato: gioco di società', undefined],
    ]);
  });

  it('reads Excel "Unicode text": UTF-16LE with BOM, tab separated, Excel quoting', async () => {
    const r = await readCase('utf16-excel-tab', 'stock.txt');
    expect(r.stats).toMatchObject({ rows: 3, goodRows: 3, encoding: 'utf-16le', bom: true, delimiter: '\t', decimal: ',' });
    expect([...r.items()].map((i) => [i.sku, i.title, i.priceMinor, i.line])).toEqual([
      ['U-1', 'Puzzle 500 pezzi – Venezia', 990, 2],
      ['U-2', 'Libro "Pinocchio", edizione più bella', 123450, 3],
      ['U-3', 'Gioco dell’oca € 5', 500, 4],
    ]);
  });

  const dir = mkdtempSync(join(tmpdir(), 'civetta-stock-'));
  const write = (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const read = (file: string, encoding: 'auto' | 'utf-8' | 'windows-1252' | 'latin1' | 'utf-16le' | 'utf-16be' = 'auto') =>
    readStock({ file, encoding, delimiter: 'auto', decimal: 'auto', quote: 'auto', columns, maxBadRowsPercent: 100 });

  it('decides a file whose first 64 KiB are ASCII from its first accented byte further on', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `P-${i};Articolo numero ${i} senza accenti;1,00;1`);
    const text = ['Codice;Descrizione;Prezzo;Giacenza', ...rows, 'Z-1;Città di carta;2,00;1', ''].join('\r\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
    const r = await read(write('late-accent.csv', iconv.encode(text, 'win1252')));
    expect(r.stats).toMatchObject({ encoding: 'windows-1252', rows: 3001, goodRows: 3001 });
    expect([...r.items()].at(-1)).toMatchObject({ sku: 'Z-1', title: 'Città di carta', line: 3002 });
    const u = await read(write('late-accent-utf8.csv', Buffer.from(text, 'utf8')));
    expect(u.stats.encoding).toBe('utf-8');
    expect([...u.items()].at(-1)?.title).toBe('Città di carta');
  });

  it('reads UTF-16BE and UTF-8 without a BOM', async () => {
    const text = 'Codice\tDescrizione\tPrezzo\tGiacenza\r\nX-1\tPerché sì\t3,50\t2\r\n';
    const be = await read(write('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])));
    expect([be.stats.encoding, [...be.items()][0]?.title]).toEqual(['utf-16be', 'Perché sì']);
    const plain = await read(write('plain.csv', Buffer.from(text, 'utf8')));
    expect([plain.stats.encoding, plain.stats.bom, [...plain.items()][0]?.title]).toEqual(['utf-8', false, 'Perché sì']);
  });

  it('honours an explicit encoding; latin1 is read as its superset Windows-1252', async () => {
    const text = 'Codice;Descrizione;Prezzo;Giacenza\nX-1;Buono da 5 € – più;3,50;2\n';
    const file = write('forced.csv', iconv.encode(text, 'win1252'));
    const latin1 = await read(file, 'latin1');
    expect([latin1.stats.encoding, [...latin1.items()][0]?.title]).toEqual(['latin1', 'Buono da 5 € – più']);
    const wrong = await read(file, 'utf-8');
    expect(wrong.stats.encoding).toBe('utf-8');
    expect(wrong.problems.map((p) => [p.code, p.line, p.column])).toEqual([['bad-character', 2, 'Descrizione']]);
    expect(wrong.count).toBe(1);
  });
});
