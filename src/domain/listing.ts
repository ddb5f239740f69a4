import type { ChannelId } from './ids.js';
import type { Minor } from './money.js';

/**
 * The three remote writes civetta makes to a listing. The plan's actions (plan/sync-plan.ts),
 * the adapters' changes (channels/channel.ts, derived from them) and the ledger's action records
 * all take their kind from here.
 */
export type ActionKind = 'create' | 'update' | 'delist';

/** A problem or warning a marketplace reported for one item, with a plain-words explanation when we know one. */
export interface ChannelIssue {
  /** The marketplace's own code: Amazon issue code, eBay errorId, or civetta's (`unexpected-response`, `network`). */
  code: string;
  message: string;
  /** What it means for the shop owner and how to fix it. */
  explanation?: string;
  /** The attribute or field concerned, when known. */
  field?: string;
  /**
   * The refusal cannot change until the product's row or the config changes (no catalogue match,
   * category unknown or not a leaf, attribute missing, GPSR refused, not eligible): the item is
   * held and not sent again until then. Set it where the refusal is made, or list the code in
   * held-refusals.ts; `false` says a listed code is passing this time.
   */
  hold?: boolean;
}

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
  /**
   * Amazon: civetta created the catalogue product too (`createProducts`), so the title, EAN and
   * other content are its to update. Otherwise the offer sits on Amazon's product and buyers see
   * Amazon's content.
   */
  ownsProduct?: boolean;
  /**
   * Amazon: the GPSR contacts the listing holds (responsible person's and manufacturer's e-mail),
   * as last read back, so a content change that leaves them as they are sends nothing.
   */
  gpsrContacts?: string;
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
  /**
   * `missing`: the marketplace has nothing under this SKU. `not-buyable`: it holds the listing
   * with civetta's offer but does not sell it, for the reasons in `issues` (Amazon: ACCEPTED,
   * then suppressed); sending the same offer again changes nothing, so it counts as listed.
   */
  status: 'active' | 'inactive' | 'ended' | 'missing' | 'not-buyable';
  /** What the marketplace says is wrong with the listing (with `not-buyable`). */
  issues?: ChannelIssue[];
  remote: RemoteRef;
  priceMinor?: Minor;
  quantity?: number;
  currency?: string;
}
