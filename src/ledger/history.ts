import type { ChannelId } from '../domain/ids.js';
import type { Ledger } from './database.js';

/** Row count of the last stock file a run accepted, for the shrunken-file guard. */
export function lastAcceptedStockRows(ledger: Ledger): number | undefined {
  const rows = ledger.db.prepare('SELECT rows FROM stock_history ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
  return rows;
}

export function recordStockAccepted(ledger: Ledger, runId: number | undefined, file: string, rows: number, at: string): void {
  ledger.db.prepare('INSERT INTO stock_history (run_id, file, rows, accepted_at) VALUES (?, ?, ?, ?)').run(runId ?? null, file, rows, at);
}

/** The hooks of a channel now (open spells): SKU → the reason it became one (a rule's name, or `pinned`). */
export function currentHooks(ledger: Ledger, channel: ChannelId): Map<string, string> {
  const rows = ledger.db
    .prepare('SELECT sku, reason FROM hook_history WHERE channel = ? AND until IS NULL ORDER BY sku')
    .all(channel) as Array<{ sku: string; reason: string }>;
  return new Map(rows.map((r) => [r.sku, r.reason]));
}

/** A hook spell: when a SKU became a hook on a channel and, once over, when it stopped. */
export interface HookSpell {
  channel: ChannelId;
  sku: string;
  since: string;
  until?: string;
  reason: string;
}

export function hookSpells(ledger: Ledger): HookSpell[] {
  const rows = ledger.db.prepare('SELECT * FROM hook_history ORDER BY channel, sku, since').all() as Array<{
    channel: string;
    sku: string;
    since: string;
    until: string | null;
    reason: string;
  }>;
  return rows.map((r) => ({ channel: r.channel as ChannelId, sku: r.sku, since: r.since, ...(r.until ? { until: r.until } : {}), reason: r.reason }));
}

/** Opens spells for new hooks and closes them for SKUs that stopped being hooks. */
export function recordHooks(ledger: Ledger, channel: ChannelId, hooks: ReadonlyMap<string, string>, at: string): void {
  ledger.transaction(() => {
    const open = currentHooks(ledger, channel);
    const close = ledger.db.prepare('UPDATE hook_history SET until = ? WHERE channel = ? AND sku = ? AND until IS NULL');
    const add = ledger.db.prepare('INSERT OR IGNORE INTO hook_history (channel, sku, since, reason) VALUES (?, ?, ?, ?)');
    for (const sku of open.keys()) if (!hooks.has(sku)) close.run(at, channel, sku);
    for (const [sku, reason] of hooks) if (!open.has(sku)) add.run(channel, sku, at, reason);
  });
}
