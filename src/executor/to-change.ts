import type { ListingChange } from '../channels/channel.js';
import type { PlanAction } from '../plan/sync-plan.js';

/** The adapter-facing change for a planned action. */
export function toChange(action: PlanAction): ListingChange {
  switch (action.kind) {
    case 'create':
      return { kind: 'create', offer: action.offer };
    case 'update':
      return { kind: 'update', offer: action.offer, fields: action.changes.map((c) => c.field), remote: action.remote };
    case 'delist':
      return { kind: 'delist', sku: action.sku, remote: action.remote };
  }
}
