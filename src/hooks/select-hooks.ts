import type { Config, RuleConfig } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { Problem } from '../domain/problem.js';
import type { Hook } from '../domain/hook.js';
import type { StockItem } from '../domain/stock-item.js';
import type { MissingHook } from './missing-hooks.js';
import { firstFailure, type Failure } from './predicates.js';
import { rankItems, type SalesBySku } from './rank.js';
import { verdictText, type ProductVerdict, type RuleVerdict } from './verdicts.js';

/** The hook set of one channel and the verdict on every product. */
export interface HookSelection {
  channel: ChannelId;
  /** Pins first (in hooks.include order), then each rule's picks in rule order, best first. */
  hooks: Hook[];
  /** One per product, in stock-file order. */
  verdicts: ProductVerdict[];
  /** E.g. a pinned SKU that is not in the stock file. */
  warnings: string[];
  /** Previous hooks missing from the stock file: within their grace they keep their slot (offered at 0). */
  missing: MissingHook[];
}

export interface SelectHooksInput {
  channel: ChannelId;
  /** Products after resolveProduct (VAT and safety completed). */
  items: readonly StockItem[];
  hooks: Config['hooks'];
  /** Product-data problems per SKU on this channel; a product with an error is never selected. */
  problems?: ReadonlyMap<string, readonly Problem[]>;
  /** Units sold per SKU, for `rank: sales`. */
  sales?: SalesBySku;
  /** The SKUs that were hooks on this channel before: kept while within keepMargin of the cut. */
  previous?: ReadonlySet<string>;
  /**
   * SKUs whose channel quantity would be 0: they take no hook slot (a listing nobody can buy
   * pushes a sellable product out), unless pinned or already a hook, which waits for stock.
   */
  noStock?: ReadonlySet<string>;
  /** Previous hooks missing from the stock file (missing-hooks.ts): those within their grace keep their slot. */
  missing?: readonly MissingHook[];
}

/** Where a product stands before any rule judges it. */
type Standing = 'excluded' | 'ineligible' | 'pinned' | 'no-stock' | 'pool';

/**
 * Where each product stands before the rules: excluded wins, then a product-data error, then
 * a pin; a product with nothing to sell waits unless it is a hook already; the rest go to the
 * rules. selectHooks' verdicts and channelHooks' walk over the file both decide from this.
 */
export function standings(hooks: Pick<Config['hooks'], 'include' | 'exclude'>, previous: ReadonlySet<string>): { pinned: ReadonlySet<string>; of(sku: string, hasError: boolean, noStock: boolean): Standing } {
  const excluded = new Set(hooks.exclude);
  const pinned = new Set(hooks.include.filter((s) => !excluded.has(s)));
  return {
    pinned,
    of(sku, hasError, noStock) {
      if (excluded.has(sku)) return 'excluded';
      if (hasError) return 'ineligible';
      if (pinned.has(sku)) return 'pinned';
      return noStock && !previous.has(sku) ? 'no-stock' : 'pool';
    },
  };
}

/**
 * Selects the hooks of one channel. Pure and deterministic.
 * - `exclude` wins over everything; pins (`include`) are always selected, even beyond `limit`,
 *   unless their product data is refused by the channel.
 * - Rules run in order over the products no earlier rule took. A rule ranks the products that
 *   pass its `where` and takes the best `take`, within what is left of `limit` after the pins;
 *   a product that passes but is not taken stays available to later rules.
 * - Stability: a previous hook that passes the rule and ranks within `keepMargin` places below
 *   the cut stays, displacing the lowest-ranked newcomer.
 * - A previous hook missing from the stock file keeps its slot (in its rule's `take` and in
 *   `limit`) until its grace is over, so no replacement is listed while it may come back.
 */
