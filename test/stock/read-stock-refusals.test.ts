import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, InputError } from '../../src/errors.js';
import { readStock } from '../../src/stock/read-stock.js';
import { StockFileError } from '../../src/stock/stock-file-error.js';
import { FIXTURES, readCase, rejection } from './fixture.js';

const columns = { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' };
const options = (file: string) => ({ file, encoding: 'auto', delimiter: 'auto', decimal: 'auto', quote: 'auto', columns, maxBadRowsPercent: 10 }) as const;

describe('readStock: refusals (InputError, exit 2)', () => {
  it('refuses a missing file', async () => {
    const file = join(FIXTURES, 'stock', 'nope.csv');
    const e = await rejection(readStock(options(file)));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(ExitCode.invalidInput);
    expect((e as StockFileError).problems.map((p) => [p.code, p.value])).toEqual([['stock-file-missing', file]]);
    expect((e as Error).message).toBe(`the stock file ${file} does not exist`);
  });

  it('refuses a directory', async () => {
    const e = await rejection(readStock(options(join(FIXTURES, 'stock'))));
    expect((e as StockFileError).problems.map((p) => p.code)).toEqual(['stock-file-unreadable']);
  });

  it('refuses an empty file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civetta-refuse-'));
    writeFileSync(join(dir, 'empty.csv'), '\r\n\r\n');
    const e = await rejection(readStock(options(join(dir, 'empty.csv'))));
    expect((e as StockFileError).problems.map((p) => p.code)).toEqual(['stock-file-empty']);
  });

  it('refuses a file missing a mapped column, naming it and the headers found', async () => {
    const e = await rejection(readCase('missing-column', 'stock.csv'));
    expect(e).toBeInstanceOf(StockFileError);
    expect((e as Error).message).toBe(
      `the stock file ${join(FIXTURES, 'stock', 'missing-column', 'stock.csv')} has no column "Giacenza"; headers found: "Codice", "EAN", "Descrizione", "Prezzo", "Quantita venduta"`,
    );
    expect((e as StockFileError).problems.map((p) => [p.code, p.line, p.column, p.key])).toEqual([['missing-column', 1, 'Giacenza', 'stock.columns.quantity']]);
    expect((e as StockFileError).details).toHaveLength(1);
  });

  it('stops looking for the header after a few lines and names the first line\'s headers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civetta-refuse-'));
    const rows = Array.from({ length: 50 }, (_, i) => `X-${i};Articolo;1,00;1`);
    writeFileSync(join(dir, 'nohead.csv'), ['Codice;Descrizione;Prezzo;Qta', ...rows, ''].join('\n'));
    const e = await rejection(readStock(options(join(dir, 'nohead.csv'))));
    expect((e as Error).message).toMatch(/has no column "Giacenza"; headers found: "Codice", "Descrizione", "Prezzo", "Qta"$/);
    expect((e as StockFileError).problems.map((p) => [p.code, p.line])).toEqual([['missing-column', 1]]);
  });

  it('refuses a file whose bad rows pass the threshold, listing them', async () => {
    const e = await rejection(readCase('over-threshold', 'stock.csv'));
    expect((e as Error).message).toMatch(/^3 of 10 rows \(30%\) of .*over-threshold\/stock\.csv are bad, more than stock\.maxBadRowsPercent \(10%\): the file is refused$/);
    expect((e as StockFileError).problems.map((p) => [p.code, p.line])).toEqual([
      ['bad-rows-threshold', undefined],
      ['price-invalid', 4],
      ['quantity-negative', 7],
      ['missing-sku', 10],
    ]);
    expect((e as StockFileError).details[1]).toMatch(/over-threshold\/stock\.csv, line 4, column "Prezzo": error: the price is not an amount \[price-invalid\] \(found "gratis", expected an amount like 12,50 or 1\.234,50\)$/);
  });

  it('accepts bad rows exactly at the threshold', async () => {
    const r = await readCase('over-threshold', 'stock.csv', { maxBadRowsPercent: 30 });
    expect(r.stats).toMatchObject({ rows: 10, goodRows: 7, badRows: 3 });
  });
});
