import type { Channel, OrderPaging } from '../channels/channel.js';
import type { ChannelId } from '../domain/ids.js';
import { ChannelAuthError } from '../errors.js';
import { advanceCursor, readCursors } from '../ledger/cursors.js';
import type { Ledger } from '../ledger/database.js';
import { upsertOrders } from '../ledger/orders.js';
import type { Logger } from '../log.js';
import type { ProductLookup } from '../domain/stored-order.js';

export interface PullOptions {
  /** Read from here instead of the stored cursor (`--since`). */
  since?: Date;
  now: Date;
  /** Re-read this much before the cursor: orders become visible to the API a little after their update time. */
  overlapMinutes: number;
  /** How far back the first pull of a channel reaches. */
  firstPullDays: number;
  log: Logger;
  /** The stock file, to snapshot EAN, VAT rate and cost on new lines. */
  products?: ProductLookup;
  /** Told after every page: how far the pull is, and how long the next page waits when the marketplace paces it. */
  onProgress?: (text: string) => void;
}

/** One channel's pull. `error` set: the pages before it are committed, the cursor did not move. */
interface ChannelPullReport {
  channel: ChannelId;
  since: string;
  pages: number;
  orders: number;
  inserted: number;
  updated: number;
  unchanged: number;
  statusChanges: number;
  /** The cursor per marketplace after the pull. */
  cursors: Record<string, string>;
  error?: { kind: 'auth' | 'failed'; message: string };
}

export interface PullReport {
  channels: ChannelPullReport[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Where a pull starts: --since, else the oldest marketplace cursor minus the overlap, else the first-pull window. */
function startOf(ledger: Ledger, channel: ChannelId, o: PullOptions): Date {
  if (o.since) return o.since;
  const cursors = readCursors(ledger, channel);
  if (cursors.length === 0) return new Date(o.now.getTime() - o.firstPullDays * DAY_MS);
  const oldest = Math.min(...cursors.map((c) => Date.parse(c.lastUpdated)));
  return new Date(oldest - o.overlapMinutes * MINUTE_MS);
}

async function pullChannel(ledger: Ledger, channel: Channel, o: PullOptions): Promise<ChannelPullReport> {
  const since = startOf(ledger, channel.id, o);
  const report: ChannelPullReport = {
    channel: channel.id, since: since.toISOString(), pages: 0, orders: 0, inserted: 0, updated: 0, unchanged: 0, statusChanges: 0, cursors: {},
  };
  const newest = new Map<string, number>();
  o.log.debug(`${channel.id}: pulling orders updated since ${report.since}`);
  const paging = channel.orderPaging;
  // A first pull (or --since) can reach far back: say before it starts how the marketplace paces it.
  if (paging && (o.since || readCursors(ledger, channel.id).length === 0)) o.log.info(pagingNotice(channel.id, paging));
  try {
    for await (const page of channel.pullOrders(since)) {
      const counts = upsertOrders(ledger, page, { now: o.now, ...(o.products ? { products: o.products } : {}) });
      report.pages += 1;
      report.orders += page.length;
      report.inserted += counts.inserted;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
      report.statusChanges += counts.statusChanges;
      for (const order of page) {
        const t = Date.parse(order.updatedAt);
        if (t > (newest.get(order.marketplace) ?? -Infinity)) newest.set(order.marketplace, t);
      }
      o.onProgress?.(pageProgress(channel.id, report.pages, report.orders, paging, page.length));
    }
    // Every page is committed: only now may the cursor move, so a killed pull re-reads what it had not finished.
    ledger.transaction(() => {
      for (const [marketplace, t] of newest) advanceCursor(ledger, channel.id, marketplace, new Date(t), o.now);
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.error = { kind: error instanceof ChannelAuthError ? 'auth' : 'failed', message };
    o.log.warn(`${channel.id}: order pull stopped after ${report.pages} page(s): ${message}`);
  }
  for (const c of readCursors(ledger, channel.id)) report.cursors[c.marketplace] = c.lastUpdated;
  // Debug only: every caller reports the outcome itself (orders pull prints the report on stdout),
  // and the same result on both streams reads as two pulls.
  o.log.debug(
    `${channel.id}: ${report.orders} order(s) read in ${report.pages} page(s): ${report.inserted} new, ${report.updated} changed` +
      (report.statusChanges ? ` (${report.statusChanges} status change(s))` : ''),
  );
  return report;
}

const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** What a paced order pull costs, in the owner's words, before it starts. */
function pagingNotice(channel: ChannelId, p: OrderPaging): string {
  const quick = p.burstPages * p.pageSize;
  const perThousand = minutes((1000 / p.pageSize) * p.secondsPerPage);
  return (
    `${channel}: orders come ${p.pageSize} a page; the first ${p.burstPages} pages (${quick.toLocaleString('en')} orders) at once, ` +
    `then one page every ${minutes(p.secondsPerPage)} min (the marketplace's limit): each further 1,000 orders take about ${perThousand} min.`
  );
}

/** The progress line after a page; once the quick pages are spent, when the next one may come. */
function pageProgress(channel: ChannelId, pages: number, orders: number, paging: OrderPaging | undefined, lastPageSize: number): string {
  const done = `${channel}: ${orders.toLocaleString('en')} orders in ${pages} page(s)`;
  const more = paging !== undefined && lastPageSize >= paging.pageSize && pages >= paging.burstPages;
  return more ? `${done}; the next page in about ${minutes(paging.secondsPerPage)} min (the marketplace's limit)` : done;
}

/**
 * Pulls new and changed orders from each channel into the ledger: incremental from the stored
 * cursor minus the overlap window, paging to the end, each page upserted in its own transaction;
 * the channels are pulled at the same time.
 * A channel that fails is reported (its committed pages stay, its cursor does not move) and the
 * others still run; callers decide the exit code (`pullAuthFailure`).
 */
export async function pullOrders(ledger: Ledger, channels: ReadonlyMap<ChannelId, Channel>, o: PullOptions): Promise<PullReport> {
  // Channels page side by side: each waits on its own marketplace, and SQLite takes one page at a time.
  return { channels: await Promise.all([...channels.values()].map((channel) => pullChannel(ledger, channel, o))) };
}

/** The error a command should end with for this report: auth refusal first (exit 5), else none. */
export function pullAuthFailure(report: PullReport): ChannelAuthError | undefined {
  const refused = report.channels.find((c) => c.error?.kind === 'auth');
  return refused?.error ? new ChannelAuthError(refused.channel, refused.error.message) : undefined;
}