export function selectHooks(input: SelectHooksInput): HookSelection {
  const { channel, hooks: cfg } = input;
  const previous = input.previous ?? new Set<string>();
  const standing = standings(cfg, previous);
  const { pinned } = standing;
  const verdicts = new Map<string, ProductVerdict>();
  const ruleVerdicts = new Map<string, RuleVerdict[]>();
  const notReached = (): RuleVerdict[] => cfg.rules.map((r) => ({ rule: r.name, status: 'not-reached' }));
  const pool: StockItem[] = [];
  const pins: StockItem[] = [];

  for (const item of input.items) {
    const problems = [...(input.problems?.get(item.sku) ?? [])];
    const error = problems.find((p) => p.severity === 'error');
    const base = { sku: item.sku, title: item.title, problems };
    const where = standing.of(item.sku, error !== undefined, input.noStock?.has(item.sku) ?? false);
    if (where === 'excluded') verdicts.set(item.sku, { ...base, outcome: 'excluded', reason: 'in hooks.exclude', rules: notReached() });
    else if (error) verdicts.set(item.sku, { ...base, outcome: 'ineligible', reason: error.message, rules: notReached() });
    else if (where === 'pinned') {
      pins.push(item);
      verdicts.set(item.sku, { ...base, outcome: 'pinned', rule: 'pinned', reason: 'in hooks.include (pinned, counted beyond the limit if need be)', rules: notReached() });
    } else if (where === 'no-stock') {
      verdicts.set(item.sku, { ...base, outcome: 'no-stock', reason: 'channel quantity 0 (stock minus reserve and open orders): takes no hook slot until stock comes', rules: notReached() });
    } else {
      pool.push(item);
      ruleVerdicts.set(item.sku, []);
      verdicts.set(item.sku, { ...base, outcome: 'not-selected', reason: '', rules: [] });
    }
  }
  const inFile = new Set(input.items.map((i) => i.sku));
  const warnings = [...pinned].filter((s) => !inFile.has(s)).map((s) => `pinned SKU "${s}" is not in the stock file`);
  const orderedPins = [...pinned].flatMap((s) => pins.filter((p) => p.sku === s));
  const hooks: Hook[] = orderedPins.map((item) => ({ item, rule: 'pinned' }));
  const kept = (input.missing ?? []).filter((m) => !m.expired);
  const keptBy = new Map<string, number>();
  for (const m of kept) keptBy.set(m.rule, (keptBy.get(m.rule) ?? 0) + 1);

  let remaining = Math.max(0, cfg.limit - orderedPins.length - kept.length);
  let available = pool;
  for (const rule of cfg.rules) {
    if (rule.channels && !rule.channels.includes(channel)) {
      for (const item of available) ruleVerdicts.get(item.sku)!.push({ rule: rule.name, status: 'other-channel' });
      continue;
    }
    const passing: StockItem[] = [];
    const belowMinimum = new Set<string>();
    for (const item of available) {
      const judged = judge(item, rule.where, previous.has(item.sku));
      if (judged.failure) ruleVerdicts.get(item.sku)!.push({ rule: rule.name, status: 'failed', failure: judged.failure });
      else passing.push(item);
      if (judged.belowMinimum) belowMinimum.add(item.sku);
    }
    const ranked = rankItems(passing, rule.rank, input.sales);
    const take = rule.take === undefined ? Infinity : Math.max(0, rule.take - (keptBy.get(rule.name) ?? 0));
    const cut = Math.min(take, remaining);
    const chosen = new Set(ranked.slice(0, cut).map((i) => i.sku));
    const displacedBy = new Map<string, string>();
    for (const incumbent of ranked.slice(cut, cut + cfg.keepMargin).filter((i) => previous.has(i.sku))) {
      const newcomer = [...ranked.slice(0, cut)].reverse().find((i) => chosen.has(i.sku) && !previous.has(i.sku));
      if (!newcomer) break;
      chosen.delete(newcomer.sku);
      chosen.add(incumbent.sku);
      displacedBy.set(newcomer.sku, incumbent.sku);
    }
    ranked.forEach((item, i) => {
      const position = i + 1;
      const list = ruleVerdicts.get(item.sku)!;
      if (chosen.has(item.sku)) {
        list.push({ rule: rule.name, status: 'taken', position, of: ranked.length, kept: i >= cut, ...(belowMinimum.has(item.sku) ? { belowMinimum: true } : {}) });
        hooks.push({ item, rule: rule.name });
      } else {
        const by = displacedBy.get(item.sku);
        const missingHere = keptBy.get(rule.name) ?? 0;
        const keeping = missingHere > 0 ? `, ${missingHere} slot(s) kept for hooks missing from the stock file` : '';
        const note = by
          ? `previous hook ${by} kept (hooks.keepMargin ${cfg.keepMargin})`
          : remaining < take
            ? `limit reached (hooks.limit ${cfg.limit}${kept.length > 0 ? `, ${kept.length} slot(s) kept for hooks missing from the stock file` : ''})`
            : `take is ${rule.take}${keeping}`;
        list.push({ rule: rule.name, status: 'passed', position, of: ranked.length, note });
      }
    });
    remaining -= chosen.size;
    available = available.filter((i) => !chosen.has(i.sku));
  }

  for (const item of pool) {
    const rules = ruleVerdicts.get(item.sku)!;
    const taken = rules.find((r) => r.status === 'taken');
    const filled = cfg.rules.map((r) => rules.find((v) => v.rule === r.name) ?? { rule: r.name, status: 'not-reached' as const });
    const v = verdicts.get(item.sku)!;
    const lastPassed = [...rules].reverse().find((r) => r.status === 'passed');
    Object.assign(v, taken
      ? { outcome: 'hook', rule: taken.rule, reason: `rule ${taken.rule}: ${verdictText(taken)}` }
      : { reason: lastPassed ? `rule ${lastPassed.rule}: ${verdictText(lastPassed)}` : cfg.rules.length ? 'matches no rule' : 'no rules configured' });
    v.rules = filled;
  }
  return { channel, hooks, verdicts: input.items.map((i) => verdicts.get(i.sku)!).filter(Boolean), warnings, missing: [...(input.missing ?? [])] };
}

/**
 * A rule's verdict on one product. Its quantity minimum chooses which products become hooks; a
 * hook already on the channel that sells below it stays while it passes the rest of the rule and
 * ranks within keepMargin, selling what is left and waiting for stock at 0, as a hook of a rule
 * without a minimum does. Dropping it at once would end a listing (its history, its place in
 * search) for every sale between two deliveries, and keepMargin would then keep its replacement
 * when the stock came back.
 */
export function judge(item: StockItem, where: RuleConfig['where'], wasHook: boolean): { failure?: Failure; belowMinimum: boolean } {
  const failure = firstFailure(item, where);
  const min = where.quantity?.min;
  if (failure?.condition !== 'quantity' || !wasHook || min === undefined || item.quantity >= min) {
    return failure ? { failure, belowMinimum: false } : { belowMinimum: false };
  }
  const { quantity, ...rest } = where;
  const other = firstFailure(item, quantity?.max === undefined ? rest : { ...rest, quantity: { max: quantity.max } });
  return other ? { failure: other, belowMinimum: false } : { belowMinimum: true };
}
