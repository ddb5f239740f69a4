import { existsSync, statSync } from 'node:fs';
import type { Channel } from '../../channels/channel.js';
import type { ChannelId } from '../../domain/ids.js';
import { ExitCode, InputError } from '../../errors.js';
import { createChannels } from '../../channels/registry.js';
import { enabledChannels } from '../../config/enabled-channels.js';
import { readShopStock } from '../../stock/read-shop-stock.js';
import { IN_MEMORY, openLedger } from '../../ledger/database.js';
import { openOrderUnits } from '../../orders/open-orders.js';
import { evaluateGuards } from '../../sync/evaluate-guards.js';
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
  const loaded = await ctx.loadConfig();
  const channels = enabledChannels(loaded, args.channel);
  if (channels.length === 0) throw new InputError(args.channel ? `The ${args.channel} channel is not configured and enabled.` : 'No channel is configured and enabled.');
  const stock = await readShopStock(loaded);
  // Looking never creates the ledger file.
  const ledger = openLedger(existsSync(loaded.config.ledger) ? loaded.config.ledger : IN_MEMORY);
  try {
    let live: Map<ChannelId, Channel> | undefined;
    if (args.refresh) {
      live = createChannels(loaded, ctx.env, { log: ctx.out.log, now: () => ctx.now().getTime() }, args.channel);
      for (const adapter of live.values()) await adapter.authenticate();
    }
    const prepared = await preparePlan({
      loaded, ledger, channels, stock, now: ctx.now(), record: false, log: ctx.out.log,
      openOrderUnits: openOrderUnits(ledger, { stockAsOf: statSync(loaded.config.stock.file).mtime }),
      ...(live ? { live } : {}),
    });
    prepared.plan.guards = evaluateGuards(ledger, loaded.config, stock.stats.rows, prepared);
    ctx.out.print(renderPlan(prepared.plan));
    return { exitCode: prepared.stopped.length > 0 ? ExitCode.itemsFailed : ExitCode.ok, json: prepared.plan };
  } finally {
    ledger.close();
  }
}
