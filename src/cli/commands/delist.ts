import type { ChannelId } from '../../domain/ids.js';
import { runOneOff } from '../../sync/run-one-off.js';
import { syncDepsFrom } from '../../app/sync-deps-from.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { failureLines } from '../render/run-report.js';

export interface DelistArgs {
  sku: string;
  channel: ChannelId;
}

/** Ends one listing now and unpins the product (a rule may select it again at the next sync). */
export async function run(args: DelistArgs, ctx: RunContext): Promise<CommandResult> {
  const loaded = await ctx.loadConfig();
  const report = await runOneOff(loaded, { command: 'delist', sku: args.sku, channel: args.channel }, syncDepsFrom(ctx));
  if (report.plan.actions.length === 0) ctx.out.print(`${args.channel} ${args.sku}: nothing live to end; unpinned.`);
  else if (report.failed.length === 0) ctx.out.print(`${args.channel} ${args.sku}: listing ended and unpinned.`);
  else ctx.out.print(['Failed:', ...failureLines(report.failed)].join('\n'));
  return { exitCode: report.exitCode, json: report };
}
