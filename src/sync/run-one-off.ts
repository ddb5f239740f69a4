import { LISTING_RULES } from '../channels/registry.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import { noEnabledChannel } from '../config/enabled-channels.js';
import { errorExitCode, ExitCode, InputError, SafetyGuardError } from '../errors.js';
import { executePlan, type FailedItem } from '../executor/execute-plan.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { readListing, saveListing } from '../ledger/listings.js';
import { decideOneOff, type OneOff } from '../plan/decide-one-off.js';
import { mergeLive } from '../plan/merge-live.js';
import type { SyncPlan } from '../plan/sync-plan.js';
import { readShopStock } from '../stock/read-shop-stock.js';
import { openSession } from './run-session.js';
import type { SyncDeps } from './sync-deps.js';

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
 * Lists/updates (and pins) or ends (and unpins) one product now: the same lock, gather (the
 * ledger's listing and the live one: adoption, never a second listing) and write as a sync,
 * with its own decide (src/plan/decide-one-off.ts): the owner's explicit wish is the point, so
 * `delist` is not a mass delisting, and a `--price` typed by hand is not checked against
 * maxPriceChangePercent (it is still never pushed below the floor).
 */
export async function runOneOff(loaded: LoadedConfig, job: OneOff, deps: SyncDeps): Promise<OneOffReport> {
  const { config } = loaded;
  if (!config.channels[job.channel]?.enabled) throw noEnabledChannel(loaded, job.channel);
  const stock = job.command === 'list' ? await readShopStock(loaded) : undefined;
  const item = stock?.item(job.sku);
  if (stock && !item) throw new InputError(`SKU "${job.sku}" is not in the stock file ${config.stock.file}.`);

  const session = await openSession(loaded, { command: job.command, channel: job.channel, dryRun: false, forcedGuards: [] }, deps);
  const { ledger, runId } = session;
  try {
    const adapter = session.adapters.get(job.channel);
    if (!adapter) throw noEnabledChannel(loaded, job.channel);
    // Gather.
    const at = deps.now().toISOString();
    const before = readListing(ledger, job.channel, job.sku);
    const live = await adapter.readListings([job.sku]);
    const merged = mergeLive(job.channel, before ? [before] : [], live, at);
    // Decide. `list` of a listing the marketplace holds but does not sell sends it whole again:
    // the owner asks for it by hand, after fixing what the marketplace named (a sync never repeats it).
    const resend = job.command === 'list' && live.get(job.sku)?.status === 'not-buyable';
    const { plan, save } = decideOneOff({ job, config, rules: LISTING_RULES[job.channel], ...(stock && item ? { stock, item } : {}), stockRows: stock?.stats.rows ?? 0, before, merged, resend, at });
    if (job.command === 'list' && plan.guards.length > 0) {
      const names = [...new Set(plan.guards.map((g) => g.guard))];
      throw new SafetyGuardError(`A safety guard stopped \`civetta list ${job.sku}\` before any remote write: ${names.join(', ')}.`, names, plan.guards.flatMap((g) => [g.message, ...g.items]));
    }
    // Write.
    if (save) saveListing(ledger, save);
    const { actions } = plan;
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
