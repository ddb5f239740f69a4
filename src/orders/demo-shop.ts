import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StockItem } from '../domain/stock-item.js';
import { autoAsin, type CatalogEntry } from '../simulator/index.js';

/** The sample shop's config names the simulator at this origin (`civetta simulator --port 4010`). */
const SAMPLE_ORIGIN = 'http://127.0.0.1:4010';
const CONFIG = 'civetta.config.yaml';

/**
 * fixtures/shop of this installation: found by walking up from this module, so it works from
 * src/ (tsx, tests) and from dist/src/ (the built bin) alike.
 */
export function sampleShopDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'fixtures', 'shop');
    if (existsSync(join(candidate, CONFIG))) return candidate;
    if (dirname(dir) === dir) throw new Error('the sample shop (fixtures/shop) is not part of this installation');
  }
}

/**
 * Copies the sample shop to a new temp folder (never its ledger) and points its config at the
 * running simulator. Returns the folder and the config file.
 */
export function prepareDemoShop(simOrigin: string, source: string = sampleShopDir()): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'civetta-demo-'));
  cpSync(source, dir, { recursive: true, filter: (src) => !/^civetta\.db/.test(basename(src)) });
  const config = join(dir, CONFIG);
  writeFileSync(config, readFileSync(config, 'utf8').replaceAll(SAMPLE_ORIGIN, simOrigin));
  return { dir, config };
}

/**
 * Simulated Amazon catalogue entries for a shop's products (one per EAN, with the shop's own
 * title and brand), as the real catalogue knows branded goods: without them the simulator's
 * generic products ("Prodotto …", brand Generico) make every offer a catalogue mismatch.
 */
export function catalogFor(items: Iterable<StockItem>): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const i of items) if (i.ean) entries.push({ ean: i.ean, asin: autoAsin(i.ean), title: i.title, brand: i.brand ?? '', productType: 'TOY' });
  return entries;
}
