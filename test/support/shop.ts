// A test shop built from fixtures/shop: the sample config pointed at a running simulator, a
// UTF-8 stock file the test can edit row by row, and the ledger beside them in a temp folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Simulator } from '../../src/simulator/index.js';
import { tempDir, type TempDir } from './temp-dir.js';

/** js-yaml comes with cosmiconfig and has no type declarations; only load and dump are used. */
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown; dump(value: unknown): string };

const FIXTURE = fileURLToPath(new URL('../../fixtures/shop/', import.meta.url));

/** One stock-file row, keyed by the fixture's own headers (Codice, EAN, Prezzo, Giacenza, …). */
export type StockRow = Record<string, string>;

export interface TestShop {
  dir: TempDir;
  configFile: string;
  stockFile: string;
  ledgerFile: string;
  rows: StockRow[];
  /** Rewrites the stock file from `rows`. */
  writeStock(rows?: StockRow[]): void;
  /** Changes one row's fields (e.g. { Giacenza: '2' }) and rewrites the file. */
  setRow(sku: string, patch: StockRow): void;
  /** Drops one row and rewrites the file. */
  removeRow(sku: string): void;
  /** Edits the YAML config in place (free-form, as a shop owner would). */
  // biome-ignore lint/suspicious/noExplicitAny: free-form YAML edited in place
  editConfig(edit: (config: Record<string, any>) => void): void;
  cleanup(): void;
}

export interface TestShopOptions {
  /** Channels to enable (default both). */
  channels?: Array<'amazon' | 'ebay'>;
  /** Hooks per channel (default 4: a full sync stays quick). */
  hooksLimit?: number;
  /** Overrides of the `safety` section. */
  safety?: Record<string, number>;
  /** Overrides of the `sync` section. */
  sync?: Record<string, unknown>;
  /** Extra keys of one channel's section (e.g. { amazon: { feedThreshold: 1 } }). */
  channelKeys?: Partial<Record<'amazon' | 'ebay', Record<string, unknown>>>;
  /** The channels' `environment` (default the fixture's `simulator`). */
  environment?: 'production' | 'sandbox' | 'simulator';
}

/** Where the shop's channels point: a running simulator, or a scripted loopback server with the same paths. */
export type ShopTarget = Pick<Simulator, 'endpoints'> & { amazon: { sellerId: string } };

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The fixture's rows (UTF-8 copy of the till export). */
export function fixtureRows(): StockRow[] {
  return parse(readFileSync(join(FIXTURE, 'stock/magazzino-utf8.csv'), 'utf8'), { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as StockRow[];
}

export function createTestShop(sim: ShopTarget, opts: TestShopOptions = {}): TestShop {
  const dir = tempDir('civetta-shop-');
  // biome-ignore lint/suspicious/noExplicitAny: free-form YAML edited in place
  const config = yaml.load(readFileSync(join(FIXTURE, 'civetta.config.yaml'), 'utf8')) as Record<string, any>;
  const channels = opts.channels ?? ['amazon', 'ebay'];
  config.stock.file = './stock.csv';
  config.stock.encoding = 'utf-8';
  config.stock.delimiter = ',';
  config.stock.decimal = '.';
  config.hooks.limit = opts.hooksLimit ?? 4;
  config.ledger = './civetta.db';
  config.channels.amazon = { ...config.channels.amazon, ...sim.endpoints.amazon, sellerId: sim.amazon.sellerId, enabled: channels.includes('amazon') };
  // The fixture's business policy ids are the simulator's defaults already.
  config.channels.ebay = { ...config.channels.ebay, ...sim.endpoints.ebay, enabled: channels.includes('ebay') };
  for (const [id, keys] of Object.entries(opts.channelKeys ?? {})) Object.assign(config.channels[id], keys);
  if (opts.environment) for (const id of ['amazon', 'ebay']) config.channels[id].environment = opts.environment;
  if (opts.safety) config.safety = { ...config.safety, ...opts.safety };
  if (opts.sync) config.sync = { ...config.sync, ...opts.sync };
  const configFile = join(dir.path, 'civetta.config.yaml');
  writeFileSync(configFile, yaml.dump(config));
  const stockFile = join(dir.path, 'stock.csv');
  const headers = Object.keys(fixtureRows()[0] ?? {});
  const shop: TestShop = {
    dir,
    configFile,
    stockFile,
    ledgerFile: join(dir.path, 'civetta.db'),
    rows: fixtureRows(),
    writeStock(rows = shop.rows) {
      shop.rows = rows;
      const lines = [headers.join(','), ...rows.map((r) => headers.map((h) => quote(r[h] ?? '')).join(','))];
      writeFileSync(stockFile, `${lines.join('\n')}\n`);
    },
    setRow(sku, patch) {
      shop.writeStock(shop.rows.map((r) => (r.Codice === sku ? { ...r, ...patch } : r)));
    },
    removeRow(sku) {
      shop.writeStock(shop.rows.filter((r) => r.Codice !== sku));
    },
    editConfig(edit) {
      // biome-ignore lint/suspicious/noExplicitAny: free-form YAML edited in place
      const current = yaml.load(readFileSync(configFile, 'utf8')) as Record<string, any>;
      edit(current);
      writeFileSync(configFile, yaml.dump(current));
    },
    cleanup: () => dir.cleanup(),
  };
  shop.writeStock();
  return shop;
}
