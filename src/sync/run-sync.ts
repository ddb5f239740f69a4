import type { LoadedConfig } from '../config/loaded-config.js';
import { enabledChannels, noEnabledChannel } from '../config/enabled-channels.js';
import { readShopStock, stockAsOf } from '../stock/read-shop-stock.js';
import type { ChannelId } from '../domain/ids.js';
import { errorExitCode, ExitCode, SafetyGuardError } from '../errors.js';
import { executePlan, type FailedItem } from '../executor/execute-plan.js';
import { recordHooks, recordStockAccepted } from '../ledger/history.js';
import { openOrderUnits } from '../orders/open-orders.js';
import { productLookup } from '../orders/product-lookup.js';
import { pullAuthFailure, pullOrders, type PullReport } from '../orders/pull-orders.js';
import { purgePii } from '../orders/purge-pii.js';
import type { Channel } from '../channels/channel.js';
import type { Problem } from '../domain/problem.js';
import { channelStop, type ChannelStop } from '../executor/channel-fault.js';
import type { Listability } from '../hooks/listability.js';
import { blockingTrips, parseForcedGuards, type GuardName, type GuardTrip } from '../plan/guards.js';
import { preparePlan } from './prepare-plan.js';
import { recordDecisions } from './record-decisions.js';
import { openSession } from './run-session.js';
import type { SyncDeps } from './sync-deps.js';
import type { PlanAction, SyncPlan } from '../plan/sync-plan.js';

export interface SyncOptions {
  channel?: ChannelId;
  dryRun: boolean;
  /** `--force-guard` values as typed. */
  forceGuard: readonly string[];
  /** `--retry-held`: send the held items again even though their inputs did not change. */
  retryHeld?: boolean;
}

/** What a sync did: the plan it executed (or would have), what landed and what failed. */
export interface RunReport {
  runId: number;
  dryRun: boolean;
  plan: SyncPlan;
  orders: PullReport;
  forcedGuards: GuardName[];
  /** Guards that tripped but were forced for this run. */
  forcedTrips: GuardTrip[];
  succeeded: number;
  failed: FailedItem[];
  /** Interrupted writes of an earlier run, settled by reading the listings back. */
  settled: number;
  /** Channels that refused their credentials: left out of this run, which ends in exit 5. */
  refused: Array<{ channel: string; message: string }>;
  /** Channels a marketplace call stopped after its retries (the run ends in exit 1; the next run finishes their work). */
  stopped: ChannelStop[];
  /** Channels with nothing they can list, and why (the run ends in exit 2; nothing was sent to them). */
  unlistable: Listability[];
  exitCode: ExitCode;
}

/**
 * The cron entry point: lock → authenticate → pull orders → read stock → hooks and offers →
 * read back the live listings → plan → guards → apply → record. Nothing is written to a
 * marketplace before every guard has passed; `dryRun` stops right before the first write.
 */
