import type { ChannelId } from '../domain/ids.js';
import type { Offer } from '../domain/offer.js';
import type { Ledger } from '../ledger/database.js';
import { recordDeadBand } from '../ledger/dead-band.js';
import { releaseHold } from '../ledger/held.js';
import type { MissingHook } from '../hooks/missing-hooks.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { saveListing } from '../ledger/listings.js';
import { recordMissing } from '../ledger/missing-hooks.js';
import type { ShownFromCatalogue } from '../plan/sync-plan.js';

/**
 * What a channel's planning decided that the next run starts from. `sync` records it only once
 * the run is past every guard: a file a guard refuses (cut, wrong, too short) must not release
 * holds, stop the dead band's clocks or start the missing-hook clocks of the products it lacks,
 * since the next run, with the good file back, would then begin from the bad one.
 */
export interface ChannelDecisions {
  channel: ChannelId;
  /** Held SKUs the selection no longer wants here: no longer waiting for anything. */
  unwanted: string[];
  /** SKUs whose quantity the dead band held back: their clocks start or go on, every other stops. */
  deadBand: ReadonlySet<string>;
  /** Hooks missing from the stock file within their grace: their clocks start or go on. */
  inGrace: readonly MissingHook[];
  /** Listings whose content the plan showed from the catalogue, and what the rematch found. */
  shownContent: { items: ReadonlyArray<{ listing: LedgerListing; offer: Offer }>; shown: readonly ShownFromCatalogue[] };
}

/** Records a channel's decisions in one transaction (after the guards; never on a dry run or `plan`). */
export function recordDecisions(ledger: Ledger, decisions: ChannelDecisions, at: string): void {
  const { channel } = decisions;
  ledger.transaction(() => {
    for (const sku of decisions.unwanted) releaseHold(ledger, channel, sku);
    recordDeadBand(ledger, channel, decisions.deadBand, at);
    recordMissing(ledger, channel, new Map(decisions.inGrace.map((m) => [m.sku, m.since])));
    settleShownContent(ledger, decisions.shownContent.items, decisions.shownContent.shown, at);
  });
}

/**
 * Content shown from the catalogue is reported once: the ledger takes the new content hash,
 * unless the EAN now names another catalogue product (reported again until the owner acts).
 */
function settleShownContent(
  ledger: Ledger,
  items: ReadonlyArray<{ listing: LedgerListing; offer: Offer }>,
  shown: readonly ShownFromCatalogue[],
  at: string,
): void {
  const settled = items.filter((s) => !shown.find((x) => x.sku === s.listing.sku)?.rematch);
  for (const s of settled) saveListing(ledger, { ...s.listing, contentHash: s.offer.contentHash, updatedAt: at });
}
