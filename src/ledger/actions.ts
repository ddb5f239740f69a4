import type { ChannelId } from '../domain/ids.js';
import type { ActionKind } from '../domain/listing.js';
import type { Ledger } from './database.js';

/** pending: recorded before sending, outcome not yet known; abandoned: an interrupted run's write that did not land. */
type ActionOutcome = 'pending' | 'ok' | 'failed' | 'abandoned';

/** One remote write as the ledger keeps it. `changes` is JSON of the planned field changes. */
export interface ActionRecord {
  id: number;
  runId: number;
  channel: ChannelId;
  sku: string;
  kind: ActionKind;
  changes: string;
  request?: string;
  outcome: ActionOutcome;
  response?: string;
  errors: string;
  createdAt: string;
  finishedAt?: string;
}

export interface NewAction {
  runId: number;
  channel: ChannelId;
  sku: string;
  kind: ActionRecord['kind'];
  changes: unknown;
  createdAt: string;
}

export function recordPending(ledger: Ledger, action: NewAction): number {
  const info = ledger.db
    .prepare('INSERT INTO actions (run_id, channel, sku, kind, changes, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(action.runId, action.channel, action.sku, action.kind, JSON.stringify(action.changes), action.createdAt);
  return Number(info.lastInsertRowid);
}

export interface ActionResult {
  outcome: Exclude<ActionOutcome, 'pending'>;
  request?: string;
  response?: string;
  errors?: unknown[];
  finishedAt: string;
}

export function resolveAction(ledger: Ledger, id: number, result: ActionResult): void {
  ledger.db
    .prepare(
      `UPDATE actions SET outcome = ?, request = coalesce(?, request), response = ?, errors = ?, finished_at = ? WHERE id = ?`,
    )
    .run(result.outcome, result.request ?? null, result.response ?? null, JSON.stringify(result.errors ?? []), result.finishedAt, id);
}

interface ActionRow {
  id: number;
  run_id: number;
  channel: string;
  sku: string;
  kind: ActionRecord['kind'];
  changes: string;
  request: string | null;
  outcome: ActionOutcome;
  response: string | null;
  errors: string;
  created_at: string;
  finished_at: string | null;
}

function fromRow(r: ActionRow): ActionRecord {
  return {
    id: r.id,
    runId: r.run_id,
    channel: r.channel as ChannelId,
    sku: r.sku,
    kind: r.kind,
    changes: r.changes,
    ...(r.request !== null ? { request: r.request } : {}),
    outcome: r.outcome,
    ...(r.response !== null ? { response: r.response } : {}),
    errors: r.errors,
    createdAt: r.created_at,
    ...(r.finished_at !== null ? { finishedAt: r.finished_at } : {}),
  };
}

/** Writes whose outcome never arrived (a run that was killed or crashed), oldest first. */
export function pendingActions(ledger: Ledger, channel: ChannelId): ActionRecord[] {
  const rows = ledger.db
    .prepare("SELECT * FROM actions WHERE outcome = 'pending' AND channel = ? ORDER BY id")
    .all(channel) as ActionRow[];
  return rows.map(fromRow);
}

export function actionsOfRun(ledger: Ledger, runId: number): ActionRecord[] {
  return (ledger.db.prepare('SELECT * FROM actions WHERE run_id = ? ORDER BY id').all(runId) as ActionRow[]).map(fromRow);
}

/**
 * Failures still standing, newest first: per listing only its latest write, and only when that
 * write failed (a later success resolved it; repeats show once). Held items are left out: status
 * lists them on their own, grouped by reason.
 */
export function recentFailures(ledger: Ledger, limit: number): ActionRecord[] {
  return (
    ledger.db
      .prepare(
        `SELECT a.* FROM actions a
         WHERE a.outcome = 'failed'
           AND a.id = (SELECT max(b.id) FROM actions b WHERE b.channel = a.channel AND b.sku = a.sku AND b.outcome IN ('ok', 'failed'))
           AND NOT EXISTS (SELECT 1 FROM held_items h WHERE h.channel = a.channel AND h.sku = a.sku)
         ORDER BY a.id DESC LIMIT ?`,
      )
      .all(limit) as ActionRow[]
  ).map(fromRow);
}
