import type { ChannelId } from '../../domain/ids.js';
import { LISTING_RULES } from '../../channels/registry.js';
import { runOneOff } from '../../sync/run-one-off.js';
import { syncDepsFrom } from '../../app/sync-deps-from.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { failureLines } from '../render/run-report.js';
import { excludeSku, type ExcludeResult } from '../../app/exclude-sku.js';
import { ledgerSelectionInputs } from '../../app/ledger-inputs.js';
import { channelHooks } from '../../hooks/channel-hooks.js';
import { readShopStock } from '../../stock/read-shop-stock.js';

export interface DelistArgs {
  sku: string;
  channel: ChannelId;
  /** Also add the SKU to hooks.exclude. */
  exclude?: boolean;
}

/** Ends one listing now and unpins the product (a rule may select it again at the next sync). */
export async function run(args: DelistArgs, ctx: RunContext): Promise<CommandResult> {
  const loaded = await ctx.loadConfig();
  const report = await runOneOff(loaded, { command: 'delist', sku: args.sku, channel: args.channel }, syncDepsFrom(ctx));
  if (report.plan.actions.length === 0) ctx.out.print(`${args.channel} ${args.sku}: nothing live to end; unpinned.`);
  else if (report.failed.length === 0) ctx.out.print(`${args.channel} ${args.sku}: listing ended and unpinned.`);
  else ctx.out.print(['Failed:', ...failureLines(report.failed)].join('\n'));
  let excluded: ExcludeResult | undefined;
  if (args.exclude) {
    excluded = await excludeSku(loaded, args.sku);
    ctx.out.print(excluded.done ? `${args.sku} is in hooks.exclude (${excluded.file}): no rule lists it again.` : `${args.sku} was not added to hooks.exclude: ${excluded.howTo}.`);
  } else {
    // A rule that still selects it would list it again at the next sync: say so, and how to stop it.
    const stock = await readShopStock(loaded);
    const inputs = ledgerSelectionInputs(loaded, [args.channel], ctx.now()).get(args.channel) ?? {};
    const hook = channelHooks(loaded.config, stock, args.channel, LISTING_RULES[args.channel], inputs).selection.hooks.find((h) => h.item.sku === args.sku);
    if (hook) {
      ctx.out.log.warn(
        `${args.sku} is still selected on ${args.channel} by ${hook.rule === 'pinned' ? 'hooks.include' : `rule "${hook.rule}"`}: the next sync lists it again. ` +
          `To keep it off, add it to hooks.exclude, or run \`civetta delist ${args.sku} --channel ${args.channel} --exclude\`.`,
      );
    }
  }
  return { exitCode: report.exitCode, json: { ...report, ...(excluded ? { excluded } : {}) } };
}
