/**
 * One stock-file read in a fresh process, so its peak RSS is its own: `bare` streams the file
 * through iconv-lite and csv-parse and counts records (the floor); `civetta` runs the stock
 * reader. Prints { rows, seconds, peakRssMb }.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { readStock } from '../src/stock/read-stock.js';
import { INGEST_COLUMNS } from './ingest-file.js';

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'bare' && mode !== 'civetta')) throw new Error('usage: ingest-child bare|civetta FILE');

const started = process.hrtime.bigint();
let rows = 0;
if (mode === 'bare') {
  await pipeline(
    createReadStream(file),
    iconv.decodeStream('win1252'),
    parse({ delimiter: ';', columns: true, relax_quotes: true }),
    new Writable({
      objectMode: true,
      write(_record, _enc, done) {
        rows++;
        done();
      },
    }),
  );
} else {
  // The delimiter is stated, as a distributor list's config would: HTML descriptions full of commas and semicolons defeat sniffing.
  const result = await readStock({ file, encoding: 'auto', delimiter: ';', decimal: 'auto', quote: 'auto', columns: INGEST_COLUMNS, maxBadRowsPercent: 1 });
  rows = result.stats.goodRows;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ rows, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
