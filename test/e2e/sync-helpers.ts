// Shared by the sync e2e tests: the hooks civetta would choose now, and the ledger as an auditor reads it.
import Database from 'better-sqlite3';
import { LISTING_RULES } from '../../src/channels/registry.js';
import { loadConfig } from '../../src/config/load.js';
import type { ChannelId } from '../../src/domain/ids.js';
import { channelHooks } from '../../src/hooks/channel-hooks.js';
import { readShopStock } from '../../src/stock/read-shop-stock.js';
import type { TestShop } from '../support/shop.js';

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
