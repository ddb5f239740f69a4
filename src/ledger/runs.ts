import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from './database.js';

/** A sync run as recorded: what was asked, which guards were forced, and how it ended. */
export interface RunRecord {
  id: number;
  command: string;
  channel?: ChannelId;
  dryRun: boolean;
  forcedGuards: string[];
  startedAt: string;
  finishedAt?: string;
  planned: number;
  succeeded: number;
  failed: number;
  deferred: number;
  exitCode?: number;
  note?: string;
}

export interface RunStart {
  command: string;
  channel?: ChannelId;
  dryRun: boolean;
  forcedGuards: readonly string[];
  startedAt: string;
}

export function startRun(ledger: Ledger, run: RunStart): number {
  const info = ledger.db
    .prepare('INSERT INTO sync_runs (command, channel, dry_run, forced_guards, started_at) VALUES (?, ?, ?, ?, ?)')
    .run(run.command, run.channel ?? null, run.dryRun ? 1 : 0, JSON.stringify(run.forcedGuards), run.startedAt);
  return Number(info.lastInsertRowid);
}

export interface RunEnd {
  finishedAt: string;
  planned: number;
  succeeded: number;
  failed: number;
  deferred: number;
  exitCode: number;
  note?: string;
}

export function finishRun(ledger: Ledger, id: number, end: RunEnd): void {
  ledger.db
    .prepare(
      `UPDATE sync_runs SET finished_at = ?, planned = ?, succeeded = ?, failed = ?, deferred = ?, exit_code = ?, note = ?
       WHERE id = ?`,
    )
    .run(end.finishedAt, end.planned, end.succeeded, end.failed, end.deferred, end.exitCode, end.note ?? null, id);
}

interface RunRow {
  id: number;
  command: string;
  channel: string | null;
  dry_run: number;
  forced_guards: string;
  started_at: string;
  finished_at: string | null;
  planned: number;
  succeeded: number;
  failed: number;
  deferred: number;
  exit_code: number | null;
  note: string | null;
}

/** The most recent runs, newest first. */
export function recentRuns(ledger: Ledger, limit: number): RunRecord[] {
  const rows = ledger.db.prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
  return rows.map((r) => ({
    id: r.id,
    command: r.command,
    ...(r.channel ? { channel: r.channel as ChannelId } : {}),
    dryRun: r.dry_run === 1,
    forcedGuards: JSON.parse(r.forced_guards) as string[],
    startedAt: r.started_at,
    ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
    planned: r.planned,
    succeeded: r.succeeded,
    failed: r.failed,
    deferred: r.deferred,
    ...(r.exit_code !== null ? { exitCode: r.exit_code } : {}),
    ...(r.note ? { note: r.note } : {}),
  }));
}
