import type { ChannelId } from '../domain/ids.js';
import type { StockRows } from '../domain/stock-item.js';
import type { HookSelection } from './select-hooks.js';

/** One reason products cannot be listed on a channel, with how many it keeps off. */
interface ListabilityReason {
  /** The eligibility problem's code (`gpsr-manufacturer`, `ebay-category-unmapped`, …) or `no-rule-selects`. */
  code: string;
  products: number;
  /** How many brands or shop categories those products span, when the fix is per brand or category. */
  spread?: { by: 'brand' | 'category'; count: number };
  /** The reason in words, counts included: "no eBay category for 1,090 products in 12 shop categories". */
  text: string;
}

/** A rule of this channel that selected nothing. */
interface EmptyRule {
  rule: string;
  /** Products that passed its conditions (taken by nothing because the limit was reached). */
  passed: number;
  message: string;
}

/** Whether a channel has anything to list, and if not, why: the data `validate` and `sync` show. */
export interface Listability {
  channel: ChannelId;
  products: number;
  /** Products with no eligibility error on this channel (excluded ones not counted). */
  eligible: number;
  hooks: number;
  /** No hook at all: a sync would list nothing on this channel (exit 2). */
  nothingListable: boolean;
  /** Most products first; every error code that keeps a product off, so a product may count under several. */
  reasons: ListabilityReason[];
  emptyRules: EmptyRule[];
}

/** How each known eligibility code reads, and over what its fix spreads (per brand, per shop category). */
const REASONS: Record<string, { by?: 'brand' | 'category'; text: (n: number, spread: number) => string }> = {
  'gpsr-manufacturer': { by: 'brand', text: (n, s) => `GPSR manufacturer missing for ${many(n, 'product')} of ${many(s, 'brand')}` },
  'gpsr-responsible-person': { by: 'brand', text: (n, s) => `GPSR responsible person missing for ${many(n, 'product')} of ${many(s, 'brand')}` },
  'ebay-category-unmapped': { by: 'category', text: (n, s) => `no eBay category for ${many(n, 'product')} in ${s} shop categor${s === 1 ? 'y' : 'ies'}` },
  'vat-unknown': { by: 'category', text: (n, s) => `VAT rate unknown for ${many(n, 'product')} in ${s} shop categor${s === 1 ? 'y' : 'ies'}` },
  'no-stock': { text: (n) => `channel quantity 0 for ${many(n, 'product')} (stock minus reserve and open orders): waiting for stock` },
  'ean-missing': { text: (n) => `no EAN for ${many(n, 'product')}` },
  'image-missing': { text: (n) => `no https image for ${many(n, 'product')}` },
  'cost-missing': { text: (n) => `no cost for ${many(n, 'product')} (the price floor needs it)` },
  'floor-impossible': { text: (n) => `the channel's fees take the whole price of ${many(n, 'product')}` },
  'title-missing': { text: (n) => `no title for ${many(n, 'product')}` },
  'title-too-long': { text: (n) => `title too long for ${many(n, 'product')}` },
  'sku-too-long': { text: (n) => `SKU too long for ${many(n, 'product')}` },
  'sku-characters': { text: (n) => `SKU with characters the marketplace refuses for ${many(n, 'product')}` },
};

const count = (n: number) => n.toLocaleString('en-US');
/** "1 product", "1,090 products". */
const many = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * What keeps a channel from listing anything, from its hook selection: the top reasons with
 * their counts, and the rules that selected nothing. Pure.
 */
export function listability(selection: HookSelection, stock: Pick<StockRows, 'item'>, top = 5): Listability {
  const reasons = new Map<string, { skus: string[]; spread: Set<string> }>();
  let eligible = 0;
  for (const v of selection.verdicts) {
    if (v.outcome === 'excluded') continue;
    const codes = new Set(v.problems.filter((p) => p.severity === 'error').map((p) => p.code));
    if (v.outcome === 'no-stock') codes.add('no-stock');
    if (codes.size === 0) eligible += 1;
    for (const code of codes) {
      const entry = reasons.get(code) ?? { skus: [], spread: new Set<string>() };
      entry.skus.push(v.sku);
      const by = REASONS[code]?.by;
      const item = stock.item(v.sku);
      const key = by === 'brand' ? item?.brand : by === 'category' ? item?.category : undefined;
      if (by) entry.spread.add(key ?? '(none)');
      reasons.set(code, entry);
    }
  }
  const listed: ListabilityReason[] = [...reasons]
    .map(([code, { skus, spread }]) => {
      const known = REASONS[code];
      return {
        code,
        products: skus.length,
        ...(known?.by ? { spread: { by: known.by, count: spread.size } } : {}),
        text: known ? known.text(skus.length, spread.size) : `${code} for ${many(skus.length, 'product')}`,
      };
    })
    .sort((a, b) => b.products - a.products || (a.code < b.code ? -1 : 1))
    .slice(0, top);

  const emptyRules = findEmptyRules(selection);
  const hooks = selection.hooks.length;
  if (hooks === 0 && eligible > 0) {
    listed.unshift({ code: 'no-rule-selects', products: eligible, text: `no rule selects any of the ${many(eligible, 'product')} that could be listed` });
  }
  return { channel: selection.channel, products: selection.verdicts.length, eligible, hooks, nothingListable: hooks === 0, reasons: listed, emptyRules };
}

function findEmptyRules(selection: HookSelection): EmptyRule[] {
  const rules = new Map<string, { taken: number; passed: number; reached: boolean; failures: Map<string, number> }>();
  for (const v of selection.verdicts) {
    for (const r of v.rules) {
      const entry = rules.get(r.rule) ?? { taken: 0, passed: 0, reached: false, failures: new Map<string, number>() };
      if (r.status === 'taken') entry.taken += 1;
      if (r.status === 'passed') entry.passed += 1;
      if (r.status === 'failed') entry.failures.set(r.failure.condition, (entry.failures.get(r.failure.condition) ?? 0) + 1);
      if (r.status === 'taken' || r.status === 'passed' || r.status === 'failed') entry.reached = true;
      rules.set(r.rule, entry);
    }
  }
  const out: EmptyRule[] = [];
  for (const [rule, e] of rules) {
    if (!e.reached || e.taken > 0) continue;
    const commonest = [...e.failures].sort((a, b) => b[1] - a[1])[0];
    const why = e.passed > 0
      ? `${many(e.passed, 'product')} pass its conditions, but earlier rules and pins filled hooks.limit`
      : commonest
        ? `no product passes its conditions (most fail on ${commonest[0]}: ${many(commonest[1], 'product')})`
        : 'no product reaches it';
    out.push({ rule, passed: e.passed, message: `rule "${rule}" selects nothing on ${selection.channel}: ${why}` });
  }
  return out;
}
