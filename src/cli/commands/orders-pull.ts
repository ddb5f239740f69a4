import { openShop } from '../../app/open-shop.js';
import type { ChannelId } from '../../domain/ids.js';
import { ExitCode, InputError } from '../../errors.js';
import { openLedger } from '../../ledger/database.js';
import { acquireLock } from '../../ledger/lock.js';
import { pullAuthFailure, pullOrders } from '../../orders/pull-orders.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { renderPullReport } from '../render/orders-pull-report.js';

export interface OrdersPullArgs {
  channel?: ChannelId;
  /** ISO date-time to read from instead of the stored cursor. */
  since?: string;
}

/** `civetta orders pull`: new and changed orders from every enabled channel into the ledger. */
export async function run(args: OrdersPullArgs, ctx: RunContext): Promise<CommandResult> {
  const since = args.since === undefined ? undefined : new Date(args.since);
  if (since && Number.isNaN(since.getTime())) throw new InputError(`--since must be an ISO date or date-time, e.g. 2026-11-01T00:00:00Z (got "${args.since}").`);
  const shop = await openShop(ctx, args.channel ? { channel: args.channel } : {});
  const { loaded } = shop;
  const channels = shop.adapters();
  const products = await shop.products();
  const release = acquireLock(loaded.config.ledger, 'orders pull', ctx.now);
  try {
    const ledger = openLedger(loaded.config.ledger);
    try {
      const progress = ctx.out.progress('Pulling orders');
      const { orders } = loaded.config;
      const report = await pullOrders(ledger, channels, {
        now: ctx.now(), overlapMinutes: orders.overlapMinutes, firstPullDays: orders.firstPullDays, log: ctx.out.log,
        onProgress: (text) => progress.update(`Pulling orders — ${text}`),
        ...(since ? { since } : {}), ...(products ? { products } : {}),
      });
      const failed = report.channels.some((c) => c.error);
      if (failed) progress.fail('Orders pull finished with failures');
      else progress.done();
      ctx.out.print(renderPullReport(report));
      const refused = pullAuthFailure(report);
      if (refused) throw refused;
      return { exitCode: failed ? ExitCode.itemsFailed : ExitCode.ok, json: report };
    } finally {
      ledger.close();
    }
  } finally {
    release();
  }
}
