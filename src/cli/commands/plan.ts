import { existsSync } from 'node:fs';
import type { Channel } from '../../channels/channel.js';
import type { ChannelId } from '../../domain/ids.js';
import { ExitCode } from '../../errors.js';
import { openShop } from '../../app/open-shop.js';
import { IN_MEMORY, openLedger } from '../../ledger/database.js';
import { openOrderUnits } from '../../orders/open-orders.js';
import { preparePlan } from '../../sync/prepare-plan.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { renderPlan } from '../render/plan-table.js';

export interface PlanArgs {
  channel?: ChannelId;
  refresh: boolean;
}

/**
 * What a sync would do, without doing it: the same SyncPlan `sync` executes. With --refresh the
 * live listings are read first (drift, adoption). Writes nothing anywhere, takes no lock.
 */
export async function run(args: PlanArgs, ctx: RunContext): Promise<CommandResult> {
  const shop = await openShop(ctx, args.channel ? { channel: args.channel } : {});
  const { loaded } = shop;
  const channels = shop.channels();
  const progress = ctx.out.progress('Reading the stock file…');
  const stock = await shop.stock().catch((e: unknown) => {
    progress.fail();
    throw e;
  });
  // Looking never creates the ledger file.
  const ledger = openLedger(existsSync(loaded.config.ledger) ? loaded.config.ledger : IN_MEMORY);
  try {
    let live: Map<ChannelId, Channel> | undefined;
    if (args.refresh) {
      progress.update('Reading the live listings back…');
      live = shop.adapters();
      for (const adapter of live.values()) await adapter.authenticate();
    }
    progress.update('Planning…');
    const prepared = await preparePlan({
      loaded, ledger, channels, stock, now: ctx.now(), record: false, log: ctx.out.log,
      openOrderUnits: openOrderUnits(ledger, { stockAsOf: shop.stockAsOf() }),
      ...(live ? { live } : {}),
    });
    progress.done();
    ctx.out.print(renderPlan(prepared.plan));
    return { exitCode: prepared.stopped.length > 0 ? ExitCode.itemsFailed : ExitCode.ok, json: prepared.plan };
  } catch (error) {
    progress.fail();
    throw error;
  } finally {
    ledger.close();
  }
}
