import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChannelId } from '../../domain/ids.js';
import { ExitCode, InputError } from '../../errors.js';
import { IN_MEMORY, openLedger } from '../../ledger/database.js';
import { readOrders } from '../../ledger/orders.js';
import { buildExportRows } from '../../orders/export-rows.js';
import { exportJsonRecords, formatExport, type ExportFormat, type ExportStyle } from '../../orders/format-export.js';
import type { StoredOrder } from '../../domain/stored-order.js';
import { openShop } from '../../app/open-shop.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';

export interface OrdersExportArgs {
  from?: string;
  to?: string;
  channel?: ChannelId;
  format?: ExportFormat;
  out?: string;
  /** plain (default) or it: semicolon, decimal comma, BOM. */
  style?: ExportStyle;
  /** commander's `--no-pii` sets this to false. */
  pii?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(flag: string, value: string | undefined): void {
  if (value !== undefined && (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
    throw new InputError(`${flag} must be a day as YYYY-MM-DD (got "${value}").`);
  }
}

/** `civetta orders export`: order lines for accounting as CSV (plain or Italian) or JSON, to stdout or a file. */
export async function run(args: OrdersExportArgs, ctx: RunContext): Promise<CommandResult> {
  checkDay('--from', args.from);
  checkDay('--to', args.to);
  if (args.from && args.to && args.from > args.to) throw new InputError(`--from ${args.from} is after --to ${args.to}.`);
  const format = args.format ?? 'csv';
  const style = args.style ?? 'plain';
  if (format !== 'csv' && format !== 'json') throw new InputError(`--format must be csv or json (got "${String(format)}").`);
  if (style !== 'plain' && style !== 'it') throw new InputError(`--style must be plain or it (got "${String(style)}").`);
  const includePii = args.pii !== false;
  const shop = await openShop(ctx);
  const { loaded } = shop;
  const products = await shop.products();
  // Reading never creates the ledger file (an empty in-memory ledger stands in, as for status).
  const ledger = openLedger(existsSync(loaded.config.ledger) ? loaded.config.ledger : IN_MEMORY);
  let orders: StoredOrder[];
  try {
    orders = readOrders(ledger, args.channel ? { channel: args.channel } : {});
  } finally {
    ledger.close();
  }
  const rows = buildExportRows(orders, {
    includePii,
    timeZone: loaded.config.shop.timeZone,
    ...(args.from ? { from: args.from } : {}),
    ...(args.to ? { to: args.to } : {}),
    ...(args.channel ? { channel: args.channel } : {}),
    ...(products ? { products } : {}),
    ...(loaded.config.vat.default !== undefined ? { defaultVatRate: loaded.config.vat.default } : {}),
  });
  const text = formatExport(rows, { format, style, includePii });
  if (args.out) {
    const file = resolve(ctx.cwd, args.out);
    await writeFileAtomic(file, text);
    ctx.out.print(`${rows.length} order line(s) written to ${file}`);
    return { exitCode: ExitCode.ok, json: { file, rows: rows.length, format, style } };
  }
  // Under --json stdout carries only the JSON result, so the rows travel inside it.
  if (!ctx.out.json) ctx.out.print(text);
  return { exitCode: ExitCode.ok, json: { rows: exportJsonRecords(rows, includePii) } };
}
