import type { Channel, MatchResult } from '../channels/channel.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { ChannelId } from '../domain/ids.js';
import type { RemoteListing } from '../domain/listing.js';
import type { Offer } from '../domain/offer.js';
import { channelHooks } from '../hooks/channel-hooks.js';
import { listability, type Listability } from '../hooks/listability.js';
import { unitsSold } from '../hooks/units-sold.js';
import { pendingActions, resolveAction } from '../ledger/actions.js';
import type { Ledger } from '../ledger/database.js';
import { deadBandSince, recordDeadBand } from '../ledger/dead-band.js';
import { heldItems, releaseHold } from '../ledger/held.js';
import { missingSince, recordMissing } from '../ledger/missing-hooks.js';
import { currentHooks } from '../ledger/history.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { readListings, saveListing } from '../ledger/listings.js';
import { readOrders } from '../ledger/orders.js';
import type { Logger } from '../log.js';
import type { StockReadResult } from '../stock/read-stock.js';
import { channelStop, type ChannelStop } from '../executor/channel-fault.js';
import { mergeLive, type MergedListings } from './merge-live.js';
import { planChannel } from '../plan/plan-channel.js';
import { holdFingerprint } from './hold-fingerprint.js';
import { revisionDay } from '../plan/revision-budget.js';
import { judgePending } from './judge-pending.js';
import { PLAN_FORMAT_VERSION, type HeldNote, type ShownFromCatalogue, type SyncPlan } from '../plan/sync-plan.js';
import { withPins } from './with-pins.js';

/** What planning needs, already loaded; `live` adds the read-back of the marketplaces. */
export interface PlanContext {
  loaded: LoadedConfig;
  ledger: Ledger;
  channels: readonly ChannelId[];
  stock: StockReadResult;
  openOrderUnits: ReadonlyMap<string, number>;
  now: Date;
  /** Read the live listings back from these adapters (drift, adoption, interrupted writes). */
  live?: ReadonlyMap<ChannelId, Channel>;
  /** Sync only: settle interrupted writes and save the read-back in the ledger before planning. */
  record: boolean;
  /** `sync --retry-held`: send held items even though their inputs did not change. */
  retryHeld?: boolean;
  log: Logger;
}

/** Per channel, what the run needs after planning: the hook set to record and the live count for guards. */
interface PreparedChannel {
  channel: ChannelId;
  hooks: Map<string, string>;
  liveCount: number;
  /** Interrupted writes of an earlier run settled by this one. */
  settled: number;
  /** SKU → fingerprint of the inputs of its offer, for holding what gets refused (hold-fingerprint.ts). */
  fingerprints: Map<string, string>;
  /** SKUs held before this run (a refusal of one of them again is not news). */
  heldBefore: Set<string>;
}

export interface PreparedPlan {
  plan: SyncPlan;
  channels: PreparedChannel[];
  /** Channels whose live listings could not be read back: nothing is planned or sent for them this run. */
  stopped: ChannelStop[];
  /** Channels with nothing they can list (exit 2): left as they are, nothing planned for them. */
  unlistable: Listability[];
}

