// A stock file cut off mid-download must be refused, not read as "the products after the cut are
// gone" (issue 11: a list cut to 90% and 97% of its bytes, mid-row, cost 5 hooks per channel).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { readStock } from '../../src/stock/read-stock.js';
import { StockFileError } from '../../src/stock/stock-file-error.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { rejection } from './fixture.js';

const columns = { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' };
const HEADER = 'Codice;Descrizione;Prezzo;Giacenza;Marca';
const rows = Array.from({ length: 20 }, (_, i) => `SKU-${i};"Puzzle ${i} pezzi";${10 + i},90;${i + 1};Ravensburger`);
const whole = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;

let dir: TempDir | undefined;
afterEach(() => {
  dir?.cleanup();
  dir = undefined;
});

function read(text: string | Buffer, name = 'stock.csv') {
  dir ??= tempDir('civetta-cut-');
  const file = join(dir.path, name);
  writeFileSync(file, text);
  return readStock({ file, encoding: 'auto', delimiter: 'auto', decimal: 'auto', quote: 'auto', columns, maxBadRowsPercent: 10 });
}

describe('readStock: a cut download', () => {
  it('refuses a file cut mid-record (fewer fields than the header, no line ending), exit 2', async () => {
    // Cut inside row 18's price: "SKU-17;"Puzzle 17 pezzi";27" — three of five fields.
    const cut = whole.slice(0, whole.indexOf('SKU-17') + 'SKU-17;"Puzzle 17 pezzi";27'.length);
    // Before: read as 17 good rows and 1 bad one (under maxBadRowsPercent), products 18–20 "gone".
    const e = await rejection(read(cut));
    expect(e).toBeInstanceOf(StockFileError);
    expect((e as StockFileError).exitCode).toBe(ExitCode.invalidInput);
    const [problem] = (e as StockFileError).problems;
    expect(problem).toMatchObject({ code: 'stock-file-cut', line: 19, value: "3 of the header's 5 fields" });
    expect((e as Error).message).toMatch(/looks cut off: its last record \(line 19\) has 3 of the header's 5 fields and the file does not end with a line break\. Download it again/);
  });

  it('refuses a file cut inside a quoted value', async () => {
    const cut = whole.slice(0, whole.indexOf('SKU-17') + 'SKU-17;"Puzzle 1'.length);
    const e = await rejection(read(cut));
    expect((e as StockFileError).problems[0]).toMatchObject({ code: 'stock-file-cut', value: 'a value whose quote never closes' });
  });

  it('accepts a complete last record without a final line ending, and a short last record that does end with one', async () => {
    expect((await read(whole.trimEnd())).stats.goodRows).toBe(20);
    const shortLast = `${HEADER}\r\n${rows.slice(0, 19).join('\r\n')}\r\nSKU-19;Puzzle;19,90;4\r\n`;
    expect((await read(shortLast)).stats.goodRows).toBe(20);
  });

  it('reads the line ending in the file\'s encoding (UTF-16LE)', async () => {
    const bom = Buffer.from([0xff, 0xfe]);
    expect((await read(Buffer.concat([bom, iconv.encode(whole, 'utf-16le')]), 'u16.csv')).stats.goodRows).toBe(20);
    const cut = whole.slice(0, whole.indexOf('SKU-17') + 'SKU-17;"Puzzle 17 pezzi";27'.length);
    const e = await rejection(read(Buffer.concat([bom, iconv.encode(cut, 'utf-16le')]), 'u16-cut.csv'));
    expect((e as StockFileError).problems[0]?.code).toBe('stock-file-cut');
  });
});
