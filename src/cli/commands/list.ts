import { decimalToMinor, minorToDecimal } from '../../domain/money.js';
import type { ChannelId } from '../../domain/ids.js';
import { InputError } from '../../errors.js';
import { runOneOff } from '../../sync/run-one-off.js';
import { syncDepsFrom } from '../../app/sync-deps-from.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { renderPlan } from '../render/plan-table.js';
import { failureLines } from '../render/run-report.js';

export interface ListArgs {
  sku: string;
  channel: ChannelId;
  /** Channel price as typed (`12.90`, or `12,90`). */
  price?: string;
  quantity?: number;
}

/** Lists or updates one product now, even if no rule selects it; it stays (pinned) until `delist`. */
export async function run(args: ListArgs, ctx: RunContext): Promise<CommandResult> {
  const loaded = await ctx.loadConfig();
  let priceMinor: number | undefined;
  if (args.price !== undefined) {
    priceMinor = decimalToMinor(args.price.replace(',', '.'));
    if (priceMinor === undefined || priceMinor <= 0) throw new InputError(`--price must be a positive amount such as 12.90 (got "${args.price}").`);
  }
  const report = await runOneOff(
    loaded,
    { command: 'list', sku: args.sku, channel: args.channel, ...(priceMinor !== undefined ? { priceMinor } : {}), ...(args.quantity !== undefined ? { quantity: args.quantity } : {}) },
    syncDepsFrom(ctx),
  );
  ctx.out.print(renderPlan(report.plan));
  const l = report.listing;
  if (l) ctx.out.print(`${args.channel} ${args.sku}: ${l.status}, price ${minorToDecimal(l.priceMinor)}, quantity ${l.quantity}${l.pinned ? ', pinned' : ''}`);
  if (report.failed.length > 0) ctx.out.print(['Failed:', ...failureLines(report.failed)].join('\n'));
  return { exitCode: report.exitCode, json: report };
}
