import type { ChannelId } from '../domain/ids.js';
import { recentFailures, type ActionRecord } from '../ledger/actions.js';
import type { Ledger } from '../ledger/database.js';
import { heldItems, type HeldItem } from '../ledger/held.js';
import { allMissingHooks } from '../ledger/missing-hooks.js';
import { countListings, notBuyableListings } from '../ledger/listings.js';
import { recentRuns, type RunRecord } from '../ledger/runs.js';
import type { NotBuyable } from '../plan/sync-plan.js';

/** Listings of one channel by status. */
interface ListingCount {
  channel: ChannelId;
  active: number;
  pinned: number;
  ended: number;
  failed: number;
}

/** What `civetta status` shows about syncs, read from the ledger. */
export interface SyncStatus {
  runs: RunRecord[];
  failures: ActionRecord[];
  /** Items held until their inputs change, by channel and reason. */
  held: HeldItem[];
  listings: ListingCount[];
  /** Listed, but the marketplace does not sell them (as last read back), with its reasons. */
  notBuyable: NotBuyable[];
  pendingActions: number;
  /** Hooks missing from the stock file, offered at 0 until their grace ends. */
  missing: Array<{ channel: ChannelId; sku: string; since: string }>;
}

export function syncStatus(ledger: Ledger, runs = 10, failures = 20): SyncStatus {
  const byChannel = new Map<ChannelId, ListingCount>();
  for (const row of countListings(ledger)) {
    const c = byChannel.get(row.channel) ?? { channel: row.channel, active: 0, pinned: 0, ended: 0, failed: 0 };
    c[row.status] += row.count;
    c.pinned += row.pinned;
    byChannel.set(row.channel, c);
  }
  return {
    runs: recentRuns(ledger, runs),
    failures: recentFailures(ledger, failures),
    held: heldItems(ledger),
    listings: [...byChannel.values()],
    notBuyable: notBuyableListings(ledger),
    pendingActions: ledger.db.prepare("SELECT count(*) FROM actions WHERE outcome = 'pending'").pluck().get() as number,
    missing: allMissingHooks(ledger),
  };
}
