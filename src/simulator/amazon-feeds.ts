import { createHash, createHmac, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { amazonError, invalidInput, QUOTA_EXCEEDED_BODY } from './amazon-errors.js';
import { fatalReport, processFeed, type ProcessingReport, readFeed } from './amazon-feed-processor.js';
import type { FeedDocument } from './amazon-feed-schema.js';
import { amzTime } from './amazon-order-view.js';
import { json, listParam, type Route, type SimRequest, type SimResponse } from './http-types.js';
import { AMAZON_MARKETPLACES } from './marketplaces.js';
import type { RateLimiter } from './rate-limit.js';
import type { SimState } from './state.js';

/** Pre-signed document URLs are valid for 5 minutes (reference §5). */
const URL_LIFETIME_MS = 300_000;
const SIGNING_KEY = 'civetta-simulator-documents';

interface StoredDocument { id: string; contentType: string; content?: Buffer; expiresMs: number; compression?: 'GZIP' }
interface StoredFeed {
  feedId: string; feedType: string; marketplaceIds: string[]; createdMs: number; startMs: number; doneMs: number;
  cancelled: boolean; input: { doc: FeedDocument } | { fatal: string }; result?: { documentId: string; fatal: boolean };
}

const s3Error = (status: number, code: string, message: string): SimResponse =>
  ({ status, raw: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`, headers: { 'content-type': 'application/xml' } });

/** Feeds API 2021-06-30 for JSON_LISTINGS_FEED, plus the S3-like document URLs it hands out. */
export class FeedService {
  private readonly docs = new Map<string, StoredDocument>();
  private readonly feeds = new Map<string, StoredFeed>();
  private readonly state: SimState;
  private readonly limiter: RateLimiter;
  private readonly compress: boolean;

  constructor(state: SimState, limiter: RateLimiter, compress: boolean) {
    this.state = state;
    this.limiter = limiter;
    this.compress = compress;
  }

  private sign(id: string, expiresMs: number): string {
    return createHmac('sha256', SIGNING_KEY).update(`${id}:${expiresMs}`).digest('hex');
  }

  private url(d: StoredDocument): string {
    return `${this.state.origin}/amazon-documents/${d.id}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${d.expiresMs}&X-Amz-Signature=${this.sign(d.id, d.expiresMs)}`;
  }

  private newDoc(contentType: string): StoredDocument {
    const d: StoredDocument = { id: `amzn1.tortuga.4.eu.${randomUUID()}`, contentType, expiresMs: this.state.clock.nowMs() + URL_LIFETIME_MS };
    this.docs.set(d.id, d);
    return d;
  }

  /** Finishes every feed whose processing time has passed: applies its messages, writes the report. */
  settle(): void {
    const now = this.state.clock.nowMs();
    for (const f of this.feeds.values()) {
      if (f.cancelled || f.result || now < f.doneMs) continue;
      const seller = this.state.amazon.sellerId;
      const report: ProcessingReport = 'fatal' in f.input ? fatalReport(f.feedId, seller, f.input.fatal) : processFeed(this.state, f.feedId, f.input.doc, f.marketplaceIds[0] ?? '');
      const d = this.newDoc('application/json');
      const text = Buffer.from(JSON.stringify(report));
      d.content = this.compress ? gzipSync(text) : text;
      if (this.compress) d.compression = 'GZIP';
      f.result = { documentId: d.id, fatal: 'fatal' in f.input };
    }
  }

  private status(f: StoredFeed): string {
    const now = this.state.clock.nowMs();
    if (f.cancelled) return 'CANCELLED';
    if (now < f.startMs) return 'IN_QUEUE';
    if (!f.result) return 'IN_PROGRESS';
    return f.result.fatal ? 'FATAL' : 'DONE';
  }

  private view(f: StoredFeed): Record<string, unknown> {
    const v: Record<string, unknown> = { feedId: f.feedId, feedType: f.feedType, marketplaceIds: f.marketplaceIds, createdTime: amzTime(f.createdMs), processingStatus: this.status(f) };
    if (!f.cancelled && this.state.clock.nowMs() >= f.startMs) v.processingStartTime = amzTime(f.startMs);
    if (f.result) {
      v.processingEndTime = amzTime(f.doneMs);
      v.resultFeedDocumentId = f.result.documentId;
    }
    return v;
  }

  /** Snapshot for tests: feed status by id. */
  list(): Array<Record<string, unknown>> {
    this.settle();
    return [...this.feeds.values()].map((f) => this.view(f));
  }

  private createFeed(req: SimRequest): SimResponse {
    const parsed = z.object({
      feedType: z.string().min(1),
      marketplaceIds: z.array(z.string()).min(1).max(25),
      inputFeedDocumentId: z.string().min(1),
      feedOptions: z.record(z.string(), z.string()).optional(),
    }).safeParse(req.json);
    if (req.jsonError || !parsed.success) return invalidInput('Request has missing or invalid parameters and cannot be parsed.', parsed.error?.issues[0]?.path.join('.') ?? '');
    const b = parsed.data;
    if (b.feedType !== 'JSON_LISTINGS_FEED') return invalidInput(`Invalid feedType: ${b.feedType}. The simulator processes JSON_LISTINGS_FEED only.`);
    if (b.marketplaceIds.some((m) => !AMAZON_MARKETPLACES[m])) return invalidInput('Invalid marketplaceIds.');
    const doc = this.docs.get(b.inputFeedDocumentId);
    if (!doc) return invalidInput(`Invalid inputFeedDocumentId: ${b.inputFeedDocumentId}.`);
    // JSON_LISTINGS_FEED: 5 submissions per 5 minutes per region, apart from createFeed's own limit (reference §5).
    if (!this.limiter.take('amazon', 'createFeed:JSON_LISTINGS_FEED')) return { status: 429, body: QUOTA_EXCEEDED_BODY };
    const input = doc.content ? readFeed(doc.content.toString('utf8'), this.state.amazon.sellerId) : { fatal: 'The input feed document was never uploaded.' };
    const messages = 'fatal' in input ? 0 : input.messages;
    const now = this.state.clock.nowMs();
    const total = (this.state.feedProcessing.baseMs + this.state.feedProcessing.perMessageMs * messages) / this.state.timeScale;
    const feedId = String(50_000_000_000 + this.state.nextId('feed'));
    this.feeds.set(feedId, {
      feedId, feedType: b.feedType, marketplaceIds: b.marketplaceIds, createdMs: now, startMs: now + total / 4, doneMs: now + total,
      cancelled: false, input: 'fatal' in input ? input : { doc: input.doc },
    });
    return json(202, { feedId });
  }

  routes(): Route[] {
    const amazon = (method: string, pattern: string, operation: string, write: boolean, handler: Route['handler']): Route =>
      ({ service: 'amazon', method, pattern: `/feeds/2021-06-30${pattern}`, operation, write, auth: true, handler: (req) => { this.settle(); return handler(req); } });
    const notFound = (what: string) => amazonError(404, 'NotFound', `The requested ${what} was not found.`);
    return [
      amazon('POST', '/documents', 'createFeedDocument', false, (req) => {
        const parsed = z.object({ contentType: z.string().min(1) }).safeParse(req.json);
        if (req.jsonError || !parsed.success) return invalidInput("Request has missing or invalid parameters and cannot be parsed.", "'contentType' is required.");
        const d = this.newDoc(parsed.data.contentType);
        return json(201, { feedDocumentId: d.id, url: this.url(d) });
      }),
      amazon('POST', '/feeds', 'createFeed', true, (req) => this.createFeed(req)),
      amazon('GET', '/feeds/{feedId}', 'getFeed', false, (req) => {
        const f = this.feeds.get(req.params.feedId ?? '');
        return f ? json(200, this.view(f)) : notFound('feed');
      }),
      amazon('GET', '/feeds', 'getFeeds', false, (req) => {
        const types = listParam(req.query, 'feedTypes');
        if (types.length === 0 && !req.query.get('nextToken')) return invalidInput("'feedTypes' is required when 'nextToken' is not given.");
        const size = Number(req.query.get('pageSize') ?? 10);
        if (!Number.isInteger(size) || size < 1 || size > 100) return invalidInput("'pageSize' must be between 1 and 100.");
        const statuses = listParam(req.query, 'processingStatuses');
        const all = [...this.feeds.values()].filter((f) => types.length === 0 || types.includes(f.feedType))
          .map((f) => this.view(f)).filter((v) => statuses.length === 0 || statuses.includes(String(v.processingStatus)))
          .reverse();
        return json(200, { feeds: all.slice(0, size) });
      }),
      amazon('DELETE', '/feeds/{feedId}', 'cancelFeed', true, (req) => {
        const f = this.feeds.get(req.params.feedId ?? '');
        if (!f) return notFound('feed');
        if (this.status(f) !== 'IN_QUEUE') return invalidInput(`Feed ${f.feedId} is ${this.status(f)} and can no longer be cancelled.`);
        f.cancelled = true;
        return { status: 200 };
      }),
      amazon('GET', '/documents/{feedDocumentId}', 'getFeedDocument', false, (req) => {
        const d = this.docs.get(req.params.feedDocumentId ?? '');
        if (!d) return notFound('feed document');
        d.expiresMs = this.state.clock.nowMs() + URL_LIFETIME_MS;
        return json(200, { feedDocumentId: d.id, url: this.url(d), ...(d.compression ? { compressionAlgorithm: d.compression } : {}) });
      }),
    ];
  }

  /** The pre-signed URL itself: PUT uploads an input document, GET downloads a result. */
  documentRoutes(): Route[] {
    const check = (req: SimRequest): StoredDocument | SimResponse => {
      const d = this.docs.get(req.params.id ?? '');
      if (!d) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      const expires = Number(req.query.get('X-Amz-Expires'));
      if (req.query.get('X-Amz-Signature') !== this.sign(d.id, expires)) {
        return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
      }
      if (this.state.clock.nowMs() > expires) return s3Error(403, 'AccessDenied', 'Request has expired');
      return d;
    };
    const isDoc = (x: StoredDocument | SimResponse): x is StoredDocument => 'id' in x;
    return [
      {
        service: 'documents', method: 'PUT', pattern: '/{id}', operation: 'uploadFeedDocument', write: true, auth: false,
        handler: (req) => {
          const d = check(req);
          if (!isDoc(d)) return d;
          // The upload must carry the content type given to createFeedDocument (it is part of the signature).
          if (String(req.headers['content-type'] ?? '') !== d.contentType) {
            return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
          }
          d.content = Buffer.from(req.rawBody);
          return { status: 200, headers: { ETag: `"${createHash('md5').update(d.content).digest('hex')}"` } };
        },
      },
      {
        service: 'documents', method: 'GET', pattern: '/{id}', operation: 'downloadFeedDocument', write: false, auth: false,
        handler: (req) => {
          this.settle();
          const d = check(req);
          if (!isDoc(d)) return d;
          if (!d.content) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
          return { status: 200, raw: d.content, headers: { 'content-type': d.contentType } };
        },
      },
    ];
  }
}
