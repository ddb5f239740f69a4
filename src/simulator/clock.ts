/**
 * The simulator's sense of time. Every time-dependent behaviour (token expiry, rate-limit refill,
 * feed progression, order progression, the 2-minute "…Before" rule) reads this clock, so tests can
 * move time with `advance()` or inject their own `now` instead of sleeping.
 */
export interface SimClock {
  /** Current simulated time in epoch milliseconds. */
  nowMs(): number;
  now(): Date;
  /** Moves simulated time forward (never backwards). */
  advance(ms: number): void;
}

export function createClock(base: () => number = Date.now): SimClock {
  let offset = 0;
  return {
    nowMs: () => base() + offset,
    now: () => new Date(base() + offset),
    advance(ms: number) {
      if (ms > 0) offset += ms;
    },
  };
}

/** ISO 8601 UTC with milliseconds, the way both marketplaces print instants. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
