/** A documented request rate: `rate` requests per second refilled into a bucket of `burst`. */
export interface RateLimit {
  rate: number;
  burst: number;
}

interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** The next request would have to wait longer than the bucket's `maxWaitMs`: it is not sent. */
export class WaitTooLongError extends Error {
  readonly waitMs: number;
  constructor(waitMs: number) {
    super(`the next request would wait ${Math.round(waitMs / 1000)} s`);
    this.name = 'WaitTooLongError';
    this.waitMs = waitMs;
  }
}

/**
 * The client side of a marketplace's token bucket. Callers queue in order, so concurrent
 * requests of one operation never race for the same token. After a sleep the bucket treats at
 * least the slept time as passed, so an injected clock that does not advance cannot spin forever.
 *
 * A full bucket starts refilling when its first call arrives at the marketplace, which the
 * client never sees: some time after the send, before the answer. Counted from the send, the
 * first call after the burst could arrive a few ms early, and Amazon answered 429, paid with a
 * pause of one token interval (BENCHMARKS.md, the push of 200). So after a take from full the
 * refill counts from the first answer to a call of that take, or from one token interval after
 * the take when no answer came sooner (a call whose way there takes longer may still meet a 429).
 */
export class TokenBucket {
  private limit: RateLimit;
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  /** Takes from full so far: an answer to a call of an earlier one says nothing about the current refill. */
  private fullTakes = 0;
  /** Set from a take from full until the refill starts: the latest time it starts. */
  private refillStartsBy: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Ends the current turn's sleep early: it was computed at a rate, or a refill start, that no longer holds. */
  private wake: (() => void) | undefined;
  private readonly clock: Clock;
  /** A turn that would sleep longer than this rejects with WaitTooLongError instead. */
  readonly maxWaitMs: number;

  constructor(limit: RateLimit, clock: Clock, maxWaitMs = Number.POSITIVE_INFINITY) {
    this.limit = { ...limit };
    this.tokens = limit.burst;
    this.clock = clock;
    this.maxWaitMs = maxWaitMs;
    this.last = clock.now();
  }

  get rate(): number {
    return this.limit.rate;
  }

  /** Resolves when a request may be sent, with what to call when its answer (or failure) comes. */
  take(): Promise<() => void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /**
   * The marketplace told us the real rate (Amazon's x-amzn-RateLimit-Limit). A turn already
   * waiting at the documented rate is woken to wait for the real one: an account allowed more
   * than documented learns it from the first answer, while the next call is still waiting.
   */
  adaptRate(rate: number): void {
    if (!Number.isFinite(rate) || rate <= 0 || rate === this.limit.rate) return;
    this.limit = { ...this.limit, rate };
    this.wake?.();
  }

  /** A 429: nobody sends for this operation until a token has truly refilled, or `retryAfterMs`. */
  penalize(retryAfterMs = 0): void {
    const now = this.clock.now();
    this.tokens = 0;
    this.last = now;
    this.refillStartsBy = undefined;
    this.pausedUntil = Math.max(this.pausedUntil, now + Math.max(retryAfterMs, 1000 / this.limit.rate));
  }

  /** An answer to a call of the current take from full: that call has arrived, the marketplace refills since. */
  private answered(fullTake: number): void {
    if (fullTake !== this.fullTakes || this.refillStartsBy === undefined) return;
    this.last = Math.max(this.clock.now(), this.last);
    this.refillStartsBy = undefined;
    this.wake?.();
  }

  private refill(at: number): void {
    if (this.refillStartsBy !== undefined) {
      if (at < this.refillStartsBy) return;
      this.last = Math.max(this.last, this.refillStartsBy);
      this.refillStartsBy = undefined;
    }
    if (at <= this.last) return;
    this.tokens = Math.min(this.limit.burst, this.tokens + ((at - this.last) / 1000) * this.limit.rate);
    this.last = at;
  }

  private async waitForToken(): Promise<() => void> {
    for (;;) {
      const now = Math.max(this.clock.now(), this.last);
      if (now < this.pausedUntil) {
        await this.sleepFor(this.pausedUntil - now);
        continue;
      }
      this.refill(now);
      if (this.tokens >= 1) {
        if (this.tokens >= this.limit.burst) {
          this.fullTakes++;
          this.refillStartsBy = now + 1000 / this.limit.rate;
        }
        this.tokens -= 1;
        const fullTake = this.fullTakes;
        return () => this.answered(fullTake);
      }
      // Until the refill starts nothing refills: wait for that first (an answer ends it early).
      if (this.refillStartsBy !== undefined) await this.sleepFor(this.refillStartsBy - now);
      else await this.sleepFor(Math.ceil(((1 - this.tokens) / this.limit.rate) * 1000));
    }
  }

  private async sleepFor(ms: number): Promise<void> {
    if (ms > this.maxWaitMs) throw new WaitTooLongError(ms);
    const target = Math.max(this.clock.now(), this.last) + ms;
    let woken = false;
    await Promise.race([
      this.clock.sleep(ms),
      new Promise<void>((resolve) => {
        this.wake = () => {
          woken = true;
          resolve();
        };
      }),
    ]);
    this.wake = undefined;
    // Woken early, only the time truly passed counts.
    const at = woken ? Math.max(this.clock.now(), this.last) : Math.max(this.clock.now(), target);
    if (this.pausedUntil <= at) this.pausedUntil = 0;
    this.refill(at);
  }
}
