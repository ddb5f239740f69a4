import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { amazonAccess, amz, AMZ_MP, call, offerOnlyBody, SELLER } from './helpers.js';

const ASIN = 'B0FEEDTEST';
const CT = 'application/json; charset=UTF-8';
let sim: Simulator;
let api: ReturnType<typeof amz>;

beforeAll(async () => {
  sim = await startSimulator({
    now: () => Date.parse('2026-08-01T10:00:00Z'),
    amazon: { catalog: [{ ean: '8001234567890', asin: ASIN, title: 'Gioco', brand: 'X', productType: 'TOY' }], listings: [{ sku: 'F-OLD', attributes: offerOnlyBody(ASIN, 10, 1).attributes }] },
  });
  api = amz(sim, await amazonAccess(sim));
});
afterAll(async () => sim.close());

async function submit(doc: unknown, contentType = CT): Promise<string> {
  const d = await api('POST', '/feeds/2021-06-30/documents', { contentType: CT });
  expect(d.status).toBe(201);
  const up = await call(d.body.url, { method: 'PUT', headers: { 'content-type': contentType }, body: typeof doc === 'string' ? doc : JSON.stringify(doc) });
  expect(up.status).toBe(200);
  const f = await api('POST', '/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [AMZ_MP], inputFeedDocumentId: d.body.feedDocumentId });
  expect(f.status).toBe(202);
  return f.body.feedId as string;
}

async function report(feedId: string) {
  const feed = await api('GET', `/feeds/2021-06-30/feeds/${feedId}`);
  const doc = await api('GET', `/feeds/2021-06-30/documents/${feed.body.resultFeedDocumentId}`);
  expect(doc.body.compressionAlgorithm).toBe('GZIP');
  const res = await fetch(doc.body.url);
  return { feed: feed.body, report: JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) };
}

describe('JSON_LISTINGS_FEED', () => {
  it('moves IN_QUEUE → IN_PROGRESS → DONE over 120 s + 5 ms per message and reports per message', async () => {
    const feedId = await submit({
      header: { sellerId: SELLER, version: '2.0', issueLocale: 'it_IT', report: { includedData: ['summaries', 'fulfillmentAvailability'], apiVersion: '2021-08-01' } },
      messages: [
        { messageId: 1, sku: 'F-1', operationType: 'UPDATE', productType: 'PRODUCT', requirements: 'LISTING_OFFER_ONLY', attributes: offerOnlyBody(ASIN, 12.5, 4).attributes },
        { messageId: 2, sku: 'F-OLD', operationType: 'PATCH', productType: 'PRODUCT', patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }] }] },
        { messageId: 3, sku: 'F-2', operationType: 'UPDATE', productType: 'PRODUCT', requirements: 'LISTING_OFFER_ONLY', attributes: { condition_type: [{ value: 'new_new', marketplace_id: AMZ_MP }] } },
        { messageId: 4, sku: 'F-3', operationType: 'DELETE', productType: 'PRODUCT' },
      ],
    });
    expect((await api('GET', `/feeds/2021-06-30/feeds/${feedId}`)).body).toMatchObject({ feedId, feedType: 'JSON_LISTINGS_FEED', processingStatus: 'IN_QUEUE', createdTime: '2026-08-01T10:00:00Z' });
    expect(sim.amazon.listing('F-1')).toBeUndefined();
    sim.clock.advance(60_000);
    expect((await api('GET', `/feeds/2021-06-30/feeds/${feedId}`)).body.processingStatus).toBe('IN_PROGRESS');
    sim.clock.advance(60_019);
    expect((await api('GET', `/feeds/2021-06-30/feeds/${feedId}`)).body.processingStatus).toBe('IN_PROGRESS');
    sim.clock.advance(1);
    api = amz(sim, await amazonAccess(sim));
    const { feed, report: r } = await report(feedId);
    expect(feed).toMatchObject({ processingStatus: 'DONE', processingEndTime: '2026-08-01T10:02:00Z' });
    expect(r.header).toMatchObject({ sellerId: SELLER, version: '2.0', feedId });
    expect(r.summary).toEqual({ errors: 2, warnings: 0, messagesProcessed: 4, messagesAccepted: 2, messagesInvalid: 2 });
    expect(r.issues.map((i: { messageId: number; code: string }) => [i.messageId, i.code])).toEqual([[3, '90220'], [4, '100002']]);
    expect(r.items.map((i: { sku: string }) => i.sku)).toEqual(['F-1', 'F-OLD']);
    expect(sim.amazon.listing('F-1')).toMatchObject({ price: { amount: 12.5 }, quantity: 4 });
    expect(sim.amazon.listing('F-OLD')?.quantity).toBe(7);
    expect(sim.amazon.feeds().find((f) => f.feedId === feedId)?.processingStatus).toBe('DONE');
    // Writes: the document upload and createFeed; createFeedDocument, getFeed and downloads are reads.
    expect(sim.writeCount('amazon')).toBe(2);
    expect(sim.count('uploadFeedDocument')).toBe(1);
  });

  it('fails the whole feed (FATAL) for a document outside the schema', async () => {
    const feedId = await submit({ header: { sellerId: SELLER, version: '2.0' }, messages: [{ messageId: 1, sku: 'X', operationType: 'DELETE', merchant_suggested_asin: 'B0' }] });
    sim.clock.advance(121_000);
    api = amz(sim, await amazonAccess(sim));
    const { feed, report: r } = await report(feedId);
    expect(feed.processingStatus).toBe('FATAL');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].messageId).toBeUndefined();
    expect(r.summary.messagesProcessed).toBe(0);
  });

  it('refuses an upload whose Content-Type differs from createFeedDocument (SignatureDoesNotMatch) and a tampered URL', async () => {
    const d = await api('POST', '/feeds/2021-06-30/documents', { contentType: CT });
    const wrong = await call(d.body.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    const tampered = await call(d.body.url.replace(/X-Amz-Signature=[0-9a-f]+/, 'X-Amz-Signature=00'), { method: 'PUT', headers: { 'content-type': CT }, body: '{}' });
    expect(tampered.status).toBe(403);
    sim.clock.advance(301_000);
    const late = await call(d.body.url, { method: 'PUT', headers: { 'content-type': CT }, body: '{}' });
    expect(late.text).toContain('Request has expired');
  });

  it('validates createFeed and getFeed', async () => {
    api = amz(sim, await amazonAccess(sim));
    expect((await api('POST', '/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [], inputFeedDocumentId: 'x' })).status).toBe(400);
    expect((await api('POST', '/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [AMZ_MP], inputFeedDocumentId: 'nope' })).status).toBe(400);
    expect((await api('POST', '/feeds/2021-06-30/documents', {})).status).toBe(400);
    expect((await api('GET', '/feeds/2021-06-30/feeds/123')).status).toBe(404);
  });

  it('limits JSON_LISTINGS_FEED submissions to 5 per 5 minutes', async () => {
    const fresh = await startSimulator({ now: () => Date.parse('2026-08-01T10:00:00Z') });
    try {
      const a = amz(fresh, await amazonAccess(fresh));
      const doc = await a('POST', '/feeds/2021-06-30/documents', { contentType: CT });
      const body = { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [AMZ_MP], inputFeedDocumentId: doc.body.feedDocumentId };
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await a('POST', '/feeds/2021-06-30/feeds', body)).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      fresh.clock.advance(60_000);
      expect((await a('POST', '/feeds/2021-06-30/feeds', body)).status).toBe(202);
    } finally {
      await fresh.close();
    }
  });
});
