import { createAmazonChannel } from '../src/channels/amazon/index.js';
import type { ChangeOutcome, ListingChange } from '../src/channels/channel.js';
import { AmazonConfig } from '../src/config/schema.js';
import type { Offer } from '../src/domain/offer.js';
import { collectingLogger } from '../src/log.js';
import { startSimulator } from '../src/simulator/index.js';
import { gtinCheckDigit } from '../src/stock/ean.js';
import { round, scaledFeedPolling, type BenchResult } from './measure.js';

/**
 * The simulator runs Amazon's documented limits and feed processing times this many times
 * faster; the adapter learns the scaled rates from x-amzn-RateLimit-Limit, and its feed polling
 * is scaled by the same factor, so wall time × SCALE is what a real account would take.
 */
const SCALE = 40;

function offers(count: number): Offer[] {
  return Array.from({ length: count }, (_, i) => {
    const body = `800${String(i).padStart(9, '0')}`;
    const ean = body + String(gtinCheckDigit(body));
    const sku = `BENCH-${i}`;
    return {
      channel: 'amazon',
      sku,
      priceMinor: 1990 + i,
      currency: 'EUR',
      quantity: 3,
      product: { sku, line: i + 2, ean, title: `Gioco ${i}`, brand: 'Clementoni', category: 'Puzzle', priceMinor: 1790, costMinor: 900, quantity: 5, imageCount: 0, httpsImage: false, images: [], safety: {} },
      contentHash: `h${i}`,
      reason: 'bench',
    };
  });
}

/** Lists `count` new offers on a fresh simulated account; returns real-account-equivalent seconds. */
async function listAll(count: number, feedThreshold: number): Promise<{ seconds: number; ok: number; requests: number }> {
  const products = offers(count);
  const catalog = products.map((o, i) => ({ ean: o.product.ean ?? '', asin: `B0BENCH${String(i).padStart(3, '0')}`, title: o.product.title, brand: o.product.brand ?? '', productType: 'TOY_FIGURE' }));
  const sim = await startSimulator({ timeScale: SCALE, amazon: { catalog } });
  try {
    const config = AmazonConfig.parse({
      environment: 'simulator',
      endpoint: sim.endpoints.amazon.endpoint,
      tokenEndpoint: sim.endpoints.amazon.tokenEndpoint,
      sellerId: sim.amazon.sellerId,
      marketplaceIds: ['APJ6JRA9NG5V4'],
      feedThreshold,
    });
    const channel = createAmazonChannel(config, { currency: 'EUR' }, { log: collectingLogger() }, {
      feedPolling: scaledFeedPolling(SCALE),
    });
    const changes: ListingChange[] = products.map((offer) => ({ kind: 'create', offer }));
    const outcomes: ChangeOutcome[] = [];
    const started = process.hrtime.bigint();
    await channel.apply(changes, (o) => outcomes.push(o));
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds: wall * SCALE, ok: outcomes.filter((o) => o.ok).length, requests: sim.count() };
  } finally {
    await sim.close();
  }
}

/**
 * The real choice Amazon's limits force: per-item calls (5 req/s) against one JSON_LISTINGS_FEED
 * (minutes of processing). Target: at each size, the path the default `feedThreshold` picks is
 * within 25% of the faster one, and every offer lands.
 */
export async function benchAmazonFeedVsItems(): Promise<BenchResult[]> {
  const defaultThreshold = AmazonConfig.parse({ sellerId: 'x', marketplaceIds: ['x'] }).feedThreshold;
  const results: BenchResult[] = [];
  for (const count of [40, 400, 1500]) {
    const perItem = await listAll(count, count + 1);
    const feed = await listAll(count, 1);
    const chosen = count > defaultThreshold ? feed : perItem;
    const faster = Math.min(perItem.seconds, feed.seconds);
    results.push({
      name: `amazon: list ${count} offers, per-item calls vs one feed`,
      figures: {
        perItemSeconds: round(perItem.seconds, 0),
        perItemRequests: perItem.requests,
        feedSeconds: round(feed.seconds, 0),
        feedRequests: feed.requests,
        defaultThreshold,
        chosen: count > defaultThreshold ? 'feed' : 'per-item',
      },
      target: 'default choice within 25% of the faster path; every offer accepted',
      met: chosen.seconds <= faster * 1.25 && perItem.ok === count && feed.ok === count,
    });
  }
  return results;
}