/** Builds the SyncPlan exactly as `sync` will execute it. `plan` calls it with `record: false`. */
export async function preparePlan(ctx: PlanContext): Promise<PreparedPlan> {
  const { config } = ctx.loaded;
  const at = ctx.now.toISOString();
  const plan: SyncPlan = {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: at,
    channels: [...ctx.channels],
    refreshed: ctx.live !== undefined,
    actions: [],
    unchanged: {},
    deferred: [],
    drift: [],
    notBuyable: [],
    shownFromCatalogue: [],
    refused: [],
    held: [],
    missing: [],
    guards: [],
  };
  const prepared: PreparedChannel[] = [];
  const stopped: ChannelStop[] = [];
  const unlistable: Listability[] = [];
  // The same ledger inputs `civetta hooks` reads (src/app/ledger-inputs.ts), so both select alike.
  const sales = unitsSold(readOrders(ctx.ledger));
  for (const channel of ctx.channels) {
    const ledgerListings = readListings(ctx.ledger, channel);
    const previous = currentHooks(ctx.ledger, channel);
    const hooks = channelHooks(config, ctx.stock, channel, {
      previous, sales, openOrderUnits: ctx.openOrderUnits, missingSince: missingSince(ctx.ledger, channel), now: at,
    });
    const inGrace = hooks.selection.missing.filter((m) => !m.expired);
    // A refused stock file never gets here (readShopStock throws first), so only an accepted
    // file starts a missing hook's clock.
    if (ctx.record) recordMissing(ctx.ledger, channel, new Map(inGrace.map((m) => [m.sku, m.since])));
    const desired = withPins(config, channel, hooks.offers, ctx.stock, ledgerListings, ctx.openOrderUnits);
    const canList = listability(hooks.selection, ctx.stock.items);
    // `validate` warns about a rule that selects nothing; cron would repeat it every few minutes.
    for (const r of canList.emptyRules) ctx.log.debug(r.message);
    if (canList.nothingListable && desired.length === 0 && inGrace.length === 0) {
      // A plan would end every listing of the channel; most likely the config lost something
      // (VAT, GPSR, categories). The channel is left as it is and the run says why (exit 2).
      unlistable.push(canList);
      continue;
    }
    const fingerprints = new Map(desired.map((o) => [o.sku, holdFingerprint(o, config.channels[channel])]));
    const holds = heldItems(ctx.ledger, channel);
    const held = new Map<string, HeldNote>();
    for (const h of holds) {
      if (ctx.retryHeld || fingerprints.get(h.sku) !== h.fingerprint) continue;
      held.set(h.sku, { channel, sku: h.sku, reason: h.reason, message: h.message, since: h.since });
    }
    if (ctx.record) {
      // An item no longer wanted here is no longer waiting for anything.
      ctx.ledger.transaction(() => {
        for (const h of holds) if (!fingerprints.has(h.sku)) releaseHold(ctx.ledger, channel, h.sku);
      });
    }
    let merged: MergedListings = { known: ledgerListings, drifted: new Set(), ledgerPrices: new Map(), drift: [], notBuyable: [] };
    let settled = 0;
    const adapter = ctx.live?.get(channel);
    if (adapter) {
      const pending = ctx.record ? pendingActions(ctx.ledger, channel) : [];
      const skus = new Set([
        ...ledgerListings.filter((l) => l.status === 'active' || l.pinned).map((l) => l.sku),
        ...desired.map((o) => o.sku),
        ...pending.map((a) => a.sku),
      ]);
      let live: Map<string, RemoteListing>;
      try {
        live = await adapter.readListings([...skus].sort());
      } catch (error) {
        // Planning blind would create what may already be live: this channel sits the run out.
        const stop = channelStop(channel, 'read-back', error);
        if (!stop) throw error;
        ctx.log.warn(`${channel}: the live listings could not be read back (${stop.message}); nothing is sent to ${channel} in this run`);
        stopped.push(stop);
        continue;
      }
      merged = mergeLive(channel, ledgerListings, live, at);
      if (ctx.record) {
        merged = { ...merged, known: settlePending(ctx.ledger, merged.known, pending, live, at) };
        settled = pending.length;
        saveRead(ctx.ledger, merged.known, live);
      }
    }
    const chPlan = planChannel({
      channel,
      desired,
      known: merged.known,
      drifted: merged.drifted,
      ledgerPrices: merged.ledgerPrices,
      today: revisionDay(at, config.shop.timeZone),
      quantityDeadBand: config.sync.quantityDeadBand,
      maxRevisionsPerDay: config.sync.maxRevisionsPerDay[channel],
      held,
      deadBandSince: deadBandSince(ctx.ledger, channel),
      now: at,
      deadBandMaxHours: config.hooks.deadBandMaxHours,
      missing: { hooks: hooks.selection.missing, currency: config.channels[channel]?.currency ?? config.shop.currency },
      ...(adapter?.sendsContent ? { sendsContent: (offer: Offer, l: LedgerListing) => adapter.sendsContent?.(offer, l.remote) ?? true } : {}),
    });
    if (ctx.record) {
      recordDeadBand(ctx.ledger, channel, new Set(chPlan.deferred.filter((d) => d.why === 'dead-band').map((d) => d.sku)), at);
    }
    if (adapter && chPlan.shownFromCatalogue.length > 0) {
      const shown = await rematch(adapter, chPlan.shownFromCatalogue, ctx.log);
      plan.shownFromCatalogue.push(...shown);
      // Reported once: the ledger takes the new content unless the EAN now names another product.
      if (ctx.record) {
        const settledHashes = chPlan.shownFromCatalogue.filter((s) => !shown.find((x) => x.sku === s.listing.sku)?.rematch);
        ctx.ledger.transaction(() => {
          for (const s of settledHashes) saveListing(ctx.ledger, { ...s.listing, contentHash: s.offer.contentHash, updatedAt: at });
        });
      }
    }
    plan.actions.push(...chPlan.actions);
    plan.unchanged[channel] = chPlan.unchanged;
    plan.deferred.push(...chPlan.deferred);
    plan.refused.push(...chPlan.refused);
    plan.held.push(...chPlan.held);
    plan.missing.push(...chPlan.missing);
    plan.drift.push(...merged.drift);
    plan.notBuyable.push(...merged.notBuyable);
    for (const w of hooks.selection.warnings) ctx.log.warn(`${channel}: ${w}`);
    prepared.push({
      channel,
      // A hook within its grace stays one: its spell goes on and it keeps its keepMargin standing.
      hooks: new Map([...hooks.selection.hooks.map((h): [string, string] => [h.item.sku, h.rule]), ...inGrace.map((m): [string, string] => [m.sku, m.rule])]),
      liveCount: merged.known.filter((l) => l.status === 'active').length,
      settled,
      fingerprints,
      heldBefore: new Set(holds.map((h) => h.sku)),
    });
  }
  plan.channels = plan.channels.filter((c) => !stopped.some((s) => s.channel === c) && !unlistable.some((u) => u.channel === c));
  return { plan, channels: prepared, stopped, unlistable };
}

