import pLimit from 'p-limit';
import type { ChannelDeps } from '../../http/channel-deps.js';
import type { StockItem } from '../../domain/stock-item.js';
import type { ChangeOutcome, ListingChange, MatchResult } from '../channel.js';
import type { AmazonApi } from './api-context.js';
import { applyFeed, type FeedPolling } from './apply-feed.js';
import { applyOne, type ItemContext } from './apply-items.js';
import { buildFeedEntries, failEntries } from './feed-mapping.js';
import { failureOf } from './outcome.js';
import { FEED_MAX_MESSAGES } from './rate-limits.js';

/** What `apply` works with, built once per channel. */
export interface ApplyContext {
  api: AmazonApi;
  items: ItemContext;
  /** More changes than this go as one feed. */
  feedThreshold: number;
  feed: { documentOrigins: readonly string[]; polling: FeedPolling; sleep: (ms: number) => Promise<void>; deps: ChannelDeps };
  /** The catalogue verdicts of this run, so creates reuse the match report instead of searching again. */
  verdicts: Map<string, MatchResult>;
  match(items: readonly StockItem[]): Promise<MatchResult[]>;
  authenticate(): Promise<void>;
}

/** Matches the creates that have no verdict yet; a failed lookup fails those creates only. */
async function verdictsFor(ctx: ApplyContext, changes: readonly ListingChange[]): Promise<{ failed: ChangeOutcome[] }> {
  const missing = changes.flatMap((c) => (c.kind === 'create' && !ctx.verdicts.has(c.offer.sku) ? [c] : []));
  if (missing.length === 0) return { failed: [] };
  try {
    await ctx.match(missing.map((c) => c.offer.product));
    return { failed: [] };
  } catch (error) {
    const f = failureOf(error);
    const failed = missing.map<ChangeOutcome>((c) => ({
      sku: c.offer.sku, kind: 'create', ok: false, request: `searchCatalogItems ean=${c.offer.product.ean ?? '-'}`, response: f.response, errors: f.errors, warnings: [],
    }));
    return { failed };
  }
}

/**
 * The changes as Listings Items calls, one per change and side by side, or, beyond the feed
 * threshold, as JSON_LISTINGS_FEEDs of at most FEED_MAX_MESSAGES messages. Creates get their
 * catalogue verdict first. Rejects only on what stops the channel (channel-error.ts).
 */
export async function applyChanges(ctx: ApplyContext, changes: readonly ListingChange[], onOutcome: (outcome: ChangeOutcome) => void): Promise<void> {
  if (changes.length === 0) return;
  await ctx.authenticate();
  const { failed } = await verdictsFor(ctx, changes);
  const failedSkus = new Set(failed.map((o) => o.sku));
  failed.forEach(onOutcome);
  const todo = changes.filter((c) => !(c.kind === 'create' && failedSkus.has(c.offer.sku)));
  const skuOf = (c: ListingChange) => (c.kind === 'delist' ? c.sku : c.offer.sku);

  if (changes.length > ctx.feedThreshold) {
    const { entries, immediate } = buildFeedEntries(todo.map((change) => ({ change, match: ctx.verdicts.get(skuOf(change)) })), ctx.items);
    immediate.forEach(onOutcome);
    for (let start = 0; start < entries.length; start += FEED_MAX_MESSAGES) {
      // messageIds only need to be unique within one feed: later chunks keep their numbers.
      const chunk = entries.slice(start, start + FEED_MAX_MESSAGES);
      try {
        (await applyFeed(ctx.api, ctx.feed.deps, chunk, { documentOrigins: ctx.feed.documentOrigins, polling: ctx.feed.polling, sleep: ctx.feed.sleep })).forEach(onOutcome);
      } catch (error) {
        const f = failureOf(error); // rethrows what stops the channel
        failEntries(chunk, f.errors, f.response).forEach(onOutcome);
      }
    }
    return;
  }
  // Each change becomes its request when the client can take it, not all before the first is
  // sent: a cold push's first patch leaves right after the token, and the rest are built while
  // the bucket waits.
  const limit = pLimit(ctx.api.http.concurrency);
  const settled = await Promise.allSettled(todo.map((change) => limit(async () => onOutcome(await applyOne(change, ctx.verdicts.get(skuOf(change)), ctx.items)))));
  const stop = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (stop) throw stop.reason;
}
