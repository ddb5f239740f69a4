import { existsSync } from 'node:fs';
import { ExitCode } from '../../errors.js';
import { IN_MEMORY, openLedger } from '../../ledger/database.js';
import { orderHealth } from '../../reports/order-health.js';
import { syncStatus } from '../../sync/sync-status.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { renderOrderHealth } from '../render/orders-health.js';
import { renderSyncStatus } from '../render/status-view.js';

/** `civetta status` takes no flags of its own. */
export type StatusArgs = Record<string, never>;

/** Last runs, failures, listings per channel, and orders past their handling time. Reads only. */
export async function run(_args: StatusArgs, ctx: RunContext): Promise<CommandResult> {
  const loaded = await ctx.loadConfig();
  // Looking never creates the ledger file.
  const ledger = openLedger(existsSync(loaded.config.ledger) ? loaded.config.ledger : IN_MEMORY);
  try {
    const sync = syncStatus(ledger);
    const orders = orderHealth(ledger, ctx.now(), loaded.config.shop.handlingDays);
    ctx.out.print(`${renderSyncStatus(sync, loaded.config.hooks.missingGraceHours)}\n\n${renderOrderHealth(orders)}`);
    return { exitCode: ExitCode.ok, json: { ...sync, orders } };
  } finally {
    ledger.close();
  }
}
