import type { ChannelId } from './ids.js';
import type { Minor } from './money.js';

/** The marketplace's own identifiers for a listing. Which ones exist depends on the channel. */
export interface RemoteRef {
  /** Amazon: the catalogue ASIN the offer sits on. */
  asin?: string;
  /** eBay: the offer id (Inventory API). */
  offerId?: string;
  /** eBay: the listing id (item number) minted at publish. */
  listingId?: string;
  /** Amazon: the product type used for the listing (needed by PATCH). */
  productType?: string;
}

/**
 * active: buyable or queued to be; ended: delisted (by civetta or the marketplace);
 * failed: the last create was refused, nothing is live.
 */
export type ListingStatus = 'active' | 'ended' | 'failed';

/** The last known state of a listing on one channel, as kept in the ledger. */
export interface ListingState {
  channel: ChannelId;
  sku: string;
  status: ListingStatus;
  remote: RemoteRef;
  priceMinor: Minor;
  quantity: number;
  contentHash: string;
  /** Listed by hand with `civetta list`: stays until `civetta delist`, whatever the rules say. */
  pinned: boolean;
  updatedAt: string;
}

/** What the marketplace says is live for a SKU right now (read back for adoption and drift). */
export interface RemoteListing {
  sku: string;
  /** `missing`: the marketplace has nothing under this SKU. */
  status: 'active' | 'inactive' | 'ended' | 'missing';
  remote: RemoteRef;
  priceMinor?: Minor;
  quantity?: number;
  currency?: string;
}
