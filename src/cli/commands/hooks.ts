import { minorToDecimal } from '../../domain/money.js';
import { LISTING_RULES } from '../../channels/registry.js';
import { commandHint } from '../render/command-hint.js';
import type { ChannelId } from '../../domain/ids.js';
import { ExitCode } from '../../errors.js';
import { channelHooks } from '../../hooks/channel-hooks.js';
import { openShop } from '../../app/open-shop.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { explainText, hooksTable } from '../render/hooks-table.js';

export interface HooksArgs {
  channel?: ChannelId;
  explain: boolean;
}

/**
 * Shows the hook selection per channel as the next sync would make it (read-only: the ledger is
 * only read, and only when it exists); --explain adds every rule's verdict per product.
 */
export async function run(args: HooksArgs, ctx: RunContext): Promise<CommandResult> {
  const shop = await openShop(ctx, args.channel ? { channel: args.channel } : {});
  const { loaded } = shop;
  const channels = shop.channels();
  const stock = await shop.stock();
  if (stock.stats.badRows) ctx.out.log.warn(`${stock.stats.badRows} bad row(s) in the stock file are left out (run \`${commandHint('validate', loaded.file)}\` to see them)`);
  // The same inputs sync uses: current hooks (stability), units sold (rank: sales), open orders.
  const inputs = shop.selectionInputs();
  const json: Record<string, unknown> = {};
  for (const channel of channels) {
    const result = channelHooks(loaded.config, stock, channel, LISTING_RULES[channel], { ...inputs.get(channel), explain: args.explain });
    ctx.out.print(args.explain ? `${explainText(result)}\n\n${hooksTable(result)}\n` : `${hooksTable(result)}\n`);
    json[channel] = {
      hooks: result.offers.map((o) => ({
        sku: o.sku,
        title: o.product.title,
        price: minorToDecimal(o.priceMinor),
        priceMinor: o.priceMinor,
        currency: o.currency,
        ...(o.floorMinor !== undefined ? { floorMinor: o.floorMinor } : {}),
        quantity: o.quantity,
        rule: o.reason,
      })),
      // Hooks whose row left the stock file: live at quantity 0 until `delistAfter` (hooks.missingGraceHours).
      missing: result.selection.missing.filter((m) => !m.expired).map(({ sku, rule, since, delistAfter }) => ({ sku, rule, since, delistAfter })),
      warnings: result.selection.warnings,
      ...(args.explain ? { verdicts: result.verdicts } : {}),
    };
  }
  return { exitCode: ExitCode.ok, json: { channels: json } };
}
