import type { Channel, ChangeOutcome, ChannelIssue } from '../channels/channel.js';
import { heldRefusal } from '../channels/held-refusals.js';
import { holdItem, releaseHold } from '../ledger/held.js';
import type { Ledger } from '../ledger/database.js';
import { recordPending, resolveAction } from '../ledger/actions.js';
import { readListing, saveListing } from '../ledger/listings.js';
import type { Logger } from '../log.js';
import { channelStop, type ChannelStop } from './channel-fault.js';
import { revisionDay } from '../plan/revision-budget.js';
import type { PlanAction } from '../plan/sync-plan.js';
import { listingAfter } from './listing-after.js';
import { toChange } from './to-change.js';

/** One write that did not succeed, as reported to the owner. */
export interface FailedItem {
  channel: string;
  sku: string;
  kind: PlanAction['kind'];
  errors: ChannelIssue[];
  /** Refused for a reason that holds the item until its inputs change: `again` when it was held before this run. */
  held?: 'new' | 'again';
}

export interface ExecuteInput {
  ledger: Ledger;
  runId: number;
  channel: Channel;
  /** The plan's actions for this channel, as planned. */
  actions: readonly PlanAction[];
  now: () => Date;
  /** `shop.timeZone`: the day revisions are counted in. */
  timeZone: string;
  log: Logger;
  /** SKU → fingerprint of the offer's inputs: an item refused for good is held with it. Without it nothing is held. */
  fingerprints?: ReadonlyMap<string, string>;
  /** SKUs held before this run. */
  heldBefore?: ReadonlySet<string>;
  /** Called as each outcome lands (after it is recorded), for progress display. */
  onOutcome?: (action: PlanAction, outcome: ChangeOutcome) => void;
}

export interface ExecuteResult {
  succeeded: number;
  failed: FailedItem[];
  /** Set when a marketplace call stayed broken mid-way: the unreported actions stay pending for the next run to read back. */
  stopped?: ChannelStop;
}

/**
 * The only writer: sends one channel's actions through its adapter. Every action is recorded
 * as `pending` before anything is sent, and each outcome is recorded with the listing's new
 * state in one transaction as it lands, so a run killed at any moment leaves only `pending`
 * rows behind, which the next run resolves by reading the listings back before it plans.
 * Single-item failures are outcomes, not exceptions: the run goes on.
 */
export async function executePlan(input: ExecuteInput): Promise<ExecuteResult> {
  const { ledger, runId, actions } = input;
  const startedAt = input.now().toISOString();
  const pending = new Map<string, { action: PlanAction; id: number }>();
  ledger.transaction(() => {
    for (const action of actions) {
      const changes = action.kind === 'update' ? action.changes : action.kind === 'create' ? createChanges(action) : [];
      const id = recordPending(ledger, { runId, channel: action.channel, sku: action.sku, kind: action.kind, changes, createdAt: startedAt });
      pending.set(key(action.kind, action.sku), { action, id });
    }
  });
  const result: ExecuteResult = { succeeded: 0, failed: [] };

  const land = (outcome: ChangeOutcome): void => {
    const entry = pending.get(key(outcome.kind, outcome.sku));
    if (!entry) {
      input.log.warn(`${input.channel.id}: an outcome for ${outcome.kind} ${outcome.sku} that was not planned; ignored`);
      return;
    }
    pending.delete(key(outcome.kind, outcome.sku));
    const at = input.now().toISOString();
    // Ending a listing is never held: only a create or an update is refused for its inputs.
    const refusal = outcome.ok || outcome.kind === 'delist' ? undefined : heldRefusal(input.channel.id, outcome.errors);
    const fingerprint = input.fingerprints?.get(outcome.sku);
    ledger.transaction(() => {
      resolveAction(ledger, entry.id, {
        outcome: outcome.ok ? 'ok' : 'failed',
        request: outcome.request,
        ...(outcome.response !== undefined ? { response: outcome.response } : {}),
        errors: [...outcome.errors, ...outcome.warnings.map((w) => ({ ...w, warning: true }))],
        finishedAt: at,
      });
      const before = readListing(ledger, entry.action.channel, entry.action.sku);
      const after = listingAfter(entry.action, outcome, before, revisionDay(at, input.timeZone), at);
      if (after) saveListing(ledger, after);
      if (outcome.ok) releaseHold(ledger, entry.action.channel, entry.action.sku);
      else if (refusal && fingerprint) {
        const message = `${refusal.message}${refusal.explanation ? ` — ${refusal.explanation}` : ''}`;
        holdItem(ledger, { channel: entry.action.channel, sku: entry.action.sku, reason: refusal.code, message, fingerprint, since: at, lastTriedAt: at });
      }
    });
    if (outcome.ok) result.succeeded += 1;
    else {
      const held = refusal && fingerprint ? { held: input.heldBefore?.has(outcome.sku) ? ('again' as const) : ('new' as const) } : {};
      result.failed.push({ channel: entry.action.channel, sku: outcome.sku, kind: outcome.kind, errors: outcome.errors, ...held });
    }
    input.onOutcome?.(entry.action, outcome);
  };

  // A rejection leaves the unreported actions pending: whether they landed is unknown, and the
  // next run reads them back before planning. A broken marketplace stops only this channel;
  // refused credentials and bugs stop the run.
  try {
    await input.channel.apply(actions.map(toChange), land);
  } catch (error) {
    const stopped = channelStop(input.channel.id, 'apply', error);
    if (!stopped) throw error;
    input.log.warn(`${input.channel.id}: ${stopped.message}; ${pending.size} write(s) left for the next run to check and finish`);
    return { ...result, stopped };
  }

  for (const { action, id } of pending.values()) {
    const errors: ChannelIssue[] = [{ code: 'no-outcome', message: 'the adapter reported no outcome for this change' }];
    resolveAction(ledger, id, { outcome: 'failed', errors, finishedAt: input.now().toISOString() });
    result.failed.push({ channel: action.channel, sku: action.sku, kind: action.kind, errors });
  }
  return result;
}

function key(kind: string, sku: string): string {
  return `${kind}\u0000${sku}`;
}

function createChanges(action: Extract<PlanAction, { kind: 'create' }>) {
  return [
    { field: 'price', to: action.offer.priceMinor },
    { field: 'quantity', to: action.offer.quantity },
    { field: 'content', to: action.offer.contentHash },
  ];
}
