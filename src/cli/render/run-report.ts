import type { FailedItem } from '../../executor/execute-plan.js';
import type { RunReport } from '../../sync/run-sync.js';
import { renderNothingListable } from './listability.js';
import { planSummary, renderPlan } from './plan-table.js';

const HELD_NOTE = { new: ' — held until its stock row or the config changes', again: ' — still held (already held before: not counted as a failure)' };

function failureLines(failed: readonly FailedItem[]): string[] {
  return failed.flatMap((f) => [
    `  ${f.channel} ${f.sku} (${f.kind})${f.held ? HELD_NOTE[f.held] : ''}:`,
    ...f.errors.map((e) => `    ${e.code}: ${e.message}${e.explanation ? ` — ${e.explanation}` : ''}`),
  ]);
}

/** What a sync did, for stdout. */
export function renderRunReport(report: RunReport): string {
  const lines = [renderPlan(report.plan)];
  for (const c of report.orders.channels) {
    lines.push(`${c.channel} orders: ${c.inserted} new, ${c.updated} updated${c.error ? ` — pull failed: ${c.error.message}` : ''}`);
  }
  if (report.settled > 0) lines.push(`${report.settled} interrupted write(s) of an earlier run checked against the live listings.`);
  if (report.forcedTrips.length > 0) lines.push(`Forced for this run: ${report.forcedTrips.map((t) => t.guard).join(', ')} (recorded in the ledger).`);
  if (report.dryRun) lines.push('Dry run: nothing was sent.');
  else lines.push(`Sent: ${report.succeeded} ok, ${report.failed.length} failed.`);
  if (report.failed.length > 0) lines.push('Failed:', ...failureLines(report.failed));
  for (const r of report.refused) lines.push(`${r.channel}: nothing sent, the credentials were refused — ${r.message}`);
  for (const u of report.unlistable) lines.push(...renderNothingListable(u), `  Nothing was sent to ${u.channel}; its listings are left as they are. Fix the above, then run \`civetta validate\`.`);
  for (const s of report.stopped) {
    const what = { 'read-back': 'nothing sent, the live listings could not be read back', setup: 'stopped before its first listing', apply: 'stopped part-way, the next run checks and finishes the rest' }[s.stage];
    lines.push(`${s.channel}: ${what} — ${s.message}`);
  }
  return lines.join('\n');
}

/** The one line a cron log keeps per run (stderr). */
export function summaryLine(report: RunReport): string {
  const what = report.dryRun ? 'dry run' : `${report.succeeded} ok, ${report.failed.length} failed`;
  const forced = report.forcedGuards.length ? `, forced ${report.forcedGuards.join(',')}` : '';
  const refused = report.refused.length ? `; credentials refused by ${report.refused.map((r) => r.channel).join(', ')}` : '';
  const stopped = report.stopped.length ? `; marketplace unreachable for ${report.stopped.map((s) => s.channel).join(', ')}` : '';
  const unlistable = report.unlistable.length ? `; nothing listable on ${report.unlistable.map((u) => u.channel).join(', ')}` : '';
  return `civetta sync run ${report.runId}: ${planSummary(report.plan)}; ${what}${forced}${refused}${stopped}${unlistable}; exit ${report.exitCode}`;
}

export { failureLines };
