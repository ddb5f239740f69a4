import { channelCurrency } from '../config/channel-currency.js';
import type { Config } from '../config/schema.js';
import type { ChannelId } from '../domain/ids.js';
import type { ListingRules } from '../domain/listing-rules.js';
import type { Offer } from '../domain/offer.js';
import type { StockRows } from '../domain/stock-item.js';
import { channelHooks, type ChannelHooks, type ChannelHooksOptions } from '../hooks/channel-hooks.js';
import type { Listability } from '../hooks/listability.js';
import type { MissingHook } from '../hooks/missing-hooks.js';
import type { HeldItem } from '../ledger/held.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import type { ActionRecord } from '../ledger/actions.js';
import { checkGuards, type GuardTrip } from './guards.js';
import { holdFingerprint } from './hold-fingerprint.js';
import type { MergedListings } from './merge-live.js';
import { planChannel, type ChannelPlan } from './plan-channel.js';
import { revisionDay } from './revision-budget.js';
import { PLAN_FORMAT_VERSION, type Drift, type HeldNote, type NotBuyable, type ShownFromCatalogue, type SyncPlan } from './sync-plan.js';
import { withPins } from './with-pins.js';

/**
 * The decisions of a run, pure: which hooks and offers a channel wants, what its plan is, and
 * the one SyncPlan of the run with its guards. Everything they need is gathered first
 * (src/sync/gather.ts); what they decide is written after (src/sync/record-decisions.ts,
 * src/executor/).
 */

/** What a channel wants this run: its hooks, the offers to be live, and the held items among them. */
export interface ChannelSelection {
  hooks: ChannelHooks;
  /** The hook offers and the pinned products, quantities net of open orders. */
  desired: Offer[];
  listability: Listability;
  /** SKU → fingerprint of the inputs of its offer, for holding what gets refused (hold-fingerprint.ts). */
  fingerprints: Map<string, string>;
  /** Items held with the inputs they still have: not sent again this run. */
  held: Map<string, HeldNote>;
  /** Previous hooks missing from the stock file within their grace: they stay hooks, offered at 0. */
  inGrace: MissingHook[];
  /** Nothing can be listed and nothing is wanted or kept: a plan would end every listing of the channel. */
  unlistable: boolean;
}

export function selectChannel(input: {
  config: Config;
  channel: ChannelId;
  /** What the marketplace accepts of a product (its channel folder's, through channels/registry.ts). */
  rules: ListingRules;
  stock: StockRows;
  ledgerListings: readonly LedgerListing[];
  holds: readonly HeldItem[];
  selectionInputs: ChannelHooksOptions;
  openOrderUnits: ReadonlyMap<string, number>;
  /** `sync --retry-held`: held items are sent even though their inputs did not change. */
  retryHeld: boolean;
}): ChannelSelection {
  const { config, channel } = input;
  const hooks = channelHooks(config, input.stock, channel, input.rules, input.selectionInputs);
  const desired = withPins(config, channel, hooks.offers, input.stock, input.ledgerListings, input.openOrderUnits);
  const fingerprints = new Map(desired.map((o) => [o.sku, holdFingerprint(o, config.channels[channel])]));
  const held = new Map<string, HeldNote>();
  for (const h of input.holds) {
    if (input.retryHeld || fingerprints.get(h.sku) !== h.fingerprint) continue;
    held.set(h.sku, { channel, sku: h.sku, reason: h.reason, message: h.message, since: h.since });
  }
  const canList = hooks.listability;
  const inGrace = hooks.selection.missing.filter((m) => !m.expired);
  return { hooks, desired, listability: canList, fingerprints, held, inGrace, unlistable: canList.nothingListable && desired.length === 0 && inGrace.length === 0 };
}

/** The listings the read-back covers: what is live or pinned, what is wanted, and what an interrupted write touched. */
export function readBackSkus(ledgerListings: readonly LedgerListing[], desired: readonly Offer[], pending: readonly ActionRecord[]): string[] {
  return [
    ...new Set([...ledgerListings.filter((l) => l.status === 'active' || l.pinned).map((l) => l.sku), ...desired.map((o) => o.sku), ...pending.map((a) => a.sku)]),
  ].sort();
}

