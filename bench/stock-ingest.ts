import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { hooksOverFile } from './hooks-over-file.js';
import { writeIngestFile } from './ingest-file.js';
import { round, type BenchResult } from './measure.js';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./ingest-child.js', import.meta.url));

async function read(mode: 'bare' | 'civetta', file: string): Promise<{ rows: number; seconds: number; peakRssMb: number }> {
  const { stdout } = await run(process.execPath, [child, mode, file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as { rows: number; seconds: number; peakRssMb: number };
}

/**
 * The stock reader against a bare iconv-lite + csv-parse stream of the same file, each in its
 * own process. Target: ≤ 1.5× the bare time, peak RSS ≤ 300 MB and ≤ 1.5× the bare one. Then
 * `civetta hooks` over the same file: what a shop's cron run holds before its first call.
 */
export async function benchStockIngest(rows: number, longText: boolean): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'civetta-bench-ingest-'));
  try {
    const file = join(dir, 'listino.csv');
    await writeIngestFile(file, rows, longText);
    const sizeMb = Math.round((await stat(file)).size / 1024 / 1024);
    const bare = await read('bare', file);
    const ours = await read('civetta', file);
    const hooks = await hooksOverFile(dir, file);
    const timeRatio = ours.seconds / bare.seconds;
    const rssRatio = ours.peakRssMb / bare.peakRssMb;
    const what = `${rows.toLocaleString('en')} rows${longText ? ' with 1 KB descriptions' : ', short'} (${sizeMb} MB)`;
    const reading: BenchResult = {
      name: `stock file read, ${what}`,
      figures: {
        seconds: round(ours.seconds), bareSeconds: round(bare.seconds), timeRatio: round(timeRatio),
        peakRssMb: ours.peakRssMb, barePeakRssMb: bare.peakRssMb, rssRatio: round(rssRatio), goodRows: ours.rows,
      },
      target: '≤ 1.5× the bare stream’s time, peak RSS ≤ 300 MB and ≤ 1.5× the bare one, every row good',
      met: timeRatio <= 1.5 && ours.peakRssMb <= 300 && rssRatio <= 1.5 && ours.rows === rows,
    };
    const selected: BenchResult = {
      name: `civetta hooks, both channels, over the same ${what}`,
      figures: { seconds: round(hooks.seconds), peakRssMb: hooks.peakRssMb, rssRatioToBare: round(hooks.peakRssMb / bare.peakRssMb), hooks: hooks.hooks },
      target: 'peak RSS ≤ 300 MB, 80 hooks (40 a channel)',
      met: hooks.peakRssMb <= 300 && hooks.hooks === 80,
    };
    return [reading, selected];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
