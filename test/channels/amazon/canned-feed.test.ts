import { gzipSync } from 'node:zlib';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createAmazonChannel } from '../../../src/channels/amazon/index.js';
import type { ChangeOutcome, ListingChange } from '../../../src/channels/channel.js';
import { collectingLogger } from '../../../src/log.js';
import { amazonConfig, offer } from './helpers.js';

/** The feed flow on the production hosts, with a GZIP report the simulator does not produce. */
const API = 'https://sellingpartnerapi-eu.amazon.com';
const S3 = 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com';
const credentials = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 'feed-client-secret-123', refreshToken: 'Atzr|feed-refresh-token' };

let agent: MockAgent;
afterEach(async () => agent.close());

function channel(feedThreshold = 1) {
  agent = new MockAgent();
  agent.disableNetConnect();
  agent.get('https://api.amazon.com').intercept({ path: '/auth/o2/token', method: 'POST' }).reply(200, { access_token: 'Atza|feed-access', expires_in: 3600 });
  const sleeps: number[] = [];
  const c = createAmazonChannel(
    amazonConfig({ feedThreshold }),
    { currency: 'EUR' },
    { log: collectingLogger(), dispatcher: agent, credentials, now: () => 0, sleep: async (ms) => void sleeps.push(ms) },
    { feedPolling: { firstDelayMs: 1000, maxDelayMs: 4000, maxWaitMs: 20_000 } },
  );
  return { c, sleeps };
}

const changes: ListingChange[] = [
  { kind: 'update', offer: offer({ sku: 'CIV-1', priceMinor: 1990 }), fields: ['price'], remote: { productType: 'TOY' } },
  { kind: 'delist', sku: 'CIV-2', remote: {} },
];

