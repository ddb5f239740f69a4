import type { ChangeOutcome } from '../channels/channel.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import type { PlanAction } from '../plan/sync-plan.js';

/**
 * The ledger's new view of a listing after one outcome landed (pure), or undefined when the
 * outcome changes nothing we know (a refused update or delist leaves the listing as it was).
 */
export function listingAfter(
  action: PlanAction,
  outcome: ChangeOutcome,
  before: LedgerListing | undefined,
  today: string,
  at: string,
): LedgerListing | undefined {
  const remote = { ...before?.remote, ...outcome.remote };
  const base = {
    channel: action.channel,
    sku: action.sku,
    pinned: before?.pinned ?? false,
    revisionsToday: before?.revisionDay === today ? before.revisionsToday : 0,
    revisionDay: today,
    ...(before?.pinPriceMinor !== undefined ? { pinPriceMinor: before.pinPriceMinor } : {}),
    ...(before?.pinQuantity !== undefined ? { pinQuantity: before.pinQuantity } : {}),
    updatedAt: at,
  };
  switch (action.kind) {
    case 'create':
      return {
        ...base,
        status: outcome.ok ? 'active' : 'failed',
        remote,
        priceMinor: action.offer.priceMinor,
        quantity: action.offer.quantity,
        contentHash: outcome.ok ? action.offer.contentHash : '',
        // A create that adopted a live listing revised it.
        revisionsToday: base.revisionsToday + (outcome.revisions ?? 0),
      };
    case 'update': {
      if (!outcome.ok || !before) return undefined;
      let next: LedgerListing = { ...before, ...base, remote, revisionsToday: base.revisionsToday + (outcome.revisions ?? 1) };
      for (const change of action.changes) {
        if (change.field === 'price') next = { ...next, priceMinor: change.to };
        else if (change.field === 'quantity') next = { ...next, quantity: change.to };
        else next = { ...next, contentHash: change.to };
      }
      return next;
    }
    case 'delist': {
      if (!outcome.ok || !before) return undefined;
      // Ending a listing also ends a pin: `civetta delist` is how the owner unpins.
      const { pinPriceMinor: _p, pinQuantity: _q, ...rest } = { ...before, ...base };
      return { ...rest, status: 'ended', remote, pinned: false, revisionsToday: before.revisionsToday };
    }
  }
}
