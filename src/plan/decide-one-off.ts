import type { Config } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { ListingRules } from '../domain/listing-rules.js';
import type { Minor } from '../domain/money.js';
import { productOf, type StockItem, type StockRows } from '../domain/stock-item.js';
import { InputError } from '../errors.js';
import { resolveProduct } from '../hooks/resolve-product.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { buildOffers } from '../pricing/build-offers.js';
import { assemblePlan, type PlannedChannel } from './decide.js';
import { checkGuards } from './guards.js';
import type { MergedListings } from './merge-live.js';
import { planChannel } from './plan-channel.js';
import { revisionDay } from './revision-budget.js';
import type { SyncPlan } from './sync-plan.js';
import { PINNED_BY_HAND } from './with-pins.js';

/** `civetta list` / `civetta delist` for one SKU on one channel. */
export type OneOff =
  | { command: 'list'; sku: string; channel: ChannelId; priceMinor?: Minor; quantity?: number }
  | { command: 'delist'; sku: string; channel: ChannelId };

/** What a one-off decides: the plan, and the listing the ledger keeps before the write (the pin, or the unpin). */
export interface OneOffDecision {
  plan: SyncPlan;
  save?: LedgerListing;
}

/**
 * The decide step of `list` / `delist`, on the same gather as a sync (the ledger's listing and
 * the marketplace's, merged). `list` prices the product as a hook (never below the floor) or at
 * the owner's --price/--quantity, plans it with no dead band and no daily budget (the owner asks
 * for it now), checks the guards — except the price-change guard against a price typed by hand —
 * and pins it. `delist` ends it when live and unpins it. Pure.
 */
export function decideOneOff(input: {
  job: OneOff;
  config: Config;
  /** What the marketplace accepts and how it counts revisions (its channel folder's rules). */
  rules: ListingRules;
  /** The stock file and the product's row in it (list only). */
  stock?: StockRows;
  item?: StockItem;
  stockRows: number;
  /** The ledger's listing before the run. */
  before: LedgerListing | undefined;
  merged: MergedListings;
  /** A listing the marketplace holds but does not sell is sent whole again by `list`, as if unknown. */
  resend: boolean;
  at: string;
}): OneOffDecision {
  const { job, config, at } = input;
  const known = input.resend ? undefined : input.merged.known.find((l) => l.sku === job.sku);
  const gathered = { channel: job.channel, drift: input.merged.drift, notBuyable: input.merged.notBuyable };
  const plan = (planned: PlannedChannel, guards: SyncPlan['guards'] = []) =>
    assemblePlan({ createdAt: at, channels: [job.channel], refreshed: true, planned: [planned], shownFromCatalogue: [], guards });
  const nothing = { actions: [], deferred: [], refused: [], held: [], missing: [] };

  if (job.command === 'delist') {
    const live = known?.status === 'active' ? known : undefined;
    const save = known ?? (input.before ? { ...input.before, pinned: false, updatedAt: at } : undefined);
    return {
      plan: plan({
        ...gathered,
        plan: { ...nothing, actions: live ? [{ kind: 'delist', channel: job.channel, sku: job.sku, remote: live.remote, reason: 'civetta delist' }] : [] },
        ...(live ? {} : { unchanged: 0 }),
      }),
      ...(save ? { save } : {}),
    };
  }
  // The caller refuses a SKU the stock file lacks before it takes the lock.
  if (!input.stock || !input.item) throw new Error(`list ${job.sku}: no stock row given`);
  const [built] = buildOffers([{ item: productOf(input.stock, resolveProduct(input.item, config)), rule: PINNED_BY_HAND }], config, job.channel);
  if (!built) throw new InputError(`${job.sku}: the ${job.channel} fees leave nothing to cover the cost; no price can be offered.`);
  const offer = { ...built, ...(job.priceMinor !== undefined ? { priceMinor: job.priceMinor } : {}), ...(job.quantity !== undefined ? { quantity: job.quantity } : {}) };
  const chPlan = planChannel({ channel: job.channel, desired: [offer], known: known ? [known] : [], today: revisionDay(at, config.shop.timeZone), quantityDeadBand: 0, maxRevisionsPerDay: Number.MAX_SAFE_INTEGER, revisions: input.rules.revisions });
  // A price the owner typed is what they asked for: only the floor stands in its way.
  const trips = checkGuards({ safety: config.safety, stockRows: input.stockRows, actions: chPlan.actions, refused: chPlan.refused, liveCount: {} });
  const guards = job.priceMinor === undefined ? trips : trips.filter((t) => t.guard !== 'price-change');
  const pin: LedgerListing = known
    ? { ...known, pinned: true, updatedAt: at }
    : { channel: job.channel, sku: job.sku, status: 'failed', remote: {}, priceMinor: offer.priceMinor, quantity: offer.quantity, contentHash: '', pinned: true, revisionsToday: 0, updatedAt: at };
  const { pinPriceMinor: _p, pinQuantity: _q, ...rest } = pin;
  return {
    plan: plan({ ...gathered, plan: { ...nothing, actions: chPlan.actions, refused: chPlan.refused }, unchanged: chPlan.unchanged }, guards),
    save: { ...rest, ...(job.priceMinor !== undefined ? { pinPriceMinor: job.priceMinor } : {}), ...(job.quantity !== undefined ? { pinQuantity: job.quantity } : {}) },
  };
}