/** A channel's plan: the selection's offers against what is known to be live, within the day's revision budget. */
export function decideChannel(input: {
  config: Config;
  channel: ChannelId;
  /** What the marketplace accepts and how it counts revisions (its channel folder's rules). */
  rules: ListingRules;
  selection: ChannelSelection;
  merged: MergedListings;
  deadBandSince: ReadonlyMap<string, string>;
  at: string;
  sendsContent?: (offer: Offer, listing: LedgerListing) => boolean;
}): ChannelPlan {
  const { config, channel, selection, merged, at } = input;
  return planChannel({
    channel,
    desired: selection.desired,
    known: merged.known,
    drifted: merged.drifted,
    ledgerPrices: merged.ledgerPrices,
    today: revisionDay(at, config.shop.timeZone),
    quantityDeadBand: config.sync.quantityDeadBand,
    maxRevisionsPerDay: config.sync.maxRevisionsPerDay[channel],
    revisions: input.rules.revisions,
    held: selection.held,
    deadBandSince: input.deadBandSince,
    now: at,
    deadBandMaxHours: config.hooks.deadBandMaxHours,
    missing: { hooks: selection.hooks.selection.missing, currency: channelCurrency(config, channel) },
    ...(input.sendsContent ? { sendsContent: input.sendsContent } : {}),
  });
}

/** One planned channel, as the SyncPlan takes it. */
export interface PlannedChannel {
  channel: ChannelId;
  plan: Pick<ChannelPlan, 'actions' | 'deferred' | 'refused' | 'held' | 'missing'>;
  /** Listings right as they are; absent when the run did not count them (a one-off delist of what is not live counts 0). */
  unchanged?: number;
  drift: readonly Drift[];
  notBuyable: readonly NotBuyable[];
}

/**
 * The one SyncPlan of a run, complete: every planned channel's actions and notes in channel
 * order, and the guards it trips. Nothing is added to it afterwards.
 */
export function assemblePlan(input: {
  createdAt: string;
  channels: readonly ChannelId[];
  refreshed: boolean;
  planned: readonly PlannedChannel[];
  shownFromCatalogue: readonly ShownFromCatalogue[];
  guards: readonly GuardTrip[];
}): SyncPlan {
  const { planned } = input;
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: input.createdAt,
    channels: [...input.channels],
    refreshed: input.refreshed,
    actions: planned.flatMap((p) => p.plan.actions),
    unchanged: Object.fromEntries(planned.flatMap((p) => (p.unchanged !== undefined ? [[p.channel, p.unchanged]] : []))),
    deferred: planned.flatMap((p) => p.plan.deferred),
    drift: planned.flatMap((p) => p.drift),
    notBuyable: planned.flatMap((p) => p.notBuyable),
    shownFromCatalogue: [...input.shownFromCatalogue],
    refused: planned.flatMap((p) => p.plan.refused),
    held: planned.flatMap((p) => p.plan.held),
    missing: planned.flatMap((p) => p.plan.missing),
    guards: [...input.guards],
  };
}

/** The guards a sync's plan trips, measured against each channel's live count before the run and the last accepted stock file. */
export function syncGuards(input: {
  config: Config;
  stockRows: number;
  lastAcceptedRows: number | undefined;
  planned: readonly PlannedChannel[];
  liveCount: Partial<Record<ChannelId, number>>;
}): GuardTrip[] {
  return checkGuards({
    safety: input.config.safety,
    stockRows: input.stockRows,
    ...(input.lastAcceptedRows !== undefined ? { lastAcceptedRows: input.lastAcceptedRows } : {}),
    actions: input.planned.flatMap((p) => p.plan.actions),
    refused: input.planned.flatMap((p) => p.plan.refused),
    liveCount: input.liveCount,
  });
}
