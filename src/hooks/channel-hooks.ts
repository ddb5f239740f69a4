import type { Config } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { ListingRules } from '../domain/listing-rules.js';
import type { Offer } from '../domain/offer.js';
import type { Problem } from '../domain/problem.js';
import type { StockItem, StockProduct, StockRows } from '../domain/stock-item.js';
import { productOf, productRows } from '../domain/stock-item.js';
import { buildOffers } from '../pricing/build-offers.js';
import { channelQuantity } from '../pricing/channel-quantity.js';
import { BestCandidates } from './best-candidates.js';
import { checkEligibility } from './eligibility.js';
import { type Listability, ListabilityTally, type RuleTally } from './listability.js';
import { missingHooks } from './missing-hooks.js';
import { rankKey, type SalesBySku } from './rank.js';
import { resolveProduct } from './resolve-product.js';
import { judge, selectHooks, standings, type HookSelection } from './select-hooks.js';
import type { ProductVerdict } from './verdicts.js';

/** The ledger's knowledge that shapes a selection (all optional). */
export interface ChannelHooksOptions {
  /** Units sold per SKU, for `rank: sales` (default: 0 for all). */
  sales?: SalesBySku;
  /** The hooks of this channel before (SKU → the rule that took it), for stable selection (hooks.keepMargin). */
  previous?: ReadonlyMap<string, string>;
  /** SKU → since when a previous hook has been missing from the stock file (hooks.missingGraceHours). */
  missingSince?: ReadonlyMap<string, string>;
  /** This run's time (ISO): with `previous`, a missing hook's grace is measured to it. */
  now?: string;
  /** Units per SKU in open orders of this channel, subtracted from the offered quantity. */
  openOrderUnits?: ReadonlyMap<string, number>;
  /** Each product's problems on the channel (eligibility), in file order (`validate`). */
  onProblems?: (problems: readonly Problem[]) => void;
  /**
   * Every product's verdict (`hooks --explain`): every product is then kept, so memory grows
   * with the file. Without it only the hooks' candidates are.
   */
  explain?: boolean;
}

/** One channel's hooks, their offers, and what keeps products off the channel. */
export interface ChannelHooks {
  channel: ChannelId;
  selection: Omit<HookSelection, 'verdicts'>;
  offers: Offer[];
  listability: Listability;
  /** With `explain` only: one per product, in file order. */
  verdicts?: ProductVerdict[];
}

/**
 * From the stock file's rows to a channel's desired offers, in one walk over the rows: complete
 * VAT and safety data from the config, check each product against what the marketplace accepts
 * (`rules`, from its channel folder through channels/registry.ts), count what keeps products
 * off, and keep for each rule only its best candidates (BestCandidates: hooks.limit plus
 * keepMargin of them), plus the pins and the previous hooks. selectHooks then picks among those
 * exactly as among all products: a rule's hooks and the incumbents keepMargin may keep lie
 * within its best limit + keepMargin, since earlier rules take at most limit products in all.
 * The hooks are priced with their long fields (read back for the hooks only). `stock` is the
 * reader's rows, or complete products. Pure but for the reading.
 */
export function channelHooks(config: Config, stock: StockRows | readonly StockProduct[], channel: ChannelId, rules: ListingRules, opts: ChannelHooksOptions = {}): ChannelHooks {
  const rows = isRows(stock) ? stock : productRows(stock);
  const cfg = config.hooks;
  const previous = new Set(opts.previous?.keys() ?? []);
  const standing = standings(cfg, previous);
  const stockRules = config.channels[channel]?.stock;
  const active = cfg.rules.filter((r) => !r.channels || r.channels.includes(channel));
  const best = active.map((r) => new BestCandidates(cfg.limit + cfg.keepMargin, rankKey(r.rank, opts.sales)));
  const tallies: RuleTally[] = active.map((r) => ({ rule: r.name, available: 0, passed: 0, taken: 0, failures: new Map() }));
  const listability = new ListabilityTally();
  // What selectHooks sees: every product with `explain`, else the pins and previous hooks (with
  // their problems and stock) and, below, each rule's best candidates (eligible, in stock).
  const kept: StockItem[] = [];
  const problemsBySku = new Map<string, Problem[]>();
  const noStock = new Set<string>();

  for (const row of rows.items()) {
    const product = resolveProduct(row, config);
    const { sku } = product;
    const problems = checkEligibility(product, channel, rules, config);
    opts.onProblems?.(problems);
    const empty = stockRules !== undefined && channelQuantity(product.quantity, stockRules, opts.openOrderUnits?.get(sku) ?? 0) <= 0;
    const codes = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.code));
    const where = standing.of(sku, codes.size > 0, empty);
    if (where === 'no-stock') codes.add('no-stock');
    listability.product(product, where === 'excluded' ? undefined : codes);
    const wasHook = previous.has(sku);
    const keep = opts.explain === true || standing.pinned.has(sku) || wasHook;
    if (keep) {
      kept.push(product);
      problemsBySku.set(sku, problems);
      if (empty) noStock.add(sku);
    }
    if (where !== 'pool') continue;
    for (const [i, rule] of active.entries()) {
      const tally = tallies[i]!;
      tally.available += 1;
      const { failure } = judge(product, rule.where, wasHook);
      if (failure) tally.failures.set(failure.condition, (tally.failures.get(failure.condition) ?? 0) + 1);
      else {
        tally.passed += 1;
        if (!keep) best[i]!.offer(product);
      }
    }
  }

  const candidates = new Map(kept.map((p) => [p.sku, p]));
  for (const rule of best) for (const p of rule.items()) candidates.set(p.sku, p);
  const missing = opts.previous && opts.now !== undefined
    ? missingHooks({ previous: opts.previous, inFile: { has: (sku) => rows.item(sku) !== undefined }, since: opts.missingSince ?? new Map(), now: opts.now, hooks: cfg })
    : [];
  const { verdicts, ...selection } = selectHooks({
    channel,
    items: opts.explain ? kept : [...candidates.values()],
    noStock,
    hooks: cfg,
    problems: problemsBySku,
    ...(opts.sales ? { sales: opts.sales } : {}),
    previous,
    missing,
  });
  countTaken(selection, active, tallies, previous);
  const offers = buildOffers(selection.hooks.map((h) => ({ ...h, item: productOf(rows, h.item) })), config, channel, opts.openOrderUnits);
  return { channel, selection, offers, listability: listability.result(channel, selection.hooks.length, tallies), ...(opts.explain ? { verdicts } : {}) };
}

/**
 * The walk counted each eligible product under every rule; a product an earlier rule took is
 * not judged by the later ones, so its counts come off theirs.
 */
function countTaken(selection: Pick<HookSelection, 'hooks'>, active: Config['hooks']['rules'], tallies: RuleTally[], previous: ReadonlySet<string>): void {
  const index = new Map(active.map((r, i) => [r.name, i]));
  for (const hook of selection.hooks) {
    const taker = index.get(hook.rule);
    if (taker === undefined) continue;
    tallies[taker]!.taken += 1;
    for (let i = taker + 1; i < active.length; i++) {
      const tally = tallies[i]!;
      tally.available -= 1;
      const { failure } = judge(hook.item, active[i]!.where, previous.has(hook.item.sku));
      if (failure) tally.failures.set(failure.condition, (tally.failures.get(failure.condition) ?? 0) - 1);
      else tally.passed -= 1;
    }
  }
}

function isRows(stock: StockRows | readonly StockProduct[]): stock is StockRows {
  return !Array.isArray(stock);
}
