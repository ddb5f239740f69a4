import type { ChannelId } from '../domain/ids.js';
import type { RevisionRules } from '../domain/listing-rules.js';
import { minorToDecimal } from '../domain/money.js';
import { utcMinute } from '../domain/shop-day.js';
import type { Offer } from '../domain/offer.js';
import { missingText, type MissingHook } from '../hooks/missing-hooks.js';
import { zeroOffer } from './zero-offer.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { diffOffer, limitRevisions } from './revision-budget.js';
import type { Deferred, HeldNote, MissingNote, PlanAction, Refusal } from './sync-plan.js';

/** Everything the planner needs for one channel; all of it already read, so planning is pure. */
export interface ChannelPlanInput {
  channel: ChannelId;
  /** What should be live: the hook offers (and pinned products), quantities net of open orders. */
  desired: readonly Offer[];
  /** What is live as far as we know: the ledger, merged with the live read-back when there was one. */
  known: readonly LedgerListing[];
  /** SKUs whose known price/quantity came from the marketplace, not from civetta (drift). */
  drifted?: ReadonlySet<string>;
  /** The price civetta last set, for SKUs whose price was edited on the marketplace (guards compare against it). */
  ledgerPrices?: ReadonlyMap<string, number>;
  /** The UTC day (YYYY-MM-DD) revision budgets count against. */
  today: string;
  quantityDeadBand: number;
  maxRevisionsPerDay: number;
  /** How the marketplace counts revisions (its cap per listing and day, a content update's cost): its channel folder's rules. */
  revisions: RevisionRules;
  /** Items held with the inputs they still have: not sent while they are not live. */
  held?: ReadonlyMap<string, HeldNote>;
  /** SKU → since when the dead band has held its quantity back (ISO); with `now` and `deadBandMaxHours`. */
  deadBandSince?: ReadonlyMap<string, string>;
  now?: string;
  /** A move held back this long by the dead band is sent. */
  deadBandMaxHours?: number;
  /** Whether the channel sends a content change of this listing (absent: always). */
  sendsContent?: (offer: Offer, listing: LedgerListing) => boolean;
  /** Hooks missing from the stock file (missing-hooks.ts), and the currency of the channel's offers. */
  missing?: { hooks: readonly MissingHook[]; currency: string };
}

export interface ChannelPlan {
  actions: PlanAction[];
  unchanged: number;
  deferred: Deferred[];
  refused: Refusal[];
  held: HeldNote[];
  /** Listings whose content change the marketplace shows from its catalogue (not sent). */
  shownFromCatalogue: Array<{ listing: LedgerListing; offer: Offer }>;
  /** Hooks missing from the stock file within their grace: offered at 0, slot kept. */
  missing: MissingNote[];
}

/**
 * Desired offers against known listings: create what is missing, update what differs (one
 * coalesced revision per listing), delist what is live but no longer wanted unless pinned. A
 * hook missing from the stock file goes to quantity 0 while its grace lasts and is delisted after.
 */
