import type { ChannelId } from '../domain/ids.js';
import type { ActionKind, ChannelIssue, RemoteRef } from '../domain/listing.js';
import type { Minor } from '../domain/money.js';
import type { Offer } from '../domain/offer.js';
import type { GuardTrip } from './guards.js';

/** Bumped when the shape of a SyncPlan changes; `plan --json` consumers check it. */
export const PLAN_FORMAT_VERSION = 1;

/** A listing field civetta manages, with its old and new value (content: the content hash). */
export type FieldChange =
  | { field: 'price'; from: Minor; to: Minor }
  | { field: 'quantity'; from: number; to: number }
  | { field: 'content'; from: string; to: string };

/** One planned remote write (its `kind` one of ActionKind). `offer` is what will be sent (create/update). */
export type PlanAction = { kind: ActionKind } & (
  | { kind: 'create'; channel: ChannelId; sku: string; offer: Offer; reason: string }
  | {
      kind: 'update';
      channel: ChannelId;
      sku: string;
      offer: Offer;
      changes: FieldChange[];
      remote: RemoteRef;
      reason: string;
      /** True when the change puts back a value edited on the marketplace (drift). */
      correctsDrift: boolean;
      /** When the live price was edited elsewhere: the price civetta last set (the price guard measures from it). */
      ledgerPriceMinor?: Minor;
    }
  | { kind: 'delist'; channel: ChannelId; sku: string; remote: RemoteRef; reason: string }
);

/** A change the planner held back this run, and why. */
export interface Deferred {
  channel: ChannelId;
  sku: string;
  /**
   * dead-band: an upward quantity move too small to spend a revision on; revision-cap: the
   * listing's daily revisions are used up; no-stock: a hook not live whose channel quantity is 0
   * waits for stock instead of being listed unsellable.
   */
  why: 'dead-band' | 'revision-cap' | 'no-stock';
  changes: FieldChange[];
  message: string;
}

/** Where the marketplace differs from what the ledger last recorded. */
export interface Drift {
  channel: ChannelId;
  sku: string;
  /** price/quantity: edited remotely; ended: the marketplace ended it; adopted: found live though the ledger did not know it. */
  kind: 'price' | 'quantity' | 'ended' | 'adopted';
  ledger?: string;
  live?: string;
}

/**
 * A listing the marketplace holds with civetta's offer but does not sell, and its reasons
 * (Amazon: ACCEPTED, then not BUYABLE for a missing attribute). It is not sent again until
 * its price, stock or content changes.
 */
export interface NotBuyable {
  channel: ChannelId;
  sku: string;
  issues: ChannelIssue[];
}

/**
 * A listing whose content changed in the stock file while the marketplace shows its own
 * catalogue's content for it (an Amazon offer on an existing product): nothing is sent. With
 * `rematch`, the product's EAN now finds another catalogue product than the one the offer is on.
 */
export interface ShownFromCatalogue {
  channel: ChannelId;
  sku: string;
  rematch?: string;
}

/** A write the planner refuses outright (a price below the floor is never pushed). */
export interface Refusal {
  channel: ChannelId;
  sku: string;
  why: 'below-floor';
  priceMinor: Minor;
  floorMinor: Minor;
  message: string;
}

/** An item not sent this run: refused before for a reason its unchanged inputs still have (`sync --retry-held` sends it). */
export interface HeldNote {
  channel: ChannelId;
  sku: string;
  /** The refusal's code. */
  reason: string;
  message: string;
  /** When it was first refused for this reason. */
  since: string;
}

/** A hook missing from the stock file, offered at quantity 0 and keeping its slot until `delistAfter`. */
export interface MissingNote {
  channel: ChannelId;
  sku: string;
  /** When a run first found its row missing. */
  since: string;
  /** When it is delisted and replaced unless its row comes back (hooks.missingGraceHours). */
  delistAfter: string;
}

/**
 * What a sync would do, as data: `plan` prints it, `sync --dry-run` prints it, `sync` hands
 * exactly this object to the executor. Made once, complete (src/plan/decide.ts assemblePlan),
 * and read-only from then on: nothing is patched into it later.
 */
export interface SyncPlan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly createdAt: string;
  readonly channels: readonly ChannelId[];
  /** True when the live listings were read back (drift is then known). */
  readonly refreshed: boolean;
  readonly actions: readonly PlanAction[];
  /** Listings that are right as they are (per channel). */
  readonly unchanged: Readonly<Partial<Record<ChannelId, number>>>;
  readonly deferred: readonly Deferred[];
  readonly drift: readonly Drift[];
  /** Read back (`--refresh`, sync): listings the marketplace holds but does not sell. */
  readonly notBuyable: readonly NotBuyable[];
  /** Read back (`--refresh`, sync): content changes the marketplace shows from its catalogue instead. */
  readonly shownFromCatalogue: readonly ShownFromCatalogue[];
  readonly refused: readonly Refusal[];
  /** Items held back until their stock row or the config changes. */
  readonly held: readonly HeldNote[];
  /** Hooks missing from the stock file, within their grace (offered at 0, not yet replaced). */
  readonly missing: readonly MissingNote[];
  /** The safety guards this plan trips (a sync stops on any not forced with --force-guard). */
  readonly guards: readonly GuardTrip[];
}
