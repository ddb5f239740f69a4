import type { LoadedConfig } from '../config/loaded-config.js';
import { readShopStock } from '../stock/read-shop-stock.js';
import type { ChannelId } from '../domain/ids.js';
import type { Minor } from '../domain/money.js';
import { errorExitCode, ExitCode, InputError, SafetyGuardError } from '../errors.js';
import { noEnabledChannel } from '../config/enabled-channels.js';
import { executePlan, type FailedItem } from '../executor/execute-plan.js';
import { productOf } from '../domain/stock-item.js';
import { resolveProduct } from '../hooks/resolve-product.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { readListing, saveListing } from '../ledger/listings.js';
import { buildOffers } from '../pricing/build-offers.js';
import { checkGuards } from '../plan/guards.js';
import { mergeLive } from './merge-live.js';
import { planChannel } from '../plan/plan-channel.js';
import { revisionDay } from '../plan/revision-budget.js';
import { openSession } from './run-session.js';
import type { SyncDeps } from './sync-deps.js';
import { PLAN_FORMAT_VERSION, type PlanAction, type SyncPlan } from '../plan/sync-plan.js';
import { PINNED_BY_HAND } from './with-pins.js';

/** `civetta list` / `civetta delist` for one SKU on one channel. */
export type OneOff =
  | { command: 'list'; sku: string; channel: ChannelId; priceMinor?: Minor; quantity?: number }
  | { command: 'delist'; sku: string; channel: ChannelId };

export interface OneOffReport {
  runId: number;
  plan: SyncPlan;
  succeeded: number;
  failed: FailedItem[];
  /** What the ledger says now about the listing. */
  listing?: LedgerListing;
  exitCode: ExitCode;
}

/**
 * Lists/updates (and pins) or ends (and unpins) one product now. The same lock, read-back
 * (adoption: never a second listing), floor and guards as a sync, except where the owner's
 * explicit wish is the point: `delist` is not a mass delisting, and a `--price` typed by hand is
 * not checked against maxPriceChangePercent (it is still never pushed below the floor).
 */
export async function runOneOff(loaded: LoadedConfig, job: OneOff, deps: SyncDeps): Promise<OneOffReport> {
  const { config } = loaded;
  if (!config.channels[job.channel]?.enabled) throw noEnabledChannel(loaded, job.channel);
  const stock = job.command === 'list' ? await readShopStock(loaded) : undefined;
  const item = stock?.items.find((i) => i.sku === job.sku);
  if (stock && !item) throw new InputError(`SKU "${job.sku}" is not in the stock file ${config.stock.file}.`);

  const session = await openSession(loaded, { command: job.command, channel: job.channel, dryRun: false, forcedGuards: [] }, deps);
  const { ledger, runId } = session;
  try {
    const adapter = session.adapters.get(job.channel);
    if (!adapter) throw noEnabledChannel(loaded, job.channel);
    const at = deps.now().toISOString();
    const before = readListing(ledger, job.channel, job.sku);
    const live = await adapter.readListings([job.sku]);
    const merged = mergeLive(job.channel, before ? [before] : [], live, at);
    // `list` of a listing the marketplace holds but does not sell sends it whole again: the
    // owner asks for it by hand, after fixing what the marketplace named (a sync never repeats it).
    const resend = job.command === 'list' && live.get(job.sku)?.status === 'not-buyable';
    const known = resend ? undefined : merged.known.find((l) => l.sku === job.sku);

    let actions: PlanAction[] = [];
    const plan: SyncPlan = {
      formatVersion: PLAN_FORMAT_VERSION, createdAt: at, channels: [job.channel], refreshed: true,
      actions, unchanged: {}, deferred: [], drift: merged.drift, notBuyable: merged.notBuyable, shownFromCatalogue: [], refused: [], held: [], missing: [], guards: [],
    };
    if (job.command === 'list' && stock && item) {
      const [built] = buildOffers([{ item: productOf(stock, resolveProduct(item, config)), rule: PINNED_BY_HAND }], config, job.channel);
      if (!built) throw new InputError(`${job.sku}: the ${job.channel} fees leave nothing to cover the cost; no price can be offered.`);
      const offer = { ...built, ...(job.priceMinor !== undefined ? { priceMinor: job.priceMinor } : {}), ...(job.quantity !== undefined ? { quantity: job.quantity } : {}) };
      // A one-off is the owner's explicit request: no dead band, no daily budget.
      const chPlan = planChannel({ channel: job.channel, desired: [offer], known: known ? [known] : [], today: revisionDay(at, config.shop.timeZone), quantityDeadBand: 0, maxRevisionsPerDay: Number.MAX_SAFE_INTEGER });
      actions = chPlan.actions;
      Object.assign(plan, { actions, unchanged: { [job.channel]: chPlan.unchanged }, refused: chPlan.refused });
      // A price the owner typed is what they asked for: only the floor stands in its way.
      const trips = checkGuards({ safety: config.safety, stockRows: stock?.stats.rows ?? 0, actions, refused: chPlan.refused, liveCount: {} });
      plan.guards = job.priceMinor === undefined ? trips : trips.filter((t) => t.guard !== 'price-change');
      if (plan.guards.length > 0) {
        const names = [...new Set(plan.guards.map((g) => g.guard))];
        throw new SafetyGuardError(`A safety guard stopped \`civetta list ${job.sku}\` before any remote write: ${names.join(', ')}.`, names, plan.guards.flatMap((g) => [g.message, ...g.items]));
      }
      const pin: LedgerListing = known
        ? { ...known, pinned: true, updatedAt: at }
        : { channel: job.channel, sku: job.sku, status: 'failed', remote: {}, priceMinor: offer.priceMinor, quantity: offer.quantity, contentHash: '', pinned: true, revisionsToday: 0, updatedAt: at };
      const { pinPriceMinor: _p, pinQuantity: _q, ...rest } = pin;
      saveListing(ledger, { ...rest, ...(job.priceMinor !== undefined ? { pinPriceMinor: job.priceMinor } : {}), ...(job.quantity !== undefined ? { pinQuantity: job.quantity } : {}) });
    } else if (job.command === 'delist') {
      if (known?.status === 'active') {
        actions = [{ kind: 'delist', channel: job.channel, sku: job.sku, remote: known.remote, reason: 'civetta delist' }];
        plan.actions = actions;
      } else {
        plan.unchanged = { [job.channel]: 0 };
      }
      if (known) saveListing(ledger, known);
      else if (before) saveListing(ledger, { ...before, pinned: false, updatedAt: at });
    }

    const result = actions.length > 0
      ? await executePlan({ ledger, runId, channel: adapter, actions, now: deps.now, log: deps.log, timeZone: config.shop.timeZone })
      : { succeeded: 0, failed: [] };
    const after = readListing(ledger, job.channel, job.sku);
    if (job.command === 'delist' && after?.pinned && actions.length === 0) saveListing(ledger, { ...after, pinned: false, updatedAt: at });
    const exitCode = result.failed.length > 0 ? ExitCode.itemsFailed : ExitCode.ok;
    const listing = readListing(ledger, job.channel, job.sku);
    session.close({ planned: actions.length, succeeded: result.succeeded, failed: result.failed.length, deferred: 0, exitCode });
    return { runId, plan, succeeded: result.succeeded, failed: result.failed, ...(listing ? { listing } : {}), exitCode };
  } catch (error) {
    const exitCode = errorExitCode(error);
    session.close({ planned: 0, succeeded: 0, failed: 0, deferred: 0, exitCode, note: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
