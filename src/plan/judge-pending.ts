import type { RemoteListing } from '../domain/listing.js';
import type { ActionRecord } from '../ledger/actions.js';
import type { FieldChange } from './sync-plan.js';

/** What an interrupted write turned out to be, judged from the live listing read back. */
export interface PendingVerdict {
  outcome: 'ok' | 'abandoned';
  /** For a create that landed: the content hash it sent, so the content is not sent twice. */
  contentHash?: string;
  note: string;
}

/**
 * Decides whether a write left `pending` by a killed run landed. Pure. A create landed when the
 * SKU is live; an update when the live price/quantity are the ones it sent; a delist when the
 * listing is gone. Anything else did not land and the next plan redoes it.
 */
export function judgePending(action: ActionRecord, live: RemoteListing | undefined): PendingVerdict {
  const changes = parseChanges(action.changes);
  // A listing the marketplace holds but does not sell (`not-buyable`) did land.
  const isLive = live?.status === 'active' || live?.status === 'inactive' || live?.status === 'not-buyable';
  const content = changes.find((c) => c.field === 'content');
  switch (action.kind) {
    case 'create':
      if (live?.status === 'active' || live?.status === 'not-buyable') {
        return { outcome: 'ok', ...(content ? { contentHash: String(content.to) } : {}), note: 'interrupted run; found live on read-back' };
      }
      return { outcome: 'abandoned', note: 'interrupted run; not live on read-back, planned again' };
    case 'update': {
      const landed = isLive && changes.every((c) =>
        c.field === 'price' ? live?.priceMinor === c.to : c.field === 'quantity' ? live?.quantity === c.to : true,
      );
      return landed
        ? { outcome: 'ok', note: 'interrupted run; the live listing shows the new values' }
        : { outcome: 'abandoned', note: 'interrupted run; the live listing does not show the new values, planned again' };
    }
    case 'delist':
      return !isLive || live?.quantity === 0
        ? { outcome: 'ok', note: 'interrupted run; the listing is ended' }
        : { outcome: 'abandoned', note: 'interrupted run; the listing is still live, planned again' };
  }
}

function parseChanges(text: string): Array<Pick<FieldChange, 'field'> & { to: unknown }> {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as Array<Pick<FieldChange, 'field'> & { to: unknown }>) : [];
  } catch {
    return [];
  }
}
