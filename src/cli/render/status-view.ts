import type { ActionRecord } from '../../ledger/actions.js';
import type { RunRecord } from '../../ledger/runs.js';
import type { ListingCount } from '../../sync/sync-status.js';
import { table } from './plan-table.js';

/** The sync side of `civetta status`: last runs, recent failures, listings per channel. */
export function renderSyncStatus(runs: readonly RunRecord[], failures: readonly ActionRecord[], listings: readonly ListingCount[], pending: number): string {
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
  for (const l of listings) lines.push(`  ${l.channel}: ${l.active} active (${l.pinned} pinned), ${l.ended} ended, ${l.failed} failed`);
  if (pending > 0) lines.push('', `${pending} write(s) of an interrupted run not yet checked; the next sync reads them back.`);
  if (failures.length > 0) {
    lines.push('', 'Recent failures:');
    for (const f of failures) lines.push(`  run ${f.runId} ${f.channel} ${f.sku} ${f.kind}: ${firstError(f.errors)}`);
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
