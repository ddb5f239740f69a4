import type { ChannelId } from '../domain/ids.js';
import type { StockItem } from '../domain/stock-item.js';
import type { Failure } from './predicates.js';

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

/** What one rule of the channel saw of the products still available to it. */
export interface RuleTally {
  rule: string;
  /** Products the rule judged (not taken by an earlier rule). */
  available: number;
  /** Products that passed its conditions, taken or not. */
  passed: number;
  taken: number;
  /** Products failing it, by the first condition they fail. */
  failures: Map<Failure['condition'], number>;
}

/** The order conditions are checked in (predicates.ts): the tie-break of "most fail on". */
const CONDITIONS: readonly Failure['condition'][] = ['category', 'brand', 'price', 'cost', 'margin', 'quantity', 'ean', 'image'];

/**
 * What keeps a channel from listing anything, counted product by product as the selection
 * walks the file (a file of any length: only counts and the brands or categories of each
 * reason are kept): the top reasons with their counts, and the rules that selected nothing.
 */
export class ListabilityTally {
  private products = 0;
  private eligible = 0;
  private readonly reasons = new Map<string, { products: number; spread: Set<string> }>();

  /** One product of the file; `codes` are the error codes that keep it off (`no-stock` included), undefined when it is excluded. */
  product(item: Pick<StockItem, 'brand' | 'category'>, codes: ReadonlySet<string> | undefined): void {
    this.products += 1;
    if (codes === undefined) return;
    if (codes.size === 0) this.eligible += 1;
    for (const code of codes) {
      const entry = this.reasons.get(code) ?? { products: 0, spread: new Set<string>() };
      entry.products += 1;
      const by = REASONS[code]?.by;
      if (by) entry.spread.add((by === 'brand' ? item.brand : item.category) ?? '(none)');
      this.reasons.set(code, entry);
    }
  }

  result(channel: ChannelId, hooks: number, rules: readonly RuleTally[], top = 5): Listability {
    const listed: ListabilityReason[] = [...this.reasons]
      .map(([code, { products, spread }]) => {
        const known = REASONS[code];
        return {
          code,
          products,
          ...(known?.by ? { spread: { by: known.by, count: spread.size } } : {}),
          text: known ? known.text(products, spread.size) : `${code} for ${many(products, 'product')}`,
        };
      })
      .sort((a, b) => b.products - a.products || (a.code < b.code ? -1 : 1))
      .slice(0, top);
    if (hooks === 0 && this.eligible > 0) {
      listed.unshift({ code: 'no-rule-selects', products: this.eligible, text: `no rule selects any of the ${many(this.eligible, 'product')} that could be listed` });
    }
    return { channel, products: this.products, eligible: this.eligible, hooks, nothingListable: hooks === 0, reasons: listed, emptyRules: emptyRules(channel, rules) };
  }
}

function emptyRules(channel: ChannelId, rules: readonly RuleTally[]): EmptyRule[] {
  const out: EmptyRule[] = [];
  for (const r of rules) {
    if (r.available === 0 || r.taken > 0) continue;
    const commonest = [...r.failures]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || CONDITIONS.indexOf(a[0]) - CONDITIONS.indexOf(b[0]))[0];
    const why = r.passed > 0
      ? `${many(r.passed, 'product')} pass its conditions, but earlier rules and pins filled hooks.limit`
      : commonest
        ? `no product passes its conditions (most fail on ${commonest[0]}: ${many(commonest[1], 'product')})`
        : 'no product reaches it';
    out.push({ rule: r.rule, passed: r.passed, message: `rule "${r.rule}" selects nothing on ${channel}: ${why}` });
  }
  return out;
}
