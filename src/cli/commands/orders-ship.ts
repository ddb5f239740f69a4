import { openShop } from '../../app/open-shop.js';
import { ExitCode } from '../../errors.js';
import { openLedger } from '../../ledger/database.js';
import { acquireLock } from '../../ledger/lock.js';
import { shipOrder } from '../../orders/ship-order.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';

export interface OrdersShipArgs {
  order: string;
  carrier?: string;
  carrierCode?: string;
  tracking: string;
}

/**
 * `civetta orders ship ORDER --carrier NAME|--carrier-code CODE --tracking T`: tracking to the
 * order's channel in its own carrier code, recorded in the ledger.
 */
export async function run(args: OrdersShipArgs, ctx: RunContext): Promise<CommandResult> {
  const shop = await openShop(ctx);
  const { loaded } = shop;
  const release = acquireLock(loaded.config.ledger, 'orders ship', ctx.now);
  try {
    const ledger = openLedger(loaded.config.ledger);
    try {
      const result = await shipOrder(ledger, (channel) => shop.adapter(channel), {
        orderId: args.order,
        ...(args.carrier !== undefined ? { carrier: args.carrier } : {}),
        ...(args.carrierCode !== undefined ? { carrierCode: args.carrierCode } : {}),
        tracking: args.tracking,
        now: ctx.now(),
      });
      const json = { ...result, tracking: args.tracking };
      if (!result.outcome.ok) {
        for (const e of result.outcome.errors) ctx.out.log.warn(`${result.channel} ${e.code}: ${e.message}${e.explanation ? ` — ${e.explanation}` : ''}`);
        ctx.out.print(`Tracking for ${result.channel} order ${result.orderId} was refused; nothing recorded.`);
        return { exitCode: ExitCode.itemsFailed, json };
      }
      const units = result.lines.reduce((n, l) => n + l.quantity, 0);
      ctx.out.print(
        `Tracking ${args.tracking} (${result.carrier.name}, code ${result.carrier.code}) sent to ${result.channel} for order ${result.orderId}: ${result.lines.length} line(s), ${units} unit(s)` +
          `${result.outcome.reference ? ` — reference ${result.outcome.reference}` : ''}.`,
      );
      return { exitCode: ExitCode.ok, json };
    } finally {
      ledger.close();
    }
  } finally {
    release();
  }
}
