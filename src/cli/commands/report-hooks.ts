import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import { configAmountToMinor } from '../../pricing/amounts.js';
import { IN_MEMORY, openLedger } from '../../ledger/database.js';
import { readOrders } from '../../ledger/orders.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import { buildHookReport, type HookReport } from '../../reports/hook-report.js';
import { readHookPeriods } from '../../reports/hook-periods.js';
import type { ProductLookup } from '../../domain/stored-order.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { renderHookReportHtml } from '../render/hook-report-html.js';
import { shopLanguage } from '../render/shop-language.js';
import { renderHookReportText } from '../render/hook-report-text.js';
import { openShop } from '../../app/open-shop.js';
import type { LoadedConfig } from '../../config/loaded-config.js';

export interface ReportHooksArgs {
  since?: string;
  html?: string;
  /** Flag hooks without a sale in this many days (default 30). */
  idleDays?: number | string;
}

/** A hook that sold nothing for a month is worth rotating out: the default of `--idle-days`. */
export const DEFAULT_IDLE_DAYS = 30;

/** Builds the hook report from the ledger, the stock file's facts (cost, VAT) and the channels' fee settings. */
export function hookReport(loaded: LoadedConfig, o: { products: ProductLookup | undefined; now: Date; since?: string; idleDays: number }): HookReport {
  const { products } = o;
  // Reading never creates the ledger file (an empty in-memory ledger stands in, as for status).
  const ledger = openLedger(existsSync(loaded.config.ledger) ? loaded.config.ledger : IN_MEMORY);
  try {
    const { channels } = loaded.config;
    return buildHookReport({
      periods: readHookPeriods(ledger),
      orders: readOrders(ledger),
      ...(products ? { products } : {}),
      ...(loaded.config.vat.default !== undefined ? { defaultVatRate: loaded.config.vat.default } : {}),
      estimateFees: (channel, gross) => {
        const p = channels[channel]?.pricing;
        return p ? Math.round(gross * p.feePercent) + configAmountToMinor(p.feeFixed) : undefined;
      },
      now: o.now,
      ...(o.since ? { since: o.since } : {}),
      idleDays: o.idleDays,
      currency: loaded.config.shop.currency,
    });
  } finally {
    ledger.close();
  }
}

/** `civetta report hooks`: per hook product and channel, orders, units, revenue and margin; `--html` draws it. */
export async function run(args: ReportHooksArgs, ctx: RunContext): Promise<CommandResult> {
  if (args.since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(args.since) || Number.isNaN(Date.parse(args.since)))) {
    throw new InputError(`--since must be a day as YYYY-MM-DD (got "${args.since}").`);
  }
  const idleDays = args.idleDays === undefined ? DEFAULT_IDLE_DAYS : Number(args.idleDays);
  if (!Number.isInteger(idleDays) || idleDays < 1) throw new InputError(`--idle-days must be a whole number ≥ 1 (got ${String(args.idleDays)}).`);
  const shop = await openShop(ctx);
  const { loaded } = shop;
  const report = hookReport(loaded, { products: await shop.products(), now: ctx.now(), ...(args.since ? { since: args.since } : {}), idleDays });
  ctx.out.print(renderHookReportText(report, undefined, loaded.file));
  let html: string | undefined;
  if (args.html) {
    html = resolve(ctx.cwd, args.html);
    await writeFileAtomic(html, renderHookReportHtml(report, loaded.config.shop.name, shopLanguage(loaded.config)));
    ctx.out.print(`Chart written to ${html}`);
  }
  return { exitCode: ExitCode.ok, json: { ...report, ...(html ? { html } : {}) } };
}
