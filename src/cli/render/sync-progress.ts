import type { SyncProgress } from '../../sync/sync-deps.js';

const STAGES: Record<Exclude<SyncProgress['stage'], 'apply'>, string> = {
  orders: 'Pulling orders…',
  stock: 'Reading the stock file…',
  'read-back': 'Reading the live listings back…',
  plan: 'Planning…',
  guards: 'Checking the safety guards…',
};

/** The spinner's text for a sync stage, or for one applied change (`ebay: 3/28 LEGO-60400`). */
export function syncProgressText(e: SyncProgress): string {
  return e.stage === 'apply' ? `${e.channel}: ${e.done}/${e.total} ${e.sku}` : STAGES[e.stage];
}
