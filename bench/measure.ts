import { DEFAULT_FEED_POLLING, type FeedPolling } from '../src/channels/amazon/apply-feed.js';

/** One benchmark's result: what was measured, and whether it met its target. */
export interface BenchResult {
  name: string;
  /** Human-readable measurements, e.g. { rows: 100000, seconds: 1.9, rowsPerSecond: 52000 }. */
  figures: Record<string, number | string>;
  target: string;
  met: boolean;
}

/** civetta's own feed polling, run `scale` times faster like the simulator's feeds. */
export function scaledFeedPolling(scale: number): FeedPolling {
  return {
    firstDelayMs: DEFAULT_FEED_POLLING.firstDelayMs / scale,
    maxDelayMs: DEFAULT_FEED_POLLING.maxDelayMs / scale,
    maxWaitMs: DEFAULT_FEED_POLLING.maxWaitMs / scale,
  };
}

export function round(value: number, digits = 2): number {
  const unit = 10 ** digits;
  return Math.round(value * unit) / unit;
}
