import pLimit from 'p-limit';
import { request as undiciRequest } from 'undici';
import type { z } from 'zod';
import type { ChannelDeps } from './channel-deps.js';
import { ChannelAuthError, MarketplaceBusyError } from '../errors.js';
import { allowedOrigins, assertAllowed } from './allowed-origins.js';
import { AnswerTooLargeError, readCapped } from './answer-size.js';
import { DEFAULT_RETRY, RETRYABLE_STATUSES, backoffDelay, maxWaitFor, retryAfterMs, type RetryPolicy } from './backoff.js';
import { HttpError, NetworkError, UnexpectedResponseError } from './http-error.js';
import { redact, redactAndCut } from './redact.js';
import { TokenBucket, WaitTooLongError, type RateLimit } from './token-bucket.js';

export type { RateLimit } from './token-bucket.js';
export type { RetryPolicy } from './backoff.js';

/** How a channel proves who it is on each call, and recognises an expired token. */
export interface AuthProvider {
  headers(forceRefresh: boolean): Promise<Record<string, string>>;
  /**
   * This 401/403 is about the access token: the client refreshes once and resends, and when a
   * fresh token is refused as well it stops the channel with ChannelAuthError (exit 5).
   */
  isExpired(status: number, bodyText: string): boolean;
}

export interface HttpClientOptions {
  channel: string;
  /** The configured endpoints (API, token, documents): the only origins a request may go to. */
  origins: readonly string[];
  limits: Readonly<Record<string, RateLimit>>;
  defaultLimit?: RateLimit;
  /** A response header carrying the operation's real rate, e.g. `x-amzn-ratelimit-limit`. */
  rateLimitHeader?: string;
  concurrency?: number;
  retry?: RetryPolicy;
  timeoutMs?: number;
  userAgent: string;
  auth?: AuthProvider;
  deps: ChannelDeps;
}

export interface HttpRequest<T> {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  body?: string | Uint8Array;
  schema?: z.ZodType<T>;
  /**
   * May be resent after an ambiguous failure (5xx, reset, a 2xx body that is not JSON); otherwise
   * only after 429 or a refused connection.
   */
  idempotent: boolean;
  auth?: boolean;
}

export interface HttpResponse<T> {
  status: number;
  headers: Record<string, string>;
  /** The body as received, for binary documents (Amazon's GZIP feed reports). */
  bytes: Uint8Array;
  text: string;
  data: T;
  requestId?: string;
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** Appends `path` to `base` (which may carry a path prefix) and a query; arrays are comma-joined. */
export function joinUrl(base: string, path: string, query?: Query): string {
  const url = base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const text = Array.isArray(value)
      ? value.map((v) => encodeURIComponent(v)).join(',')
      : encodeURIComponent(String(value));
    parts.push(`${encodeURIComponent(key)}=${text}`);
  }
  return parts.length ? `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}` : url;
}

/** Amazon publishes 5 req/s for most listing calls; unknown operations get that unless told otherwise. */
const FALLBACK_LIMIT: RateLimit = { rate: 5, burst: 5 };

/**
 * The one HTTP client every channel sends through: checks the origin, paces each operation with
 * its own token bucket, caps concurrency, retries what is safe to retry, refreshes an expired
 * token once, and validates answers. Channels add no retry logic of their own.
 */
