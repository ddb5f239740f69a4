import type { SimClock } from './clock.js';
import type { RateLimitSpec } from './options.js';

/**
 * Amazon's documented limits per operation (requests/second, burst), from each model's
 * "Rate (requests per second) | Burst" table as summarised in reference/amazon-sp-api.md §3.
 */
export const AMAZON_LIMITS: Record<string, RateLimitSpec> = {
  getListingsItem: { rate: 5, burst: 10 },
  putListingsItem: { rate: 5, burst: 10 },
  patchListingsItem: { rate: 5, burst: 5 },
  deleteListingsItem: { rate: 5, burst: 5 },
  searchListingsItems: { rate: 5, burst: 5 },
  searchCatalogItems: { rate: 2, burst: 2 },
  createFeedDocument: { rate: 0.5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  // JSON_LISTINGS_FEED: 5 submissions per 5 minutes per region (reference §5).
  'createFeed:JSON_LISTINGS_FEED': { rate: 5 / 300, burst: 5 },
  getFeed: { rate: 2, burst: 15 },
  getFeeds: { rate: 0.0222, burst: 10 },
  cancelFeed: { rate: 2, burst: 15 },
  getFeedDocument: { rate: 0.0222, burst: 10 },
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
};

/** eBay publishes daily quotas only (reference §8): a generous, configurable per-second bucket. */
export const EBAY_DEFAULT_LIMIT: RateLimitSpec = { rate: 25, burst: 50 };

interface Bucket {
  tokens: number;
  lastMs: number;
}

/** Token buckets per operation, refilled lazily from the simulator clock at rate × timeScale. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly clock: SimClock;
  private readonly timeScale: number;
  private readonly limitOf: (service: string, operation: string) => RateLimitSpec | undefined;
  enabled: boolean;

  constructor(clock: SimClock, timeScale: number, limitOf: (service: string, operation: string) => RateLimitSpec | undefined, enabled: boolean) {
    this.clock = clock;
    this.timeScale = timeScale;
    this.limitOf = limitOf;
    this.enabled = enabled;
  }

  /** The scaled rate reported in `x-amzn-RateLimit-Limit`. */
  scaledRate(service: string, operation: string): number | undefined {
    const spec = this.limitOf(service, operation);
    return spec ? spec.rate * this.timeScale : undefined;
  }

  /** Takes one token; false when the bucket is empty (→ 429). */
  take(service: string, operation: string): boolean {
    const spec = this.limitOf(service, operation);
    if (!this.enabled || !spec) return true;
    const now = this.clock.nowMs();
    const key = `${service}:${operation}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: spec.burst, lastMs: now };
      this.buckets.set(key, b);
    }
    const refill = ((now - b.lastMs) / 1000) * spec.rate * this.timeScale;
    b.tokens = Math.min(spec.burst, b.tokens + refill);
    b.lastMs = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Empties an operation's bucket (tests). */
  drain(service: string, operation: string): void {
    this.buckets.set(`${service}:${operation}`, { tokens: 0, lastMs: this.clock.nowMs() });
  }

  reset(): void {
    this.buckets.clear();
  }
}
