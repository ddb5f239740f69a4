import type { ChannelId } from '../domain/ids.js';
import type { RemoteListing } from '../domain/listing.js';
import { minorToDecimal, type Minor } from '../domain/money.js';
import type { LedgerListing } from '../ledger/ledger-listing.js';
import type { Drift, NotBuyable } from './sync-plan.js';

/** The ledger's view corrected by what the marketplace says is live. */
export interface MergedListings {
  known: LedgerListing[];
  /** SKUs whose price or quantity was edited on the marketplace: an update puts them back. */
  drifted: Set<string>;
  /** The price civetta last set, for SKUs whose price was edited on the marketplace. */
  ledgerPrices: Map<string, Minor>;
  drift: Drift[];
  /** Listings the marketplace holds but does not sell, with its reasons. */
  notBuyable: NotBuyable[];
}

/**
 * Merges the live read-back into the ledger's listings. The marketplace wins on what is live
 * (so the planner diffs against reality), and every difference is reported as drift. A live
 * listing the ledger does not know as active is adopted, never created a second time. Its
 * content hash stays unknown (''), so the planner sends the shop's content once.
 */
export function mergeLive(
  channel: ChannelId,
  ledger: readonly LedgerListing[],
  live: ReadonlyMap<string, RemoteListing>,
  now: string,
): MergedListings {
  const bySku = new Map(ledger.map((l) => [l.sku, l]));
  const drift: Drift[] = [];
  const drifted = new Set<string>();
  const ledgerPrices = new Map<string, Minor>();
  const notBuyable: NotBuyable[] = [];
  for (const [sku, remote] of live) {
    const listing = bySku.get(sku);
    // Not buyable at 0 units is just sold out and stays as it is; not buyable with units (an eBay
    // offer withdrawn) is as good as ended. A listing the marketplace holds with civetta's offer
    // and names reasons for not selling (`not-buyable`) is listed: sending the same offer again
    // would change nothing, so it is diffed like a live one and its reasons are reported.
    const held = remote.status === 'not-buyable';
    const soldOut = (remote.status === 'inactive' || held) && remote.quantity === 0;
    const issues = held ? { issues: remote.issues ?? [] } : {};
    if (remote.status !== 'active' && !soldOut && !held) {
      if (listing?.status === 'active') {
        drift.push({ channel, sku, kind: 'ended', ledger: 'active', live: remote.status });
        bySku.set(sku, { ...listing, status: 'ended', updatedAt: now });
      }
      continue; // nothing live, or an unpublished draft: a create lists it (adapters reuse a draft)
    }
    if (listing?.status !== 'active') {
      // A sold-out leftover (or one delisted to 0): a create lists it afresh, if it is wanted.
      if (remote.status !== 'active' && (!held || soldOut)) continue;
      if (held) notBuyable.push({ channel, sku, issues: remote.issues ?? [] });
      drift.push({ channel, sku, kind: 'adopted', ledger: listing?.status ?? 'unknown', live: remote.status });
      bySku.set(sku, {
        channel,
        sku,
        status: 'active',
        remote: { ...listing?.remote, ...remote.remote },
        priceMinor: remote.priceMinor ?? 0,
        quantity: remote.quantity ?? 0,
        contentHash: '',
        pinned: listing?.pinned ?? false,
        revisionsToday: listing?.revisionsToday ?? 0,
        ...(listing?.revisionDay ? { revisionDay: listing.revisionDay } : {}),
        ...(listing?.pinPriceMinor !== undefined ? { pinPriceMinor: listing.pinPriceMinor } : {}),
        ...(listing?.pinQuantity !== undefined ? { pinQuantity: listing.pinQuantity } : {}),
        ...issues,
        updatedAt: now,
      });
      continue;
    }
    if (held) notBuyable.push({ channel, sku, issues: remote.issues ?? [] });
    const { issues: _before, ...known } = listing;
    let merged: LedgerListing = { ...known, remote: { ...listing.remote, ...remote.remote }, ...issues };
    if (remote.priceMinor !== undefined && remote.priceMinor !== listing.priceMinor) {
      drift.push({ channel, sku, kind: 'price', ledger: minorToDecimal(listing.priceMinor), live: minorToDecimal(remote.priceMinor) });
      merged = { ...merged, priceMinor: remote.priceMinor };
      drifted.add(sku);
      ledgerPrices.set(sku, listing.priceMinor);
    }
    if (remote.quantity !== undefined && remote.quantity !== listing.quantity) {
      drift.push({ channel, sku, kind: 'quantity', ledger: String(listing.quantity), live: String(remote.quantity) });
      merged = { ...merged, quantity: remote.quantity };
      drifted.add(sku);
    }
    bySku.set(sku, merged);
  }
  return { known: [...bySku.values()], drifted, ledgerPrices, drift, notBuyable };
}
