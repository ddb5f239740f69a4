import type { Config } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { ListingRules } from '../domain/listing-rules.js';
import type { Offer } from '../domain/offer.js';
import type { Problem } from '../domain/problem.js';
import type { StockProduct, StockRows } from '../domain/stock-item.js';
import { productOf, productRows } from '../domain/stock-item.js';
import { buildOffers } from '../pricing/build-offers.js';
import { channelQuantity } from '../pricing/channel-quantity.js';
import { checkEligibility } from './eligibility.js';
import { missingHooks } from './missing-hooks.js';
import type { SalesBySku } from './rank.js';
import { resolveProduct } from './resolve-product.js';
import { selectHooks, type HookSelection } from './select-hooks.js';

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
}

/** One channel's hooks, their offers, and the product-data problems found on the way. */
export interface ChannelHooks {
  channel: ChannelId;
  selection: HookSelection;
  offers: Offer[];
  /** Product-data problems (eligibility) of every product on this channel. */
  problems: Problem[];
}

/**
 * From parsed stock items to a channel's desired offers: complete VAT and safety data from the
 * config, check each product against what the marketplace accepts (`rules`, from its channel
 * folder through channels/registry.ts), select the hooks, price them with
 * their long fields (read back for the hooks only). `stock` is the reader's rows, or complete
 * products. Pure but for the read-back.
 */
export function channelHooks(config: Config, stock: StockRows | readonly StockProduct[], channel: ChannelId, rules: ListingRules, opts: ChannelHooksOptions = {}): ChannelHooks {
  const rows = isRows(stock) ? stock : productRows(stock);
  const products = Array.from(rows.items(), (i) => resolveProduct(i, config));
  const problemsBySku = new Map<string, Problem[]>();
  for (const p of products) problemsBySku.set(p.sku, checkEligibility(p, channel, rules, config));
  const stockRules = config.channels[channel]?.stock;
  const noStock = new Set(
    stockRules ? products.filter((p) => channelQuantity(p.quantity, stockRules, opts.openOrderUnits?.get(p.sku) ?? 0) <= 0).map((p) => p.sku) : [],
  );
  const missing = opts.previous && opts.now !== undefined
    ? missingHooks({ previous: opts.previous, inFile: new Set(products.map((p) => p.sku)), since: opts.missingSince ?? new Map(), now: opts.now, hooks: config.hooks })
    : [];
  const selection = selectHooks({
    channel,
    items: products,
    noStock,
    hooks: config.hooks,
    problems: problemsBySku,
    ...(opts.sales ? { sales: opts.sales } : {}),
    ...(opts.previous ? { previous: new Set(opts.previous.keys()) } : {}),
    missing,
  });
  const offers = buildOffers(selection.hooks.map((h) => ({ ...h, item: productOf(rows, h.item) })), config, channel, opts.openOrderUnits);
  return { channel, selection, offers, problems: [...problemsBySku.values()].flat() };
}

function isRows(stock: StockRows | readonly StockProduct[]): stock is StockRows {
  return !Array.isArray(stock);
}
