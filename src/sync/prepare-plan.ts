import type { Channel } from '../channels/channel.js';
import { LISTING_RULES } from '../channels/registry.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { ChannelId } from '../domain/ids.js';
import type { Offer } from '../domain/offer.js';
import type { ChannelStop } from '../executor/channel-fault.js';
import type { Listability } from '../hooks/listability.js';
import { unitsSold } from '../hooks/units-sold.js';
import type { Ledger } from '../ledger/database.js';
import { lastAcceptedStockRows } from '../ledger/history.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { readOrders } from '../ledger/orders.js';
import type { Logger } from '../log.js';
import { assemblePlan, decideChannel, readBackSkus, selectChannel, syncGuards, type PlannedChannel } from '../plan/decide.js';
import type { MergedListings } from '../plan/merge-live.js';
import type { ShownFromCatalogue, SyncPlan } from '../plan/sync-plan.js';
import type { StockReadResult } from '../stock/read-stock.js';
import { readBack, readLedgerFacts, rematch, unread } from './gather.js';
import type { ChannelDecisions } from './record-decisions.js';

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
  /**
   * Sync only: settle interrupted writes and save the read-back in the ledger before planning
   * (what the marketplaces hold is true whatever the guards say).
   */
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
  /** What the next run starts from: `sync` records it once the guards pass (record-decisions.ts). */
  decisions: ChannelDecisions;
}

export interface PreparedPlan {
  plan: SyncPlan;
  channels: PreparedChannel[];
  /** Channels whose live listings could not be read back: nothing is planned or sent for them this run. */
  stopped: ChannelStop[];
  /** Channels with nothing they can list (exit 2): left as they are, nothing planned for them. */
  unlistable: Listability[];
}

/**
 * Builds the SyncPlan exactly as `sync` will execute it (`plan` calls it with `record: false`),
 * channel by channel: gather what the ledger knows (src/sync/gather.ts) → decide the selection
 * (src/plan/decide.ts, pure) → read the live listings of what it wants back and settle
 * interrupted writes → decide the channel's plan, with the decisions the next run starts from
 * (recorded by `sync` past the guards: src/sync/record-decisions.ts). The SyncPlan, guards
 * included, is made once at the end and never changed after.
 */
export async function preparePlan(ctx: PlanContext): Promise<PreparedPlan> {
  const { config } = ctx.loaded;
  const at = ctx.now.toISOString();
  const planned: PlannedChannel[] = [];
  const shownFromCatalogue: ShownFromCatalogue[] = [];
  const prepared: PreparedChannel[] = [];
  const stopped: ChannelStop[] = [];
  const unlistable: Listability[] = [];
  // The same ledger inputs `civetta hooks` reads (src/app/ledger-inputs.ts), so both select alike.
  const sales = unitsSold(readOrders(ctx.ledger));
  for (const channel of ctx.channels) {
    const adapter = ctx.live?.get(channel);
    const facts = readLedgerFacts(ctx.ledger, channel, { pending: ctx.record && adapter !== undefined });
    const selection = selectChannel({
      config, channel, rules: LISTING_RULES[channel], stock: ctx.stock, ledgerListings: facts.listings, holds: facts.holds,
      selectionInputs: { previous: facts.previous, sales, openOrderUnits: ctx.openOrderUnits, missingSince: facts.missingSince, now: at },
      openOrderUnits: ctx.openOrderUnits, retryHeld: ctx.retryHeld === true,
    });
    // `validate` warns about a rule that selects nothing; cron would repeat it every few minutes.
    for (const r of selection.listability.emptyRules) ctx.log.debug(r.message);
    if (selection.unlistable) {
      // A plan would end every listing of the channel; most likely the config lost something
      // (VAT, GPSR, categories). The channel is left as it is and the run says why (exit 2).
      unlistable.push(selection.listability);
      continue;
    }
    let merged: MergedListings = unread(facts.listings);
    let settled = 0;
    if (adapter) {
      const read = await readBack({
        ledger: ctx.ledger, adapter, channel, facts, skus: readBackSkus(facts.listings, selection.desired, facts.pending), at, record: ctx.record, log: ctx.log,
      });
      if ('stop' in read) {
        stopped.push(read.stop);
        continue;
      }
      ({ merged, settled } = read);
    }
    const chPlan = decideChannel({
      config, channel, rules: LISTING_RULES[channel], selection, merged, deadBandSince: facts.deadBandSince, at,
      ...(adapter?.sendsContent ? { sendsContent: (offer: Offer, l: LedgerListing) => adapter.sendsContent?.(offer, l.remote) ?? true } : {}),
    });
    const shown = adapter && chPlan.shownFromCatalogue.length > 0 ? await rematch(adapter, chPlan.shownFromCatalogue, ctx.log) : [];
    shownFromCatalogue.push(...shown);
    planned.push({ channel, plan: chPlan, unchanged: chPlan.unchanged, drift: merged.drift, notBuyable: merged.notBuyable });
    for (const w of selection.hooks.selection.warnings) ctx.log.warn(`${channel}: ${w}`);
    prepared.push({
      channel,
      // A hook within its grace stays one: its spell goes on and it keeps its keepMargin standing.
      hooks: new Map([...selection.hooks.selection.hooks.map((h): [string, string] => [h.item.sku, h.rule]), ...selection.inGrace.map((m): [string, string] => [m.sku, m.rule])]),
      liveCount: merged.known.filter((l) => l.status === 'active').length,
      settled,
      fingerprints: selection.fingerprints,
      heldBefore: new Set(facts.holds.map((h) => h.sku)),
      decisions: {
        channel,
        unwanted: facts.holds.filter((h) => !selection.fingerprints.has(h.sku)).map((h) => h.sku),
        deadBand: new Set(chPlan.deferred.filter((d) => d.why === 'dead-band').map((d) => d.sku)),
        inGrace: selection.inGrace,
        shownContent: { items: chPlan.shownFromCatalogue, shown },
      },
    });
  }
  const guards = syncGuards({
    config, stockRows: ctx.stock.stats.rows, lastAcceptedRows: lastAcceptedStockRows(ctx.ledger), planned,
    liveCount: Object.fromEntries(prepared.map((c) => [c.channel, c.liveCount])),
  });
  const plan: SyncPlan = assemblePlan({
    createdAt: at,
    channels: ctx.channels.filter((c) => !stopped.some((s) => s.channel === c) && !unlistable.some((u) => u.channel === c)),
    refreshed: ctx.live !== undefined,
    planned,
    shownFromCatalogue,
    guards,
  });
  return { plan, channels: prepared, stopped, unlistable };
}
