import type { ChannelId } from '../domain/ids.js';
import type { Offer } from '../domain/offer.js';
import type { Ledger } from '../ledger/database.js';
import { recordDeadBand } from '../ledger/dead-band.js';
import { releaseHold, type HeldItem } from '../ledger/held.js';
import type { MissingHook } from '../hooks/missing-hooks.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { saveListing } from '../ledger/listings.js';
import { recordMissing } from '../ledger/missing-hooks.js';
import type { ChannelPlan } from '../plan/plan-channel.js';
import type { ShownFromCatalogue } from '../plan/sync-plan.js';

/**
 * What a recording run (sync, not `plan` or --dry-run) keeps of its decisions before any remote
 * write, so the next run starts from them: holds released, dead-band clocks, content settled.
 */

/**
 * The clocks of hooks missing from the stock file: kept for those within their grace, stopped for
 * the others. `sync` records them once the file is accepted: past the reader (a cut or wrong file
 * throws first) and past the guards (a file under stock-rows is refused too).
 */
export function recordMissingClocks(ledger: Ledger, channel: ChannelId, inGrace: readonly MissingHook[]): void {
  recordMissing(ledger, channel, new Map(inGrace.map((m) => [m.sku, m.since])));
}

/** An item no longer wanted here is no longer waiting for anything. */
export function releaseUnwanted(ledger: Ledger, channel: ChannelId, holds: readonly HeldItem[], wanted: ReadonlyMap<string, string>): void {
  ledger.transaction(() => {
    for (const h of holds) if (!wanted.has(h.sku)) releaseHold(ledger, channel, h.sku);
  });
}

/** Starts (or keeps) the clock of every quantity the dead band held back, and stops the others. */
export function recordDeadBandClocks(ledger: Ledger, channel: ChannelId, plan: ChannelPlan, at: string): void {
  recordDeadBand(ledger, channel, new Set(plan.deferred.filter((d) => d.why === 'dead-band').map((d) => d.sku)), at);
}

/**
 * Content shown from the catalogue is reported once: the ledger takes the new content hash,
 * unless the EAN now names another catalogue product (reported again until the owner acts).
 */
export function settleShownContent(
  ledger: Ledger,
  items: ReadonlyArray<{ listing: LedgerListing; offer: Offer }>,
  shown: readonly ShownFromCatalogue[],
  at: string,
): void {
  const settled = items.filter((s) => !shown.find((x) => x.sku === s.listing.sku)?.rematch);
  ledger.transaction(() => {
    for (const s of settled) saveListing(ledger, { ...s.listing, contentHash: s.offer.contentHash, updatedAt: at });
  });
}
