import type { ShipCarrier } from '../domain/carrier.js';
import type { ChannelId } from '../domain/ids.js';
import type { ActionKind, ChannelIssue, RemoteListing, RemoteRef } from '../domain/listing.js';

export type { ChannelIssue } from '../domain/listing.js';
import type { Offer } from '../domain/offer.js';
import type { Order } from '../domain/order.js';
import type { Problem } from '../domain/problem.js';
import type { StockItem } from '../domain/stock-item.js';
import type { FieldChange, PlanAction } from '../plan/sync-plan.js';


/**
 * One change to apply to one listing: a plan action (plan/sync-plan.ts) as the adapter needs it,
 * without the plan's bookkeeping; `fields` says what an update touches.
 */
export type ListingChange =
  | Pick<Extract<PlanAction, { kind: 'create' }>, 'kind' | 'offer'>
  | (Pick<Extract<PlanAction, { kind: 'update' }>, 'kind' | 'offer' | 'remote'> & { fields: ReadonlyArray<FieldChange['field']> })
  | Pick<Extract<PlanAction, { kind: 'delist' }>, 'kind' | 'sku' | 'remote'>;

/** The outcome of one change, reported as soon as it is known. */
export interface ChangeOutcome {
  sku: string;
  kind: ActionKind;
  ok: boolean;
  /** The remote identifiers after the change (create: the new ones). */
  remote?: RemoteRef;
  /** A short summary of what was sent (operation and key values); never a secret. */
  request: string;
  /** The marketplace's answer, compact: status, ids, issue codes. */
  response?: string;
  errors: ChannelIssue[];
  warnings: ChannelIssue[];
  /**
   * Calls that revised a live listing (eBay allows 250 a listing a calendar day and counts each:
   * a content update is the item and the offer, two). Absent: one for an update, none for a create.
   */
  revisions?: number;
}

/** The result of looking a product up in a marketplace's catalogue before listing it. */
export interface MatchResult {
  sku: string;
  /** matched: exactly one candidate that passes the title/brand check. */
  outcome: 'matched' | 'ambiguous' | 'none' | 'mismatch' | 'no-ean';
  candidates: Array<{ id: string; title?: string; brand?: string; productType?: string }>;
  remote?: RemoteRef;
  message: string;
}

export interface ShipRequest {
  orderId: string;
  marketplace: string;
  lines: Array<{ lineId: string; quantity: number }>;
  /** The carrier in this marketplace's own code (src/orders/carriers.ts), with the name civetta records. */
  carrier: ShipCarrier;
  tracking: string;
  shippedAt: Date;
}

export interface ShipOutcome {
  ok: boolean;
  /** eBay fulfillmentId / Amazon package reference. */
  reference?: string;
  errors: ChannelIssue[];
}

/** A documented order-page limit: `burstPages` pages at once, then one every `secondsPerPage`. */
export interface OrderPaging {
  pageSize: number;
  burstPages: number;
  secondsPerPage: number;
}

/**
 * One marketplace behind one interface. Built from its config section; owns its auth, pacing and
 * retries through the shared HTTP layer. Methods never reject for a single item's failure (that
 * is an outcome); they reject with `ChannelAuthError` when credentials are refused and with
 * `InputError` when the configured endpoint is not allowed.
 */
export interface Channel {
  readonly id: ChannelId;
  /** Obtains an access token now, so a refused credential stops the run before any write. */
  authenticate(): Promise<void>;
  /** Looks products up in the marketplace catalogue (Amazon: ASIN by EAN). Channels without a catalogue omit it. */
  match?(items: readonly StockItem[]): Promise<MatchResult[]>;
  /**
   * Whether a content change of this listing is sent. False: the marketplace shows its own
   * catalogue's content for it (an Amazon offer on an existing product), so the change is only
   * reported. Channels that always send content omit it.
   */
  sendsContent?(offer: Offer, remote: RemoteRef): boolean;
  /** Reads what is live for these SKUs: for adoption before the first write, and drift checks. */
  readListings(skus: readonly string[]): Promise<Map<string, RemoteListing>>;
  /**
   * Everything the channel needs before its first write besides the items themselves (eBay:
   * programs, seller registration, business policies, the inventory location, created when it can
   * be), checked when a run is about to create listings. An error without a `sku` stops the
   * channel for the run before any item write; one with a `sku` concerns that item only (what
   * only some items lack, such as a category, is refused and held per item instead).
   */
  checkSetup?(creates: readonly Offer[]): Promise<Problem[]>;
  /** Applies the changes, choosing per-item calls or bulk/feed, calling `onOutcome` as each lands. */
  apply(changes: readonly ListingChange[], onOutcome: (outcome: ChangeOutcome) => void): Promise<void>;
  /** Orders created or changed at or after `since`, one page at a time, through to the last page. */
  pullOrders(since: Date): AsyncIterable<Order[]>;
  /** How the marketplace paces order pages, when a big pull must wait on it (Amazon searchOrders). */
  readonly orderPaging?: OrderPaging;
  /** Sends carrier and tracking for the given order lines. */
  ship(request: ShipRequest): Promise<ShipOutcome>;
}