export async function runSync(loaded: LoadedConfig, opts: SyncOptions, deps: SyncDeps): Promise<RunReport> {
  const forced = parseForcedGuards(opts.forceGuard);
  const enabled = enabledChannels(loaded, opts.channel);
  if (enabled.length === 0) throw noEnabledChannel(loaded, opts.channel);
  const { config } = loaded;
  const session = await openSession(loaded, { command: 'sync', ...(opts.channel ? { channel: opts.channel } : {}), dryRun: opts.dryRun, forcedGuards: forced, keepGoing: true }, deps);
  const { ledger, runId, adapters } = session;
  const channels = enabled.filter((c) => adapters.has(c));
  const refused = session.refused.map((e) => ({ channel: e.channel, message: e.message }));
  let counts = { planned: 0, succeeded: 0, failed: 0, deferred: 0 };
  try {
    // The stock file first: a refused file stops the run (exit 2) before any marketplace call,
    // and its products give pulled order lines their EAN, VAT rate and cost.
    deps.onProgress?.({ stage: 'stock' });
    const stock = await readShopStock(loaded);

    deps.onProgress?.({ stage: 'orders' });
    const now = deps.now();
    const orders = await pullOrders(ledger, adapters, {
      now, overlapMinutes: config.orders.overlapMinutes, firstPullDays: config.orders.firstPullDays, log: deps.log,
      products: productLookup(stock, config),
    });
    const pullRefusal = pullAuthFailure(orders);
    if (pullRefusal) throw pullRefusal;
    for (const c of orders.channels) if (c.error) deps.log.warn(`${c.channel}: orders pull failed (${c.error.message}); quantities use the orders already in the ledger`);
    if (!opts.dryRun) {
      const { purged } = purgePii(ledger, { olderThanDays: config.orders.piiRetentionDays, now });
      if (purged > 0) deps.log.info(`buyer data erased from ${purged} orders past ${config.orders.piiRetentionDays} days`);
    }
    deps.onProgress?.({ stage: 'read-back' });
    const prepared = await preparePlan({
      loaded, ledger, channels, stock, openOrderUnits: openOrderUnits(ledger, { stockAsOf: stockAsOf(loaded) }), now, live: adapters, record: !opts.dryRun, log: deps.log,
      ...(opts.retryHeld ? { retryHeld: true } : {}),
    });
    const { plan } = prepared;
    counts = { planned: plan.actions.length, succeeded: 0, failed: 0, deferred: plan.deferred.length };

    deps.onProgress?.({ stage: 'guards' });
    const trips = plan.guards;
    const blocking = blockingTrips(trips, forced);
    if (blocking.length > 0) throw guardError(blocking);

    const report: RunReport = {
      runId, dryRun: opts.dryRun, plan, orders, forcedGuards: forced, forcedTrips: trips.filter((t) => forced.includes(t.guard)),
      succeeded: 0, failed: [], settled: prepared.channels.reduce((n, c) => n + c.settled, 0), refused,
      stopped: [...prepared.stopped], unlistable: prepared.unlistable, exitCode: ExitCode.ok,
    };
    report.exitCode = exitCodeOf(report);
    if (opts.dryRun) {
      session.close({ ...counts, exitCode: report.exitCode, note: 'dry run: nothing sent' });
      return report;
    }
    recordStockAccepted(ledger, runId, config.stock.file, stock.stats.rows, now.toISOString());
    // Only a plan past every guard (a stock-rows trip is a refused file too) is one the next run
    // may start from: released holds, dead-band and missing-hook clocks, settled content.
    for (const c of prepared.channels) recordDecisions(ledger, c.decisions, now.toISOString());
    for (const channel of channels) {
      const adapter = adapters.get(channel);
      const actions = plan.actions.filter((a) => a.channel === channel);
      if (!adapter || actions.length === 0) continue;
      const setup = await checkSetup(adapter, actions);
      if (setup) {
        deps.log.warn(`${channel}: ${setup.message}`);
        report.stopped.push(setup);
        continue;
      }
      let done = 0;
      const prep = prepared.channels.find((c) => c.channel === channel);
      const result = await executePlan({
        ledger, runId, channel: adapter, actions, now: deps.now, log: deps.log, timeZone: config.shop.timeZone,
        ...(prep ? { fingerprints: prep.fingerprints, heldBefore: prep.heldBefore } : {}),
        onOutcome: (action, outcome) => deps.onProgress?.({ stage: 'apply', channel, done: ++done, total: actions.length, sku: action.sku, ok: outcome.ok }),
      });
      report.succeeded += result.succeeded;
      report.failed.push(...result.failed);
      if (result.stopped) report.stopped.push(result.stopped);
    }
    for (const c of prepared.channels) recordHooks(ledger, c.channel, c.hooks, now.toISOString());
    report.exitCode = exitCodeOf(report);
    counts = { ...counts, succeeded: report.succeeded, failed: report.failed.length };
    const notes = [
      ...(forced.length > 0 ? [`forced guards: ${forced.join(', ')}`] : []),
      ...refused.map((r) => `${r.channel}: credentials refused, nothing sent`),
      ...report.stopped.map((s) => `${s.channel}: stopped at ${s.stage}: ${s.message}`),
      ...report.unlistable.map((u) => `${u.channel}: nothing can be listed`),
    ];
    const note = notes.length > 0 ? notes.join('; ') : undefined;
    session.close({ ...counts, exitCode: report.exitCode, ...(note ? { note } : {}) });
    return report;
  } catch (error) {
    const exitCode = errorExitCode(error);
    session.close({ ...counts, exitCode, note: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/**
 * Before a channel's first listings: its account setup (checkSetup). A missing policy or location
 * would fail every create the same way, so the channel is stopped with one error instead.
 */
async function checkSetup(adapter: Channel, actions: readonly PlanAction[]): Promise<ChannelStop | undefined> {
  const creates = actions.flatMap((a) => (a.kind === 'create' ? [a.offer] : []));
  if (creates.length === 0 || !adapter.checkSetup) return undefined;
  let problems: Problem[];
  try {
    problems = await adapter.checkSetup(creates);
  } catch (error) {
    const stop = channelStop(adapter.id, 'setup', error);
    if (!stop) throw error;
    return stop;
  }
  const blocking = problems.filter((p) => p.severity === 'error' && p.sku === undefined);
  if (blocking.length === 0) return undefined;
  const what = blocking.map((p) => `${p.message}${p.key ? ` (${p.key}${p.expected ? `: ${p.expected}` : ''})` : ''}`).join('; ');
  return { channel: adapter.id, stage: 'setup', message: `setup incomplete, nothing sent: ${what}` };
}

/** Refused credentials outrank everything else: the owner has to act before the next run. */
function exitCodeOf(report: RunReport): ExitCode {
  if (report.refused.length > 0) return ExitCode.authFailed;
  // A channel that can list nothing needs the owner's hand as much: cron must not stay silent.
  if (report.unlistable.length > 0) return ExitCode.invalidInput;
  // An item refused again for the reason it was already held for is not news: cron stays quiet.
  const news = report.failed.filter((f) => f.held !== 'again');
  return news.length > 0 || report.stopped.length > 0 ? ExitCode.itemsFailed : ExitCode.ok;
}

function guardError(trips: readonly GuardTrip[]): SafetyGuardError {
  const names = [...new Set(trips.map((t) => t.guard))];
  const details = trips.flatMap((t) => [`${t.guard}: ${t.message}`, ...t.items.slice(0, 20).map((i) => `  ${i}`)]);
  details.push(`Nothing was sent. If this is intended, run again with ${names.map((n) => `--force-guard ${n}`).join(' ')}.`);
  return new SafetyGuardError(`A safety guard stopped the sync before any remote write: ${names.join(', ')}.`, names, details);
}
