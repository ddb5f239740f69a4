import { ExitCode, InputError } from '../../errors.js';
import { openLedger } from '../../ledger/database.js';
import { acquireLock } from '../../ledger/lock.js';
import { purgePii } from '../../orders/purge-pii.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';

export interface OrdersPurgePiiArgs {
  /** Days after shipment; default `orders.piiRetentionDays`. */
  olderThan?: number;
}

/** `civetta orders purge-pii`: erases buyer names and addresses kept past the retention period. */
export async function run(args: OrdersPurgePiiArgs, ctx: RunContext): Promise<CommandResult> {
  const loaded = await ctx.loadConfig();
  const days = args.olderThan ?? loaded.config.orders.piiRetentionDays;
  if (!Number.isInteger(days) || days < 0) throw new InputError(`--older-than must be a whole number of days ≥ 0 (got ${String(days)}).`);
  const release = acquireLock(loaded.config.ledger, 'orders purge-pii', ctx.now);
  try {
    const ledger = openLedger(loaded.config.ledger);
    try {
      const result = purgePii(ledger, { olderThanDays: days, now: ctx.now() });
      ctx.out.print(`Buyer data erased from ${result.purged} order(s) shipped or closed before ${result.cutoff.slice(0, 10)} (${days} days).`);
      return { exitCode: ExitCode.ok, json: { ...result, olderThanDays: days } };
    } finally {
      ledger.close();
    }
  } finally {
    release();
  }
}
