import { minorToDecimal } from '../../domain/money.js';
import type { Offer } from '../../domain/offer.js';
import type { ChannelHooks } from '../../hooks/channel-hooks.js';
import { missingText } from '../../hooks/missing-hooks.js';
import { verdictText } from '../../hooks/verdicts.js';

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function pad(cells: readonly string[], widths: readonly number[], right: ReadonlySet<number>): string {
  return cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
}

/** The hooks of one channel as a table: SKU, title, channel price, channel quantity, rule. */
export function hooksTable(result: ChannelHooks): string {
  const rows = result.offers.map((o: Offer) => [o.sku, cut(o.product.title, 44), `${minorToDecimal(o.priceMinor)} ${o.currency}`, String(o.quantity), o.reason]);
  const head = ['SKU', 'TITLE', 'PRICE', 'QTY', 'RULE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const right = new Set([2, 3]);
  const lines = [`${result.channel}: ${result.offers.length} hook(s)`, pad(head, widths, right), ...rows.map((r) => pad(r, widths, right))];
  const kept = result.selection.missing.filter((m) => !m.expired);
  if (kept.length > 0) lines.push(`${kept.length} more hook(s) keep their slot at quantity 0:`, ...kept.map((m) => `  ${m.sku} (${m.rule}): ${missingText(m)}`));
  for (const w of result.selection.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

/** Every product's verdict on one channel: outcome and reason, then each rule's verdict. */
export function explainText(result: ChannelHooks): string {
  const lines = [`${result.channel}: why each product is in or out`];
  for (const v of result.verdicts ?? []) {
    const mark = v.outcome === 'hook' || v.outcome === 'pinned' ? 'IN ' : 'OUT';
    lines.push(`${mark} ${v.sku}  ${cut(v.title, 50)}  — ${v.outcome}: ${v.reason}`);
    if (v.outcome === 'hook' || v.outcome === 'not-selected') {
      for (const [i, r] of v.rules.entries()) lines.push(`      ${i + 1}. ${r.rule}: ${verdictText(r)}`);
    }
    for (const p of v.problems) if (p.severity === 'error' && p.message !== v.reason) lines.push(`      also: ${p.message}`);
  }
  return lines.join('\n');
}