/**
 * Looks the products whose content is shown from the catalogue up again by their EAN: a changed
 * EAN may now name another catalogue product than the one the offer sits on, which the owner
 * must hear about (civetta never moves a live offer by itself). A failed lookup only loses
 * that check for this run.
 */
async function rematch(
  adapter: Channel,
  items: ReadonlyArray<{ listing: LedgerListing; offer: Offer }>,
  log: Logger,
): Promise<ShownFromCatalogue[]> {
  const base = items.map(({ listing }) => ({ channel: listing.channel, sku: listing.sku }));
  if (!adapter.match) return base;
  let results: MatchResult[];
  try {
    results = await adapter.match(items.map((i) => i.offer.product));
  } catch (error) {
    log.warn(`${adapter.id}: the changed products could not be looked up in the catalogue again: ${error instanceof Error ? error.message : String(error)}`);
    return base;
  }
  return items.map(({ listing, offer }, i) => {
    const result = results[i];
    const on = listing.remote.asin;
    const now = result?.remote?.asin;
    if (!result || on === undefined || now === on) return { channel: listing.channel, sku: listing.sku };
    const ean = offer.product.ean ?? '-';
    const rematch = now
      ? `EAN ${ean} now finds ${now} in the catalogue (${result.message}), but the offer is on ${on}: ` +
        `civetta does not move a live offer; end it (civetta delist ${listing.sku} --channel ${listing.channel}) and the next sync lists it on ${now}`
      : `EAN ${ean}: ${result.message}; the offer stays on ${on}: check the EAN in the stock file`;
    return { channel: listing.channel, sku: listing.sku, rematch };
  });
}

/** Records the verdict on each interrupted write; a create that landed keeps the content hash it sent. */
function settlePending(
  ledger: Ledger,
  known: LedgerListing[],
  pending: ReturnType<typeof pendingActions>,
  live: ReadonlyMap<string, RemoteListing>,
  at: string,
): LedgerListing[] {
  const bySku = new Map(known.map((l) => [l.sku, l]));
  ledger.transaction(() => {
    for (const action of pending) {
      const verdict = judgePending(action, live.get(action.sku));
      resolveAction(ledger, action.id, { outcome: verdict.outcome, response: verdict.note, finishedAt: at });
      const listing = bySku.get(action.sku);
      if (verdict.contentHash && listing && listing.contentHash === '') {
        bySku.set(action.sku, { ...listing, contentHash: verdict.contentHash });
      }
    }
  });
  return [...bySku.values()];
}

/** Saves what was read back, so the ledger matches the marketplace before any write. */
function saveRead(ledger: Ledger, known: readonly LedgerListing[], live: ReadonlyMap<string, RemoteListing>): void {
  ledger.transaction(() => {
    for (const listing of known) if (live.has(listing.sku)) saveListing(ledger, listing);
  });
}
