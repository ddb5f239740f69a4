import type { ChannelId } from '../domain/ids.js';
import type { ChannelIssue, ListingStatus, RemoteRef } from '../domain/listing.js';
import type { Ledger } from './database.js';
import type { LedgerListing } from './ledger-listing.js';

interface ListingRow {
  channel: string;
  sku: string;
  status: ListingStatus;
  remote: string;
  price_minor: number;
  quantity: number;
  content_hash: string;
  pinned: number;
  pin_price_minor: number | null;
  pin_quantity: number | null;
  revisions_today: number;
  revision_day: string | null;
  updated_at: string;
  issues: string;
}

function fromRow(row: ListingRow): LedgerListing {
  return {
    channel: row.channel as ChannelId,
    sku: row.sku,
    status: row.status,
    remote: JSON.parse(row.remote) as RemoteRef,
    priceMinor: row.price_minor,
    quantity: row.quantity,
    contentHash: row.content_hash,
    pinned: row.pinned === 1,
    revisionsToday: row.revisions_today,
    ...(row.revision_day ? { revisionDay: row.revision_day } : {}),
    ...(row.pin_price_minor !== null ? { pinPriceMinor: row.pin_price_minor } : {}),
    ...(row.pin_quantity !== null ? { pinQuantity: row.pin_quantity } : {}),
    ...issuesOf(row.issues),
    updatedAt: row.updated_at,
  };
}

function issuesOf(text: string): { issues?: ChannelIssue[] } {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.length > 0 ? { issues: parsed as ChannelIssue[] } : {};
  } catch {
    return {};
  }
}

/** Every listing the ledger knows on a channel (any status). */
export function readListings(ledger: Ledger, channel: ChannelId): LedgerListing[] {
  const rows = ledger.db.prepare('SELECT * FROM listings WHERE channel = ? ORDER BY sku').all(channel) as ListingRow[];
  return rows.map(fromRow);
}

export function readListing(ledger: Ledger, channel: ChannelId, sku: string): LedgerListing | undefined {
  const row = ledger.db.prepare('SELECT * FROM listings WHERE channel = ? AND sku = ?').get(channel, sku) as ListingRow | undefined;
  return row ? fromRow(row) : undefined;
}

/** Writes a listing's whole state (insert or replace). */
export function saveListing(ledger: Ledger, listing: LedgerListing): void {
  ledger.db
    .prepare(
      `INSERT INTO listings (channel, sku, status, remote, price_minor, quantity, content_hash, pinned,
         pin_price_minor, pin_quantity, revisions_today, revision_day, updated_at, issues)
       VALUES (@channel, @sku, @status, @remote, @price, @quantity, @hash, @pinned, @pinPrice, @pinQuantity,
         @revisions, @revisionDay, @updatedAt, @issues)
       ON CONFLICT (channel, sku) DO UPDATE SET status = excluded.status, remote = excluded.remote,
         price_minor = excluded.price_minor, quantity = excluded.quantity, content_hash = excluded.content_hash,
         pinned = excluded.pinned, pin_price_minor = excluded.pin_price_minor, pin_quantity = excluded.pin_quantity,
         revisions_today = excluded.revisions_today, revision_day = excluded.revision_day, updated_at = excluded.updated_at,
         issues = excluded.issues`,
    )
    .run({
      channel: listing.channel,
      sku: listing.sku,
      status: listing.status,
      remote: JSON.stringify(listing.remote),
      price: listing.priceMinor,
      quantity: listing.quantity,
      hash: listing.contentHash,
      pinned: listing.pinned ? 1 : 0,
      pinPrice: listing.pinPriceMinor ?? null,
      pinQuantity: listing.pinQuantity ?? null,
      revisions: listing.revisionsToday,
      revisionDay: listing.revisionDay ?? null,
      updatedAt: listing.updatedAt,
      issues: JSON.stringify(listing.issues ?? []),
    });
}

/** Active listings per channel, for status and the mass-delist guard. */
export function countListings(ledger: Ledger): Array<{ channel: ChannelId; status: ListingStatus; pinned: number; count: number }> {
  return ledger.db
    .prepare('SELECT channel, status, sum(pinned) AS pinned, count(*) AS count FROM listings GROUP BY channel, status ORDER BY channel, status')
    .all() as Array<{ channel: ChannelId; status: ListingStatus; pinned: number; count: number }>;
}

/** Active listings the marketplace holds but does not sell (as last read back), with its reasons. */
export function notBuyableListings(ledger: Ledger): Array<{ channel: ChannelId; sku: string; issues: ChannelIssue[] }> {
  const rows = ledger.db
    .prepare("SELECT channel, sku, issues FROM listings WHERE status = 'active' AND issues != '[]' ORDER BY channel, sku")
    .all() as Array<{ channel: ChannelId; sku: string; issues: string }>;
  return rows.flatMap((r) => {
    const { issues } = issuesOf(r.issues);
    return issues ? [{ channel: r.channel, sku: r.sku, issues }] : [];
  });
}
