import { minorToDecimal } from '../../domain/money.js';
import { missingText } from '../../hooks/missing-hooks.js';
import type { FieldChange, HeldNote, NotBuyable, PlanAction, SyncPlan } from '../../plan/sync-plan.js';

/** One field change as the owner reads it: `price 12.90 → 11.90`. */
function changeText(change: FieldChange): string {
  switch (change.field) {
    case 'price':
      return `price ${minorToDecimal(change.from)} → ${minorToDecimal(change.to)}`;
    case 'quantity':
      return `quantity ${change.from} → ${change.to}`;
    case 'content':
      return change.from === '' ? 'content (first push)' : 'content changed';
  }
}

function actionText(a: PlanAction): string {
  switch (a.kind) {
    case 'create':
      return `price ${minorToDecimal(a.offer.priceMinor)}, quantity ${a.offer.quantity}`;
    case 'update':
      return a.changes.map(changeText).join(', ') + (a.correctsDrift ? '  (puts back a marketplace edit)' : '');
    case 'delist':
      return 'end the listing';
  }
}

/** Pads columns to their widest cell. */
export function table(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
}

/** The plan as a readable diff: one line per action, then deferred, refused, drift and guards. */
export function renderPlan(plan: SyncPlan): string {
  const lines: string[] = [];
  if (plan.actions.length > 0) {
    lines.push(...table([['CHANNEL', 'SKU', 'ACTION', 'CHANGES', 'WHY'], ...plan.actions.map((a) => [a.channel, a.sku, a.kind, actionText(a), a.reason])]));
  } else {
    lines.push('Nothing to change.');
  }
  if (plan.drift.length > 0) {
    lines.push('', 'Drift (the marketplace differs from the ledger):');
    for (const d of plan.drift) lines.push(`  ${d.channel} ${d.sku}: ${d.kind}${d.ledger !== undefined ? ` ledger ${d.ledger} → live ${d.live}` : ''}`);
  }
  if (plan.notBuyable.length > 0) {
    lines.push('', 'Not buyable (listed, but the marketplace does not sell it; not sent again until price, stock or content changes):');
    lines.push(...notBuyableLines(plan.notBuyable));
  }
  if (plan.shownFromCatalogue.length > 0) {
    lines.push('', "Content shown from the marketplace's catalogue (changed in the stock file, not sent):");
    for (const c of plan.shownFromCatalogue) lines.push(`  ${c.channel} ${c.sku}${c.rematch ? `: ${c.rematch}` : ''}`);
  }
  if (plan.missing.length > 0) {
    lines.push('', 'Missing from the stock file (offered at 0; the hook keeps its slot, hooks.missingGraceHours):');
    for (const m of plan.missing) lines.push(`  ${m.channel} ${m.sku}: ${missingText(m)}`);
  }
  if (plan.deferred.length > 0) {
    lines.push('', 'Deferred:');
    for (const d of plan.deferred) lines.push(`  ${d.channel} ${d.sku}: ${d.message}`);
  }
  if (plan.refused.length > 0) {
    lines.push('', 'Refused (never pushed below the floor):');
    for (const r of plan.refused) lines.push(`  ${r.channel} ${r.sku}: price ${minorToDecimal(r.priceMinor)} < floor ${minorToDecimal(r.floorMinor)}`);
  }
  if (plan.held.length > 0) {
    lines.push('', 'Held (refused before; not sent until the stock row or the config changes, or `sync --retry-held`):');
    for (const [group, items] of groupHeld(plan.held)) {
      lines.push(`  ${group} (${items.length}): ${items[0]?.message ?? ''}`);
      lines.push(`    ${items.slice(0, 10).map((h) => h.sku).join(', ')}${items.length > 10 ? `, … ${items.length - 10} more` : ''}`);
    }
  }
  if (plan.guards.length > 0) {
    lines.push('', 'Safety guards tripped (a sync stops unless forced with --force-guard NAME):');
    for (const g of plan.guards) {
      lines.push(`  ${g.guard}: ${g.message}`);
      for (const item of g.items.slice(0, 20)) lines.push(`    ${item}`);
    }
  }
  lines.push('', planSummary(plan));
  return lines.join('\n');
}

/** One line per listing the marketplace holds but does not sell, then its reasons with their fix. */
export function notBuyableLines(items: readonly NotBuyable[]): string[] {
  return items.flatMap((n) => [
    `  ${n.channel} ${n.sku}:`,
    ...n.issues.map((i) => `    ${i.code}${i.field ? ` (${i.field})` : ''}: ${i.message}${i.explanation ? ` — ${i.explanation}` : ''}`),
  ]);
}

/** `amazon: 2 create, 1 update, 0 delist, 37 unchanged; ebay: …` */
export function planSummary(plan: SyncPlan): string {
  return plan.channels
    .map((ch) => {
      const of = (kind: PlanAction['kind']) => plan.actions.filter((a) => a.channel === ch && a.kind === kind).length;
      const deferred = plan.deferred.filter((d) => d.channel === ch).length;
      const held = plan.held.filter((h) => h.channel === ch).length;
      const notBuyable = plan.notBuyable.filter((n) => n.channel === ch).length;
      const missing = plan.missing.filter((m) => m.channel === ch).length;
      return `${ch}: ${of('create')} create, ${of('update')} update, ${of('delist')} delist, ${plan.unchanged[ch] ?? 0} unchanged${deferred ? `, ${deferred} deferred` : ''}${held ? `, ${held} held` : ''}${notBuyable ? `, ${notBuyable} not buyable` : ''}${missing ? `, ${missing} missing from the stock file` : ''}`;
    })
    .join('; ');
}

/** Held items grouped by `channel reason`, in the order met. */
export function groupHeld<T extends Pick<HeldNote, 'channel' | 'reason'>>(held: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const h of held) {
    const key = `${h.channel} ${h.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  return groups;
}
