// Shared by the sync e2e tests: run the built CLI against a test shop and read its ledger.
import Database from 'better-sqlite3';
import { LISTING_RULES } from '../../src/channels/registry.js';
import { loadConfig } from '../../src/config/load.js';
import type { ChannelId } from '../../src/domain/ids.js';
import { channelHooks } from '../../src/hooks/channel-hooks.js';
import { readShopStock } from '../../src/stock/read-shop-stock.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import type { TestShop } from '../support/shop.js';

export function civetta(shop: TestShop, ...args: string[]): Promise<CliRun> {
  return runCli(['--config', shop.configFile, ...args], { cwd: shop.dir.path, timeoutMs: 90_000 });
}

/** `civetta --json …` with stdout parsed. */
export async function civettaJson<T = Record<string, unknown>>(shop: TestShop, ...args: string[]): Promise<CliRun & { json: T }> {
  const run = await civetta(shop, '--json', ...args);
  let json: T;
  try {
    json = JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
  return { ...run, json };
}

/** The hook SKUs per channel as civetta's own selection computes them from the shop's files now. */
export async function expectedHooks(shop: TestShop): Promise<Record<ChannelId, string[]>> {
  const loaded = await loadConfig({ cwd: shop.dir.path, file: shop.configFile });
  const stock = await readShopStock(loaded);
  const of = (ch: ChannelId) => channelHooks(loaded.config, stock, ch, LISTING_RULES[ch]).offers.map((o) => o.sku).sort();
  return { amazon: of('amazon'), ebay: of('ebay') };
}

/** Reads the ledger with a plain connection (as an auditor would). */
export function ledgerRows<T>(shop: TestShop, sql: string, ...params: unknown[]): T[] {
  const db = new Database(shop.ledgerFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
