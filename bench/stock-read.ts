import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readStock } from '../src/stock/read-stock.js';
import { gtinCheckDigit } from '../src/stock/ean.js';
import { round, withPeakRss, type BenchResult } from './measure.js';

const HEADER = 'Codice;EAN;Descrizione;Marca;Categoria;Prezzo;Costo;Giacenza;Immagine;Note;IVA\r\n';

/** A till export the size of a large shop: Windows-1252, semicolons, decimal commas, accents. */
async function writeStockFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(iconv.encode(HEADER, 'win1252'));
  for (let i = 0; i < rows; i++) {
    const body = `800${String(i).padStart(9, '0')}`;
    const ean = body + String(gtinCheckDigit(body));
    const price = 500 + (i % 9000);
    const line = [
      `ART-${i}`,
      ean,
      `"Gioco numero ${i}; età 3+ — qualità €"`,
      i % 2 ? 'Clementoni' : 'Ravensburger',
      i % 3 ? 'Puzzle' : 'Giochi da tavolo',
      `${Math.floor(price / 100)},${String(price % 100).padStart(2, '0')}`,
      `${Math.floor(price / 200)},${String(price % 100).padStart(2, '0')}`,
      String(i % 40),
      `https://negozio.example/img/${i}.jpg`,
      '',
      '22',
    ].join(';');
    if (!out.write(iconv.encode(`${line}\r\n`, 'win1252'))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Target: a 100k-row file read at ≥ 20k rows/s in under 300 MB resident. */
export async function benchStockRead(rows = 100_000): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'civetta-bench-'));
  try {
    const file = join(dir, 'magazzino.csv');
    await writeStockFile(file, rows);
    const run = await withPeakRss(() =>
      readStock({
        file,
        encoding: 'auto',
        delimiter: 'auto',
        decimal: 'auto',
        quote: 'auto',
        columns: { sku: 'Codice', ean: 'EAN', title: 'Descrizione', brand: 'Marca', category: 'Categoria', price: 'Prezzo', cost: 'Costo', quantity: 'Giacenza', image: 'Immagine', vat: 'IVA' },
        maxBadRowsPercent: 1,
      }),
    );
    const rowsPerSecond = Math.round(rows / run.seconds);
    return {
      name: 'stock file read (Windows-1252, ;, decimal comma)',
      figures: { rows, goodRows: run.value.stats.goodRows, seconds: round(run.seconds), rowsPerSecond, peakRssMb: run.peakRssMb },
      target: '≥ 20000 rows/s, peak RSS < 300 MB, every row good',
      met: rowsPerSecond >= 20_000 && run.peakRssMb < 300 && run.value.stats.goodRows === rows,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
