/**
 * `npm run bench`: the speed and memory targets, measured on this machine, printed as a
 * Markdown table (BENCHMARKS.md holds the latest run). The exit code is 1 when any target was
 * missed. `--only TEXT` runs the benchmarks whose name contains TEXT; `--json` adds the raw
 * results as one JSON line.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { benchAmazonFeedVsItems } from './amazon-feed-vs-items.js';
import { benchAmazonPush } from './amazon-push.js';
import type { BenchResult } from './measure.js';
import { benchOrdersPull } from './orders-pull.js';
import { benchStockIngest } from './stock-ingest.js';
import { benchDemoFirstSync, benchEbayFirstListing, benchNoOpSync } from './sync-runs.js';

const benches: Array<{ name: string; run: () => Promise<BenchResult | BenchResult[]> }> = [
  { name: 'ingest 200k long', run: () => benchStockIngest(200_000, true) },
  { name: 'ingest 1M short', run: () => benchStockIngest(1_000_000, false) },
  { name: 'amazon push 200', run: () => benchAmazonPush(200, 2) },
  { name: 'amazon push 5000', run: () => benchAmazonPush(5_000, 10) },
  { name: 'amazon list feed-vs-items', run: benchAmazonFeedVsItems },
  { name: 'demo first sync', run: benchDemoFirstSync },
  { name: 'ebay first listing 200', run: () => benchEbayFirstListing(200) },
  { name: 'no-op sync 1000', run: () => benchNoOpSync(1_000) },
  { name: 'orders pull 20000', run: () => benchOrdersPull(20_000) },
];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const cpu = cpus();
const started = Date.now();
process.stdout.write(
  `civetta bench — ${new Date(started).toISOString()}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ` +
    `${Math.round(totalmem() / 1024 ** 3)} GB RAM, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`,
);
process.stdout.write('| | benchmark | figures | target |\n| --- | --- | --- | --- |\n');

const cell = (text: string) => text.replaceAll('|', '\\|');
let missed = 0;
const results: BenchResult[] = [];
for (const bench of benches) {
  if (only && !bench.name.includes(only)) continue;
  for (const result of [await bench.run()].flat()) {
    results.push(result);
    if (!result.met) missed++;
    const figures = Object.entries(result.figures).map(([k, v]) => `${k} ${v}`).join(', ');
    process.stdout.write(`| ${result.met ? 'met' : '**missed**'} | ${cell(result.name)} | ${cell(figures)} | ${cell(result.target)} |\n`);
  }
}
process.stdout.write(`\n${results.length - missed} of ${results.length} targets met in ${Math.round((Date.now() - started) / 1000)} s.\n`);
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(results)}\n`);
process.exitCode = missed ? 1 : 0;