describe('JSON_LISTINGS_FEED on production hosts (canned)', () => {
  it('uploads without the SP-API token, polls with backoff, gunzips the report, maps issues to SKUs', async () => {
    const { c, sleeps } = channel();
    const api = agent.get(API);
    const s3 = agent.get(S3);
    let uploaded: { headers: Record<string, string>; body: string } | undefined;
    api.intercept({ path: '/feeds/2021-06-30/documents', method: 'POST' }).reply(201, { feedDocumentId: 'DOC-IN', url: `${S3}/in?X-Amz-Signature=abc` });
    s3.intercept({ path: '/in?X-Amz-Signature=abc', method: 'PUT' }).reply((opts) => {
      uploaded = { headers: opts.headers as Record<string, string>, body: String(opts.body) };
      return { statusCode: 200, data: '' };
    });
    api.intercept({ path: '/feeds/2021-06-30/feeds', method: 'POST' }).reply(202, { feedId: 'F1' });
    const feed = (processingStatus: string, extra = {}) => ({ feedId: 'F1', feedType: 'JSON_LISTINGS_FEED', createdTime: '2026-11-23T18:00:00Z', processingStatus, ...extra });
    api.intercept({ path: '/feeds/2021-06-30/feeds/F1', method: 'GET' }).reply(200, feed('IN_QUEUE'));
    api.intercept({ path: '/feeds/2021-06-30/feeds/F1', method: 'GET' }).reply(200, feed('IN_PROGRESS'));
    api.intercept({ path: '/feeds/2021-06-30/feeds/F1', method: 'GET' }).reply(200, feed('DONE', { resultFeedDocumentId: 'DOC-OUT' }));
    api.intercept({ path: '/feeds/2021-06-30/documents/DOC-OUT', method: 'GET' }).reply(200, { feedDocumentId: 'DOC-OUT', url: `${S3}/out`, compressionAlgorithm: 'GZIP' });
    const report = {
      header: { sellerId: 'A1SELLER', version: '2.0', feedId: 'F1' },
      issues: [{ messageId: 2, sku: 'CIV-2', code: '4000000', severity: 'ERROR', message: 'SKU not found' }],
      summary: { errors: 1, warnings: 0, messagesProcessed: 2, messagesAccepted: 1, messagesInvalid: 1 },
    };
    s3.intercept({ path: '/out', method: 'GET' }).reply(200, gzipSync(JSON.stringify(report)));

    const outcomes: ChangeOutcome[] = [];
    await c.apply(changes, (o) => outcomes.push(o));

    expect(uploaded?.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(uploaded?.headers['x-amz-access-token']).toBeUndefined();
    expect(JSON.parse(uploaded?.body ?? '{}')).toEqual({
      header: { sellerId: 'A1SELLER', version: '2.0', issueLocale: 'it_IT' },
      messages: [
        { messageId: 1, sku: 'CIV-1', operationType: 'PATCH', productType: 'TOY', patches: [{ op: 'replace', path: '/attributes/purchasable_offer', value: [{ marketplace_id: 'APJ6JRA9NG5V4', currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 19.9 }] }] }] },
          { op: 'replace', path: '/attributes/list_price', value: [{ marketplace_id: 'APJ6JRA9NG5V4', currency: 'EUR', value_with_tax: 24.9 }] }] },
        { messageId: 2, sku: 'CIV-2', operationType: 'DELETE' },
      ],
    });
    expect(sleeps).toEqual([1000, 2000]);
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors.map((e) => e.code)])).toEqual([
      ['CIV-1', true, 'feed F1 DONE accepted', []],
      ['CIV-2', false, 'feed F1 DONE invalid issues=4000000', ['4000000']],
    ]);
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('a document URL on a host that is not Amazon\'s: nothing is uploaded, the feed\'s entries fail (not exit 2: createFeedDocument was sent)', async () => {
    const { c } = channel();
    agent.get(API).intercept({ path: '/feeds/2021-06-30/documents', method: 'POST' }).reply(201, { feedDocumentId: 'D', url: 'https://evil.example.com/upload' });
    const outcomes: ChangeOutcome[] = [];
    await c.apply(changes, (o) => outcomes.push(o));
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors.map((e) => [e.code, e.message])])).toEqual(
      ['CIV-1', 'CIV-2'].map((sku) => [
        sku,
        false,
        'feed not submitted: document URL refused',
        [['unexpected-response', `Amazon returned a feed document URL on https://evil.example.com, which is not an allowed document host (${API}, ${S3}); nothing was sent to it`]],
      ]),
    );
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('a report URL refused after createFeed: the entries fail with unexpected-response, result unknown', async () => {
    const { c } = channel();
    const api = agent.get(API);
    api.intercept({ path: '/feeds/2021-06-30/documents', method: 'POST' }).reply(201, { feedDocumentId: 'D', url: `${S3}/in` });
    agent.get(S3).intercept({ path: '/in', method: 'PUT' }).reply(200, '');
    api.intercept({ path: '/feeds/2021-06-30/feeds', method: 'POST' }).reply(202, { feedId: 'F3' });
    api.intercept({ path: '/feeds/2021-06-30/feeds/F3', method: 'GET' }).reply(200, { feedId: 'F3', feedType: 'JSON_LISTINGS_FEED', createdTime: 't', processingStatus: 'DONE', resultFeedDocumentId: 'OUT' });
    api.intercept({ path: '/feeds/2021-06-30/documents/OUT', method: 'GET' }).reply(200, { feedDocumentId: 'OUT', url: 'https://evil.example.com/out' });
    const outcomes: ChangeOutcome[] = [];
    await c.apply(changes, (o) => outcomes.push(o));
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors[0]?.code])).toEqual([
      ['CIV-1', false, 'feed F3 submitted, result unknown: document URL refused', 'unexpected-response'],
      ['CIV-2', false, 'feed F3 submitted, result unknown: document URL refused', 'unexpected-response'],
    ]);
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('a FATAL feed with a report: its document-level issues are attached to every entry', async () => {
    const { c } = channel();
    const api = agent.get(API);
    const s3 = agent.get(S3);
    api.intercept({ path: '/feeds/2021-06-30/documents', method: 'POST' }).reply(201, { feedDocumentId: 'D', url: `${S3}/in` });
    s3.intercept({ path: '/in', method: 'PUT' }).reply(200, '');
    api.intercept({ path: '/feeds/2021-06-30/feeds', method: 'POST' }).reply(202, { feedId: 'F4' });
    api.intercept({ path: '/feeds/2021-06-30/feeds/F4', method: 'GET' }).reply(200, { feedId: 'F4', feedType: 'JSON_LISTINGS_FEED', createdTime: 't', processingStatus: 'FATAL', resultFeedDocumentId: 'OUT' });
    api.intercept({ path: '/feeds/2021-06-30/documents/OUT', method: 'GET' }).reply(200, { feedDocumentId: 'OUT', url: `${S3}/out` });
    s3.intercept({ path: '/out', method: 'GET' }).reply(200, {
      header: { sellerId: 'A1SELLER', version: '2.0', feedId: 'F4' },
      issues: [{ code: '4000001', severity: 'ERROR', message: "Item 'Feed' cannot be parsed." }],
      summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
    });
    const outcomes: ChangeOutcome[] = [];
    await c.apply(changes, (o) => outcomes.push(o));
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors.map((e) => e.code)])).toEqual([
      ['CIV-1', false, 'feed F4 FATAL issues=4000001', ['feed-fatal', '4000001']],
      ['CIV-2', false, 'feed F4 FATAL issues=4000001', ['feed-fatal', '4000001']],
    ]);
    expect(outcomes[0]?.errors[1]?.message).toBe("Item 'Feed' cannot be parsed.");
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('a feed that never finishes fails every item with feed-timeout after the bounded wait', async () => {
    const { c, sleeps } = channel();
    const api = agent.get(API);
    api.intercept({ path: '/feeds/2021-06-30/documents', method: 'POST' }).reply(201, { feedDocumentId: 'D', url: `${S3}/in` });
    agent.get(S3).intercept({ path: '/in', method: 'PUT' }).reply(200, '');
    api.intercept({ path: '/feeds/2021-06-30/feeds', method: 'POST' }).reply(202, { feedId: 'F2' });
    api.intercept({ path: '/feeds/2021-06-30/feeds/F2', method: 'GET' }).reply(200, { feedId: 'F2', feedType: 'JSON_LISTINGS_FEED', createdTime: 't', processingStatus: 'IN_PROGRESS' }).persist();
    const outcomes: ChangeOutcome[] = [];
    await c.apply(changes, (o) => outcomes.push(o));
    expect(sleeps).toEqual([1000, 2000, 4000, 4000, 4000, 4000]);
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors[0]?.code])).toEqual([
      ['CIV-1', false, 'feed F2 still processing', 'feed-timeout'],
      ['CIV-2', false, 'feed F2 still processing', 'feed-timeout'],
    ]);
  });
});
