import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock.js';

export interface IssuedToken {
  service: 'amazon' | 'ebay';
  issuedMs: number;
  expiresMs: number;
  /** eBay scopes granted; empty for Amazon. */
  scopes: string[];
  /** eBay: application token (client_credentials) rather than a user token. */
  application: boolean;
  seq: number;
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

/** Access tokens issued by both token endpoints. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly clock: SimClock;
  private seq = 0;
  /** Tokens with a sequence number at or below this are expired (faults: expire all tokens now). */
  private expiredUpToSeq = 0;
  /** Refresh tokens revoked at runtime (`sim.revokeRefreshToken`). */
  readonly revoked = new Set<string>();

  constructor(clock: SimClock) {
    this.clock = clock;
  }

  issue(prefix: string, t: Omit<IssuedToken, 'issuedMs' | 'expiresMs' | 'seq'>, lifetimeMs: number): { token: string; expiresInS: number } {
    const token = `${prefix}${randomBytes(24).toString('base64url')}`;
    const now = this.clock.nowMs();
    this.seq += 1;
    this.tokens.set(token, { ...t, seq: this.seq, issuedMs: now, expiresMs: now + lifetimeMs });
    return { token, expiresInS: Math.max(1, Math.round(lifetimeMs / 1000)) };
  }

  check(service: 'amazon' | 'ebay', token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const t = this.tokens.get(token);
    if (!t || t.service !== service) return { ok: false, reason: 'unknown' };
    if (t.expiresMs <= this.clock.nowMs() || t.seq <= this.expiredUpToSeq) return { ok: false, reason: 'expired' };
    return { ok: true, token: t };
  }

  expireAll(): void {
    this.expiredUpToSeq = this.seq;
  }
}
