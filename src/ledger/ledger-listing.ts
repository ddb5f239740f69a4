import type { ChannelIssue, ListingState } from '../domain/listing.js';
import type { Minor } from '../domain/money.js';

/** A listing as the ledger keeps it: its last known state plus civetta's own bookkeeping. */
export interface LedgerListing extends ListingState {
  /** Successful revisions sent on `revisionDay` (UTC, YYYY-MM-DD), for the daily revision budget. */
  revisionsToday: number;
  revisionDay?: string;
  /** `civetta list --price`: the price the owner set by hand (still never below the floor). */
  pinPriceMinor?: Minor;
  /** `civetta list --quantity`: the quantity the owner set by hand. */
  pinQuantity?: number;
  /** Why the marketplace holds this listing but does not sell it, as last read back; absent when it sells. */
  issues?: ChannelIssue[];
}
