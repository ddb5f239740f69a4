import { seededRandom } from './random.js';

/**
 * Fault knobs. Keys of the per-target maps are an operationId (e.g. `patchListingsItem`),
 * a service (`amazon` | `ebay`) or `*` (everything); the most specific key wins.
 */
export interface FaultSettings {
  /** Share 0..1 of calls answered 500 or 503 (seeded, deterministic), per target. */
  errorRate?: Record<string, number>;
  /** Extra latency in ms added before answering, per target. */
  latencyMs?: Record<string, number>;
  /** The next N calls of the target get 429 (a storm). */
  throttleNext?: Record<string, number>;
  /** The next N calls of the target have their socket destroyed without an answer. */
  resetNext?: Record<string, number>;
  /** The next N calls of the target get a truncated, unparsable JSON body (state changes still apply). */
  malformedNext?: Record<string, number>;
  /** Share 0..1 of calls whose socket is destroyed before the call is handled (seeded), per target. */
  resetRate?: Record<string, number>;
  /** Share 0..1 of calls answered with a truncated body after the call took effect (seeded), per target. */
  malformedRate?: Record<string, number>;
}

/** What the router must do with one call. */
export interface FaultDecision {
  reset: boolean;
  latencyMs: number;
  throttle: boolean;
  serverError?: 500 | 503;
  malformed: boolean;
}

function pick<T>(map: Record<string, T> | undefined, service: string, operation: string): [string, T] | undefined {
  if (!map) return undefined;
  for (const key of [operation, service, '*']) {
    const v = map[key];
    if (v !== undefined) return [key, v];
  }
  return undefined;
}

/** Runtime fault state: `sim.faults`. */
export class Faults {
  private settings: FaultSettings = {};
  private random: () => number;
  private readonly seed: number;
  /** Set by `expireTokens()`; the auth modules compare token issue times against it. */
  tokensExpiredAtMs = -Infinity;
  private readonly onExpire: () => void;

  constructor(seed: number, initial: FaultSettings | undefined, onExpire: () => void) {
    this.seed = seed;
    this.random = seededRandom(seed);
    this.onExpire = onExpire;
    if (initial) this.set(initial);
  }

  /** Merges new settings into the current ones (maps are merged key by key). */
  set(s: FaultSettings): void {
    const merged: FaultSettings = { ...this.settings };
    for (const k of Object.keys(s) as Array<keyof FaultSettings>) {
      merged[k] = { ...(this.settings[k] ?? {}), ...(s[k] ?? {}) };
    }
    this.settings = merged;
  }

  clear(): void {
    this.settings = {};
    this.random = seededRandom(this.seed);
  }

  /** Every access token issued so far stops working now (mid-run expiry). */
  expireTokens(): void {
    this.onExpire();
  }

  current(): FaultSettings {
    return structuredClone(this.settings);
  }

  private consume(map: Record<string, number> | undefined, service: string, operation: string): boolean {
    const hit = pick(map, service, operation);
    if (!hit || !map || hit[1] <= 0) return false;
    map[hit[0]] = hit[1] - 1;
    return true;
  }

  private roll(map: Record<string, number> | undefined, service: string, operation: string): boolean {
    const rate = pick(map, service, operation)?.[1] ?? 0;
    return rate > 0 && this.random() < rate;
  }

  decide(service: string, operation: string): FaultDecision {
    const s = this.settings;
    const reset = this.consume(s.resetNext, service, operation) || this.roll(s.resetRate, service, operation);
    const latencyMs = pick(s.latencyMs, service, operation)?.[1] ?? 0;
    const throttle = !reset && this.consume(s.throttleNext, service, operation);
    const rate = pick(s.errorRate, service, operation)?.[1] ?? 0;
    let serverError: 500 | 503 | undefined;
    if (!reset && !throttle && rate > 0) {
      const r = this.random();
      if (r < rate) serverError = r < rate / 2 ? 500 : 503;
    }
    const malformed = !reset && !throttle && !serverError && (this.consume(s.malformedNext, service, operation) || this.roll(s.malformedRate, service, operation));
    return serverError ? { reset, latencyMs, throttle, serverError, malformed } : { reset, latencyMs, throttle, malformed };
  }
}
