import type { Channel, MatchResult } from '../channels/channel.js';
import type { ChannelId } from '../domain/ids.js';
import type { RemoteListing } from '../domain/listing.js';
import type { Offer } from '../domain/offer.js';
import { channelStop, type ChannelStop } from '../executor/channel-fault.js';
import { pendingActions, resolveAction, type ActionRecord } from '../ledger/actions.js';
import type { Ledger } from '../ledger/database.js';
import { deadBandSince } from '../ledger/dead-band.js';
import { heldItems, type HeldItem } from '../ledger/held.js';
import { currentHooks } from '../ledger/history.js';
import { missingSince } from '../ledger/missing-hooks.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import { readListings, saveListing } from '../ledger/listings.js';
import type { Logger } from '../log.js';
import { judgePending } from '../plan/judge-pending.js';
import { mergeLive, type MergedListings } from '../plan/merge-live.js';
import type { ShownFromCatalogue } from '../plan/sync-plan.js';

/**
 * What a run reads before it decides (src/plan/decide.ts): the ledger's facts about a channel,
 * the marketplace's live listings merged with them (interrupted writes settled on the way), and
 * a second catalogue look at products shown from it.
 */

/** What the ledger holds about one channel, read before anything is decided. */
export interface LedgerFacts {
  listings: LedgerListing[];
  /** The channel's hooks before this run, SKU → the rule that took it (stable selection, missing rows). */
  previous: Map<string, string>;
  /** SKU → since when a previous hook has been missing from the stock file (hooks.missingGraceHours). */
  missingSince: Map<string, string>;
  holds: HeldItem[];
  deadBandSince: Map<string, string>;
  /** Writes an earlier run recorded as pending and never resolved (read only when the run records). */
  pending: ActionRecord[];
}

export function readLedgerFacts(ledger: Ledger, channel: ChannelId, opts: { pending: boolean }): LedgerFacts {
  return {
    listings: readListings(ledger, channel),
    previous: currentHooks(ledger, channel),
    missingSince: missingSince(ledger, channel),
    holds: heldItems(ledger, channel),
    deadBandSince: deadBandSince(ledger, channel),
    pending: opts.pending ? pendingActions(ledger, channel) : [],
  };
}

/** The ledger's listings when nothing was read back. */
export function unread(listings: LedgerListing[]): MergedListings {
  return { known: listings, drifted: new Set(), ledgerPrices: new Map(), drift: [], notBuyable: [] };
}

/**
 * The live listings of `skus`, merged with the ledger's. With `record`, interrupted writes are
 * settled by what is live and the read is saved, so the ledger matches the marketplace before
 * any write. A read-back that fails after its retries stops the channel for this run (planning
 * blind would create what may already be live); anything else is thrown.
 */
export async function readBack(input: {
  ledger: Ledger;
  adapter: Channel;
  channel: ChannelId;
  facts: LedgerFacts;
  skus: readonly string[];
  at: string;
  record: boolean;
  log: Logger;
}): Promise<{ merged: MergedListings; settled: number } | { stop: ChannelStop }> {
  const { ledger, channel, facts, at } = input;
  let live: Map<string, RemoteListing>;
  try {
    live = await input.adapter.readListings(input.skus);
  } catch (error) {
    const stop = channelStop(channel, 'read-back', error);
    if (!stop) throw error;
    input.log.warn(`${channel}: the live listings could not be read back (${stop.message}); nothing is sent to ${channel} in this run`);
    return { stop };
  }
  const merged = mergeLive(channel, facts.listings, live, at);
  if (!input.record) return { merged, settled: 0 };
  const known = settlePending(ledger, merged.known, facts.pending, live, at);
  saveRead(ledger, known, live);
  return { merged: { ...merged, known }, settled: facts.pending.length };
}

/** Records the verdict on each interrupted write; a create that landed keeps the content hash it sent. */
function settlePending(
  ledger: Ledger,
  known: LedgerListing[],
  pending: readonly ActionRecord[],
  live: ReadonlyMap<string, RemoteListing>,
  at: string,
): LedgerListing[] {
  const bySku = new Map(known.map((l) => [l.sku, l]));
  ledger.transaction(() => {
    for (const action of pending) {
      const verdict = judgePending(action, live.get(action.sku));
      resolveAction(ledger, action.id, { outcome: verdict.outcome, response: verdict.note, finishedAt: at });
      const listing = bySku.get(action.sku);
      if (verdict.contentHash && listing && listing.contentHash === '') {
        bySku.set(action.sku, { ...listing, contentHash: verdict.contentHash });
      }
    }
  });
  return [...bySku.values()];
}

/** Saves what was read back, so the ledger matches the marketplace before any write. */
function saveRead(ledger: Ledger, known: readonly LedgerListing[], live: ReadonlyMap<string, RemoteListing>): void {
  ledger.transaction(() => {
    for (const listing of known) if (live.has(listing.sku)) saveListing(ledger, listing);
  });
}

/**
 * Looks the products whose content is shown from the catalogue up again by their EAN: a changed
 * EAN may now name another catalogue product than the one the offer sits on, which the owner
 * must hear about (civetta never moves a live offer by itself). A failed lookup only loses
 * that check for this run.
 */
export async function rematch(
  adapter: Channel,
  items: ReadonlyArray<{ listing: LedgerListing; offer: Offer }>,
  log: Logger,
): Promise<ShownFromCatalogue[]> {
  const base = items.map(({ listing }) => ({ channel: listing.channel, sku: listing.sku }));
  if (!adapter.match) return base;
  let results: MatchResult[];
  try {
    results = await adapter.match(items.map((i) => i.offer.product));
  } catch (error) {
    log.warn(`${adapter.id}: the changed products could not be looked up in the catalogue again: ${error instanceof Error ? error.message : String(error)}`);
    return base;
  }
  return items.map(({ listing, offer }, i) => {
    const result = results[i];
    const on = listing.remote.asin;
    const now = result?.remote?.asin;
    if (!result || on === undefined || now === on) return { channel: listing.channel, sku: listing.sku };
    const ean = offer.product.ean ?? '-';
    const rematch = now
      ? `EAN ${ean} now finds ${now} in the catalogue (${result.message}), but the offer is on ${on}: ` +
        `civetta does not move a live offer; end it (civetta delist ${listing.sku} --channel ${listing.channel}) and the next sync lists it on ${now}`
      : `EAN ${ean}: ${result.message}; the offer stays on ${on}: check the EAN in the stock file`;
    return { channel: listing.channel, sku: listing.sku, rematch };
  });
}