export function planChannel(input: ChannelPlanInput): ChannelPlan {
  const { channel } = input;
  const known = new Map(input.known.map((l) => [l.sku, l]));
  const plan: ChannelPlan = { actions: [], unchanged: 0, deferred: [], refused: [], held: [], shownFromCatalogue: [], missing: [] };
  const wanted = new Set<string>();
  const desiredSkus = new Set(input.desired.map((o) => o.sku));
  const graceOffers: Offer[] = [];
  const gone = new Map<string, MissingHook>();
  for (const m of input.missing?.hooks ?? []) {
    if (desiredSkus.has(m.sku)) continue;
    if (m.expired) {
      gone.set(m.sku, m);
      continue;
    }
    plan.missing.push({ channel, sku: m.sku, since: m.since, delistAfter: m.delistAfter });
    const listing = known.get(m.sku);
    // Not live: nothing to sell and nothing to list; the slot waits for the row or the end of the grace.
    if (listing?.status === 'active') graceOffers.push(zeroOffer(listing, input.missing!.currency, `${missingText(m)}: offered at 0 meanwhile`));
  }

  for (const offer of [...input.desired, ...graceOffers].sort(bySku)) {
    wanted.add(offer.sku);
    const floor = offer.floorMinor;
    if (floor !== undefined && offer.priceMinor < floor) {
      plan.refused.push({
        channel,
        sku: offer.sku,
        why: 'below-floor',
        priceMinor: offer.priceMinor,
        floorMinor: floor,
        message: `price ${minorToDecimal(offer.priceMinor)} is below the floor ${minorToDecimal(floor)} (cost + fees + floorMargin): not pushed`,
      });
      continue;
    }
    const listing = known.get(offer.sku);
    const held = input.held?.get(offer.sku);
    // Only an item that is not live waits: a live listing's updates (a quantity drop above all) always go.
    if (held && listing?.status !== 'active') {
      plan.held.push(held);
      continue;
    }
    if (listing?.status !== 'active' && offer.quantity <= 0) {
      // Nothing to sell: a listing at 0 (eBay will not even publish it) waits for stock.
      plan.deferred.push({ channel, sku: offer.sku, why: 'no-stock', changes: [], message: 'channel quantity 0: waits for stock before it is listed' });
      continue;
    }
    if (listing?.status !== 'active') {
      plan.actions.push({ kind: 'create', channel, sku: offer.sku, offer, reason: offer.reason });
      continue;
    }
    const since = input.deadBandSince?.get(offer.sku);
    const overdue = since !== undefined && input.now !== undefined && input.deadBandMaxHours !== undefined
      && Date.parse(input.now) - Date.parse(since) >= input.deadBandMaxHours * 3_600_000;
    // Buyers see the marketplace's catalogue content: a content change is reported, not a revision.
    const shown = listing.contentHash !== offer.contentHash && input.sendsContent !== undefined && !input.sendsContent(offer, listing);
    if (shown) plan.shownFromCatalogue.push({ listing, offer });
    const diff = diffOffer(listing, shown ? { ...offer, contentHash: listing.contentHash } : offer, input.quantityDeadBand, overdue);
    if (diff.skipped) plan.deferred.push(diff.skipped);
    if (diff.changes.length === 0) {
      plan.unchanged += 1;
      continue;
    }
    const budget = limitRevisions(listing, diff.changes, input.today, input.maxRevisionsPerDay, input.revisions);
    if (budget.deferred) plan.deferred.push(budget.deferred);
    if (budget.send.length === 0) {
      plan.unchanged += 1;
      continue;
    }
    plan.actions.push({
      kind: 'update',
      channel,
      sku: offer.sku,
      offer: budget.deferred ? heldBack(diff.offer, listing) : diff.offer,
      changes: budget.send,
      remote: listing.remote,
      reason: offer.reason,
      correctsDrift: input.drifted?.has(offer.sku) ?? false,
      ...(input.ledgerPrices?.has(offer.sku) ? { ledgerPriceMinor: input.ledgerPrices.get(offer.sku)! } : {}),
    });
  }

  for (const listing of [...known.values()].sort(bySku)) {
    if (wanted.has(listing.sku) || listing.status !== 'active') continue;
    if (listing.pinned) {
      plan.unchanged += 1;
      continue;
    }
    const expired = gone.get(listing.sku);
    plan.actions.push({
      kind: 'delist',
      channel,
      sku: listing.sku,
      remote: listing.remote,
      reason: expired ? `missing from the stock file since ${utcMinute(expired.since)}: hooks.missingGraceHours is over` : 'no longer selected by any rule',
    });
  }
  return plan;
}

function bySku(a: { sku: string }, b: { sku: string }): number {
  return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
}

/** The offer to send when only the quantity goes today: price and content stay as they are live. */
function heldBack(offer: Offer, listing: LedgerListing): Offer {
  return { ...offer, priceMinor: listing.priceMinor, contentHash: listing.contentHash };
}
