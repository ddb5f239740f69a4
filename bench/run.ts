/**
 * `npm run bench`: the speed and memory targets, measured on this machine. Each benchmark
 * prints its figures and whether it met its target; the exit code is 1 when any missed.
 */
import { benchAmazonFeedVsItems } from './amazon-feed-vs-items.js';
import { benchStockRead } from './stock-read.js';
import type { BenchResult } from './measure.js';

const benches: Array<() => Promise<BenchResult | BenchResult[]>> = [benchStockRead, benchAmazonFeedVsItems];

let missed = 0;
const results: BenchResult[] = [];
for (const bench of benches) {
  for (const result of [await bench()].flat()) {
    results.push(result);
    if (!result.met) missed++;
    const figures = Object.entries(result.figures).map(([k, v]) => `${k}=${v}`).join(' ');
    process.stdout.write(`${result.met ? 'met   ' : 'MISSED'} ${result.name}: ${figures} (target ${result.target})\n`);
  }
}
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(results)}\n`);
process.exitCode = missed ? 1 : 0;
