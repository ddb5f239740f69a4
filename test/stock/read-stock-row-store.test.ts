import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStock } from '../../src/stock/read-stock.js';

/**
 * A file longer than the store's chunks (64 rows): the reader's work on rows already written
 * (duplicates dropped, a later image row added) must reach them there.
 */
function longFile(): string {
  const lines = ['Codice;Descrizione;Prezzo;Giacenza;Immagine'];
  for (let n = 1; n <= 150; n++) {
    const sku = n === 140 ? 'P-1' : `P-${n}`; // line 142 repeats line 2's SKU, two chunks later
    const price = n === 100 ? 'tre' : '12,50'; // a bad row, repeating line 21's SKU
    lines.push(`${n === 100 ? 'P-20' : sku};Prodotto ${n};${price};${n % 7};http://negozio.example/${n}.jpg`);
    // Product 64 is the 64th good row: its chunk is written before this image row comes.
    if (n === 64) lines.push(';;;;https://negozio.example/64b.jpg');
  }
  const dir = mkdtempSync(join(tmpdir(), 'civetta-rows-'));
  const file = join(dir, 'stock.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('readStock: rows kept in the scratch database', () => {
  it('drops both rows of a SKU repeated across chunks and a good row whose SKU a bad row repeats; an image row reaches a written row', async () => {
    const r = await readStock({
      file: longFile(),
      encoding: 'auto',
      delimiter: 'auto',
      decimal: 'auto',
      quote: 'auto',
      columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza', image: 'Immagine' },
      maxBadRowsPercent: 10,
    });
    const duplicates = r.problems.filter((p) => p.code === 'duplicate-sku').map((p) => [p.line, p.sku]);
    expect(duplicates).toEqual([[2, 'P-1'], [21, 'P-20'], [102, 'P-20'], [142, 'P-1']]);
    expect(r.problems.find((p) => p.line === 21)?.message).toBe('SKU "P-20" appears on lines 21, 102; none of them is used until only one remains');
    const skus = [...r.items()].map((i) => i.sku);
    expect(skus).toHaveLength(146);
    expect(r.count).toBe(146);
    expect(r.stats).toMatchObject({ rows: 150, goodRows: 146, badRows: 4, ignoredRows: 1 });
    expect(skus).not.toContain('P-1');
    expect(skus).not.toContain('P-20');
    expect(r.item('P-1')).toBeUndefined();
    expect(r.item('P-20')).toBeUndefined();
    const product64 = r.item('P-64');
    expect(product64).toMatchObject({ line: 65, imageCount: 2, httpsImage: true });
    expect(r.longFields(product64 as NonNullable<typeof product64>).images).toEqual(['http://negozio.example/64.jpg', 'https://negozio.example/64b.jpg']);
    expect(r.item('P-65')).toMatchObject({ line: 67, imageCount: 1, httpsImage: false });
  });
});
