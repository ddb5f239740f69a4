/** How many times a request is tried, and how long to wait between tries. */
export interface RetryPolicy {
  attempts: number;
  /** Tries after a 429, when a marketplace's 429 means a spent quota more tries cannot refill (default: attempts). */
  attemptsOn429?: number;
  baseMs: number;
  maxMs: number;
}

/** Both marketplaces ask for exponential backoff with jitter on 429/5xx; five tries bound a run's delay. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 500, maxMs: 30_000 };

/** "Full jitter": a random wait up to the exponential ceiling, so retrying clients spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`; 0 when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, date - now);
}

/**
 * The longest wait a marketplace can impose on a run (a Retry-After, or the pause between calls
 * at a stated rate). Beyond it the channel stops for the run: a cron run that sleeps for an hour
 * with the lock held makes every later run exit 3.
 */
const MAX_MARKETPLACE_WAIT_MS = 120_000;

/**
 * The longest wait a run accepts on one operation: MAX_MARKETPLACE_WAIT_MS, or the operation's
 * documented pause between calls when that is longer, with a quarter more for the marketplace's
 * clock. Amazon's searchOrders allows one call in 179 s once its burst of 20 is spent: capped at
 * 120 s, a pull of more than 2,000 orders stopped after the burst on every run, and since a
 * stopped pull leaves its cursor where it was, the next run re-read the same 20 pages and never
 * got further. A stated rate or a Retry-After beyond the documented pace still stops the channel.
 */
export function maxWaitFor(documented: { rate: number }): number {
  return Math.max(MAX_MARKETPLACE_WAIT_MS, Math.ceil((1000 / documented.rate) * 1.25));
}

/** Statuses that say "not now" rather than "no": worth another try. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
