import type { Listability } from '../../hooks/listability.js';

/** "ebay: nothing can be listed — …" and its top reasons, one per line (validate and sync). */
export function renderNothingListable(l: Listability): string[] {
  return [
    `${l.channel}: nothing can be listed (${l.products} products, ${l.eligible} eligible, 0 hooks); top reasons:`,
    ...l.reasons.map((r) => `  ${r.text}`),
  ];
}

/** One warning line per rule that selected nothing. */
export function renderEmptyRules(l: Listability): string[] {
  return l.emptyRules.map((r) => `warning: ${r.message}`);
}
