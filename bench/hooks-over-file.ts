import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { INGEST_COLUMNS } from './ingest-file.js';

const run = promisify(execFile);
const preload = new URL('./peak-rss.js', import.meta.url).href;
const cli = fileURLToPath(new URL('../../bin/civetta.js', import.meta.url));

/**
 * A shop of the bench's distributor list: both channels, two rules taking 40 hooks of the
 * list's puzzles and board games, as a shop that puts a few products of a long list online.
 */
function shopConfig(file: string): string {
  const party = '{ name: "Clementoni S.p.A.", street: "Zona Industriale Fontenoce", city: Recanati, postalCode: "62019", country: IT, email: sicurezza@clementoni.example }';
  return `shop: { name: "Bench", currency: EUR }
stock:
  file: ${JSON.stringify(file)}
  delimiter: ";"
  maxBadRowsPercent: 1
  columns: ${JSON.stringify(INGEST_COLUMNS)}
vat: { default: 0.22 }
productSafety:
  parties: { clementoni: ${party} }
  brands:
    Clementoni: { manufacturer: clementoni, responsiblePerson: clementoni, warnings: "Non adatto a bambini di età inferiore a 36 mesi." }
    Ravensburger: { manufacturer: clementoni, responsiblePerson: clementoni, warnings: "Non adatto a bambini di età inferiore a 36 mesi." }
hooks:
  limit: 40
  keepMargin: 3
  rules:
    - { name: puzzles, where: { category: [Puzzle], price: { max: 60 }, quantity: { min: 3 }, ean: present }, rank: margin, take: 30 }
    - { name: games, where: { category: ["Giochi da tavolo"] }, rank: margin }
channels:
  amazon:
    enabled: true
    environment: simulator
    marketplaceIds: [APJ6JRA9NG5V4]
    sellerId: A1CIVETTASIM
    endpoint: http://127.0.0.1:9/amazon
    tokenEndpoint: http://127.0.0.1:9/amazon/auth/o2/token
    pricing: { markup: 0.15, floorMargin: 0.08, feePercent: 0.1545, round: 0.99 }
    stock: { reserve: 1, max: 10 }
  ebay:
    enabled: true
    environment: simulator
    endpoint: http://127.0.0.1:9/ebay
    tokenEndpoint: http://127.0.0.1:9/ebay/identity/v1/oauth2/token
    marketplaceId: EBAY_IT
    merchantLocationKey: negozio
    policies: { fulfillment: f, payment: p, return: r }
    categories: { Puzzle: "2613", Giochi da tavolo: "180349" }
    pricing: { markup: 0.1, floorMargin: 0.08, feePercent: 0.129, feeFixed: 0.35, round: 0.9 }
    stock: { reserve: 1, max: 5 }
`;
}

/**
 * `civetta hooks` (the real CLI, in its own process) over a stock file: the read and the
 * selection on both channels, as a cron run makes them before any marketplace call. Nothing is
 * called: hooks reads the file and the (absent) ledger only.
 */
export async function hooksOverFile(dir: string, file: string): Promise<{ seconds: number; peakRssMb: number; hooks: number }> {
  const config = join(dir, 'civetta.config.yaml');
  await writeFile(config, shopConfig(file));
  const started = process.hrtime.bigint();
  const { stdout, stderr } = await run(process.execPath, ['--import', preload, cli, 'hooks', '--json', '--config', config], { cwd: dir, maxBuffer: 1 << 24 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /civetta-bench peakRssMb (\d+)/.exec(stderr);
  if (!peak) throw new Error(`civetta hooks printed no peak RSS: ${stderr.slice(-500)}`);
  const channels = (JSON.parse(stdout) as { channels: Record<string, { hooks: unknown[] }> }).channels;
  return { seconds, peakRssMb: Number(peak[1]), hooks: Object.values(channels).reduce((n, c) => n + c.hooks.length, 0) };
}
