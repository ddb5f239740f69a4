import { commandHint } from './command-hint.js';
import { minorToDecimal } from '../../domain/money.js';
import type { HookReport } from '../../reports/hook-report.js';

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** The hook report as a plain-text table for the terminal. */
export function renderHookReportText(report: HookReport, topN?: number, configFile?: string): string {
  if (report.hooks.length === 0) return `No hooks in the ledger yet: run \`${commandHint('sync', configFile)}\` first.`;
  const hooks = topN === undefined ? report.hooks : report.hooks.slice(0, topN);
  const m = (v: number | undefined) => (v === undefined ? '–' : minorToDecimal(v));
  const rows = [['SKU', 'channel', 'orders', 'units', `revenue ${report.currency}`, 'fees', 'margin', 'title']];
  for (const h of hooks) {
    for (const c of h.channels) {
      rows.push([h.sku, c.channel, String(c.orders), String(c.units), m(c.revenueMinor), `${m(c.feesMinor)}${c.feesEstimated ? '*' : ''}`, m(c.marginMinor), h.title]);
    }
  }
  const lines = [table(rows)];
  if (report.hooks.some((h) => h.channels.some((c) => c.feesEstimated))) lines.push("* fees estimated from the channel's pricing settings");
  const idle = report.hooks.filter((h) => h.idle);
  lines.push(
    idle.length === 0
      ? `No hook has gone ${report.idleDays} days without a sale.`
      : `Candidates to rotate out (no sale in ${report.idleDays} days): ${idle.map((h) => h.sku).join(', ')}`,
  );
  return lines.join('\n');
}
