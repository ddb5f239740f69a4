import { existsSync } from 'node:fs';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { ChannelId } from '../domain/ids.js';
import { openLedger } from '../ledger/database.js';
import { currentHooks } from '../ledger/history.js';
import { missingSince } from '../ledger/missing-hooks.js';
import { readOrders } from '../ledger/orders.js';
import { openOrderUnits } from '../orders/open-orders.js';
import type { ChannelHooksOptions } from '../hooks/channel-hooks.js';
import { unitsSold } from '../hooks/units-sold.js';
import { stockAsOf } from '../stock/read-shop-stock.js';

/**
 * What the ledger knows that shapes a selection, per channel: the current hooks (stable
 * selection) and since when any of them is missing from the stock file, units sold (rank: sales)
 * and units in open orders, read the way `sync` reads them at `now`. No ledger file yet (nothing synced): empty inputs, and no file is created.
 */
export function ledgerSelectionInputs(loaded: LoadedConfig, channels: readonly ChannelId[], now: Date): Map<ChannelId, ChannelHooksOptions> {
  const inputs = new Map<ChannelId, ChannelHooksOptions>();
  if (!existsSync(loaded.config.ledger)) {
    for (const c of channels) inputs.set(c, {});
    return inputs;
  }
  const ledger = openLedger(loaded.config.ledger);
  try {
    const sales = unitsSold(readOrders(ledger));
    const open = openOrderUnits(ledger, { stockAsOf: stockAsOf(loaded) });
    for (const c of channels) {
      inputs.set(c, { previous: currentHooks(ledger, c), missingSince: missingSince(ledger, c), now: now.toISOString(), sales, openOrderUnits: open });
    }
  } finally {
    ledger.close();
  }
  return inputs;
}