export class HttpClient {
  private readonly options: HttpClientOptions;
  private readonly origins: ReadonlySet<string>;
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly limit: ReturnType<typeof pLimit>;
  /** Requests in flight at most (their turns included). */
  readonly concurrency: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Set when the marketplace asked for a wait beyond what a run accepts (maxWaitFor): every later call fails at once. */
  private busy: MarketplaceBusyError | undefined;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.origins = allowedOrigins(options.channel, options.origins);
    this.concurrency = options.concurrency ?? 4;
    this.limit = pLimit(this.concurrency);
    this.now = options.deps.now ?? Date.now;
    this.sleep = options.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    assertAllowed(this.options.channel, this.origins, req.url);
    if (this.busy) throw this.busy;
    return this.limit(() => {
      if (this.busy) throw this.busy;
      return this.send(req);
    });
  }

  /** The operation's bucket at its documented limit, which also caps how long a run waits on it (maxWaitFor). */
  private bucket(operation: string): TokenBucket {
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      const limit = this.options.limits[operation] ?? this.options.defaultLimit ?? FALLBACK_LIMIT;
      bucket = new TokenBucket(limit, { now: this.now, sleep: this.sleep }, maxWaitFor(limit));
      this.buckets.set(operation, bucket);
    }
    return bucket;
  }

  private async send<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    const bucket = this.bucket(req.operation);
    const useAuth = req.auth ?? this.options.auth !== undefined;
    let refreshed = false;
    let authHeaders = useAuth && this.options.auth ? await this.options.auth.headers(false) : {};
    const { headers: bodyHeaders, body } = encodeBody(req);
    const log = this.options.deps.log;

    for (let attempt = 1; ; attempt++) {
      const answered = await this.takeTurn(bucket, req.operation);
      const started = this.now();
      let status: number;
      let headers: Record<string, string>;
      let bytes: Uint8Array;
      let text: string;
      try {
        const res = await undiciRequest(req.url, {
          method: req.method,
          headers: { 'user-agent': this.options.userAgent, accept: 'application/json', ...bodyHeaders, ...req.headers, ...authHeaders },
          body,
          dispatcher: this.options.deps.dispatcher,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        answered();
        status = res.statusCode;
        headers = flattenHeaders(res.headers);
        bytes = await readCapped(res.body, req.operation, status, headers['content-length']);
        text = Buffer.from(bytes).toString('utf8');
      } catch (error) {
        answered();
        if (error instanceof AnswerTooLargeError) throw error;
        const resend = req.idempotent || isRefusedBeforeSending(error);
        log.debug(redact(`${req.operation} ${req.method} ${req.url} failed: ${String(error)} (try ${attempt}/${policy.attempts})`));
        if (resend && attempt < policy.attempts) {
          await this.sleep(backoffDelay(policy, attempt));
          continue;
        }
        throw new NetworkError(req.operation, error);
      }
      const requestId = headers['x-amzn-requestid'] ?? headers['x-ebay-c-request-id'] ?? headers['x-request-id'];
      log.debug(redact(`${req.operation} ${req.method} ${req.url} → ${status} in ${this.now() - started} ms`));
      this.adaptRate(bucket, headers);

      if (status >= 200 && status < 300) {
        const garbled = req.schema !== undefined && !isJson(text);
        // A body cut or mangled on the way is a transient fault like a reset: a read asks again.
        // A write is not resent here: its caller reads back to learn whether it landed.
        if (garbled && req.idempotent && attempt < policy.attempts) {
          log.debug(redact(`${req.operation} answered ${status} with a body that is not JSON (try ${attempt}/${policy.attempts})`));
          await this.sleep(backoffDelay(policy, attempt));
          continue;
        }
        return { status, headers, bytes, text, data: parseBody(req, status, text), requestId };
      }
      log.debug(`${req.operation} answer: ${redactAndCut(text, 2000)}`);
      if ((status === 401 || status === 403) && useAuth && this.options.auth?.isExpired(status, text)) {
        if (refreshed) {
          // A token minted a moment ago is refused too: the credentials or the seller's
          // authorisation are wrong, and every further call would fail the same way.
          throw new ChannelAuthError(
            this.options.channel,
            `${this.options.channel}: the marketplace refused a freshly issued access token (HTTP ${status} on ${req.operation}). Check the seller id, the app's roles and the region, then re-authorise.`,
            [redactAndCut(text, 300)],
          );
        }
        refreshed = true;
        authHeaders = await this.options.auth.headers(true);
        attempt--; // a refreshed token is a new start, not a retry of a failing call
        continue;
      }
      if (status === 429) {
        const wait = retryAfterMs(headers['retry-after'], this.now());
        if (wait > bucket.maxWaitMs) throw this.stop(req.operation, bucket, `asked to wait ${Math.round(wait / 1000)} s (Retry-After: ${headers['retry-after']})`);
        bucket.penalize(wait);
      }
      const retryable = status === 429 || (req.idempotent && RETRYABLE_STATUSES.has(status));
      const tries = status === 429 ? (policy.attemptsOn429 ?? policy.attempts) : policy.attempts;
      if (retryable && attempt < tries) {
        if (status !== 429) await this.sleep(backoffDelay(policy, attempt));
        continue;
      }
      throw new HttpError(req.operation, status, text, requestId);
    }
  }

  private adaptRate(bucket: TokenBucket, headers: Record<string, string>): void {
    const name = this.options.rateLimitHeader;
    const value = name ? headers[name.toLowerCase()] : undefined;
    if (value !== undefined) bucket.adaptRate(Number(value));
  }

  /**
   * Waits for the operation's turn, and returns what to call when the answer comes; a wait beyond
   * maxWaitFor (a rate the marketplace stated, a 429's pause) stops the channel.
   */
  private async takeTurn(bucket: TokenBucket, operation: string): Promise<() => void> {
    try {
      return await bucket.take();
    } catch (error) {
      if (!(error instanceof WaitTooLongError)) throw error;
      throw this.stop(operation, bucket, `would make the next call wait ${Math.round(error.waitMs / 1000)} s (at ${bucket.rate} requests per second)`);
    }
  }

  private stop(operation: string, bucket: TokenBucket, asked: string): MarketplaceBusyError {
    const limit = Math.round(bucket.maxWaitMs / 1000);
    this.busy = new MarketplaceBusyError(
      this.options.channel,
      `${this.options.channel}: the marketplace ${asked} on ${operation}, more than the ${limit} s a run waits. Nothing more is sent to ${this.options.channel} in this run; the next run tries again.`,
    );
    return this.busy;
  }
}

function encodeBody(req: HttpRequest<unknown>): { headers: Record<string, string>; body?: string | Uint8Array } {
  if (req.json !== undefined) return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(req.json) };
  if (req.form) {
    return {
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams(req.form).toString(),
    };
  }
  return { headers: {}, body: req.body };
}

function parseBody<T>(req: HttpRequest<T>, status: number, text: string): T {
  if (!req.schema) return undefined as T;
  let raw: unknown;
  try {
    raw = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new UnexpectedResponseError(req.operation, status, ['the body is not valid JSON']);
  }
  const parsed = req.schema.safeParse(raw);
  if (!parsed.success) {
    throw new UnexpectedResponseError(
      req.operation,
      status,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** An empty body counts as JSON here: "no content" is an answer, not a garbled one. */
function isJson(text: string): boolean {
  if (text === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A refused connection never reached the marketplace, so even a non-idempotent call may be resent. */
function isRefusedBeforeSending(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNREFUSED';
}
