import { graceEnd, missingText } from '../../hooks/missing-hooks.js';
import type { SyncStatus } from '../../sync/sync-status.js';
import { groupHeld, notBuyableLines, table } from './plan-table.js';

/** The sync side of `civetta status`: last runs, recent failures, listings per channel, hooks waiting. */
export function renderSyncStatus(sync: SyncStatus, missingGraceHours: number): string {
  const { runs, failures, listings, held, notBuyable, pendingActions: pending } = sync;
  const lines: string[] = ['Last runs:'];
  if (runs.length === 0) lines.push('  none yet');
  else {
    lines.push(...table([
      ['RUN', 'COMMAND', 'STARTED', 'RESULT', 'EXIT'],
      ...runs.map((r) => [
        String(r.id),
        `${r.command}${r.channel ? ` --channel ${r.channel}` : ''}${r.dryRun ? ' --dry-run' : ''}`,
        r.startedAt,
        r.finishedAt ? `${r.planned} planned, ${r.succeeded} ok, ${r.failed} failed${r.forcedGuards.length ? `, forced ${r.forcedGuards.join(',')}` : ''}` : 'did not finish',
        r.exitCode === undefined ? '-' : String(r.exitCode),
      ]),
    ]).map((l) => `  ${l}`));
  }
  lines.push('', 'Listings:');
  if (listings.length === 0) lines.push('  none yet');
  for (const l of listings) {
    const held = notBuyable.filter((n) => n.channel === l.channel).length;
    lines.push(`  ${l.channel}: ${l.active} active (${l.pinned} pinned${held ? `, ${held} not buyable` : ''}), ${l.ended} ended, ${l.failed} failed`);
  }
  if (notBuyable.length > 0) {
    lines.push('', 'Not buyable (listed, but the marketplace does not sell it; not sent again until price, stock or content changes):');
    lines.push(...notBuyableLines(notBuyable));
  }
  if (sync.missing.length > 0) {
    lines.push('', 'Hooks missing from the stock file (offered at 0, slot kept; hooks.missingGraceHours):');
    for (const m of sync.missing) lines.push(`  ${m.channel} ${m.sku}: ${missingText({ since: m.since, delistAfter: graceEnd(m.since, missingGraceHours) })}`);
  }
  if (pending > 0) lines.push('', `${pending} write(s) of an interrupted run not yet checked; the next sync reads them back.`);
  if (failures.length > 0) {
    lines.push('', 'Failures not yet resolved:');
    for (const f of failures) lines.push(`  run ${f.runId} ${f.channel} ${f.sku} ${f.kind}: ${firstError(f.errors)}`);
  }
  if (held.length > 0) {
    lines.push('', 'Held until their stock row or the config changes (`civetta sync --retry-held` sends them anyway):');
    for (const [group, items] of groupHeld(held)) {
      lines.push(`  ${group} — ${items.length} product(s), since ${items.map((h) => h.since).sort()[0]?.slice(0, 10)}: ${items[0]?.message ?? ''}`);
      lines.push(`    ${items.slice(0, 10).map((h) => h.sku).join(', ')}${items.length > 10 ? `, … ${items.length - 10} more` : ''}`);
    }
  }
  return lines.join('\n');
}

function firstError(json: string): string {
  try {
    const errors = JSON.parse(json) as Array<{ code?: string; message?: string }>;
    const e = errors[0];
    return e ? `${e.code ?? ''} ${e.message ?? ''}`.trim() : 'failed';
  } catch {
    return 'failed';
  }
}
