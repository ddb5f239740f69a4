import type { Config } from '../config/schema.js';
import type { Ledger } from '../ledger/database.js';
import { lastAcceptedStockRows } from '../ledger/history.js';
import { checkGuards, type GuardTrip } from '../plan/guards.js';
import type { PreparedPlan } from './prepare-plan.js';

/** Every guard the prepared plan trips, with the ledger's memory of the last accepted stock file. */
export function evaluateGuards(ledger: Ledger, config: Config, stockRows: number, prepared: PreparedPlan): GuardTrip[] {
  const lastRows = lastAcceptedStockRows(ledger);
  return checkGuards({
    safety: config.safety,
    stockRows,
    ...(lastRows !== undefined ? { lastAcceptedRows: lastRows } : {}),
    actions: prepared.plan.actions,
    refused: prepared.plan.refused,
    liveCount: Object.fromEntries(prepared.channels.map((c) => [c.channel, c.liveCount])),
  });
}
