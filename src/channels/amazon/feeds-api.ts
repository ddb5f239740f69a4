import { gunzipCapped } from '../../http/answer-size.js';
import { joinUrl } from '../../http/client.js';
import type { AmazonApi } from './api-context.js';
import { CreateFeedDocumentResponse, CreateFeedResponse, Feed, FeedDocument } from './schemas.js';

/** Feeds API 2021-06-30 (feeds_2021-06-30.json) and the pre-signed document URLs it hands out. */

/** One constant content type for createFeedDocument and the upload: a mismatch breaks the S3 signature (reference §8). */
const FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';

export async function createFeedDocument(api: AmazonApi): Promise<{ feedDocumentId: string; url: string }> {
  const res = await api.http.request({
    operation: 'createFeedDocument',
    method: 'POST',
    url: joinUrl(api.endpoint, '/feeds/2021-06-30/documents'),
    json: { contentType: FEED_CONTENT_TYPE },
    schema: CreateFeedDocumentResponse,
    idempotent: true,
  });
  return res.data;
}

/**
 * A feed-document URL Amazon handed back on a host civetta may not use. It is found after
 * createFeedDocument (and maybe createFeed) went out, so it is the feed's failure
 * (`unexpected-response`), not an input error: exit 2 means nothing was sent.
 */
export class RefusedDocumentUrl extends Error {
  readonly code = 'unexpected-response';
}

/** Refuses a document URL outside the allowed document origins, before anything is sent to it. */
export function assertDocumentUrl(url: string, documentOrigins: readonly string[]): void {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new RefusedDocumentUrl('the feed document URL Amazon returned is not a URL; nothing was sent to it');
  }
  if (!documentOrigins.includes(origin)) {
    throw new RefusedDocumentUrl(
      `Amazon returned a feed document URL on ${origin}, which is not an allowed document host (${documentOrigins.join(', ')}); nothing was sent to it`,
    );
  }
}

/** PUT to the pre-signed URL: no SP-API token (the URL carries its own signature). */
export async function uploadFeedDocument(api: AmazonApi, url: string, content: string): Promise<void> {
  await api.http.request({
    operation: 'uploadFeedDocument',
    method: 'PUT',
    url,
    headers: { 'content-type': FEED_CONTENT_TYPE },
    body: content,
    idempotent: true,
    auth: false,
  });
}

export async function createFeed(api: AmazonApi, inputFeedDocumentId: string): Promise<string> {
  const res = await api.http.request({
    operation: 'createFeed',
    method: 'POST',
    url: joinUrl(api.endpoint, '/feeds/2021-06-30/feeds'),
    json: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [api.marketplaceId], inputFeedDocumentId },
    schema: CreateFeedResponse,
    // Resending after an ambiguous failure could submit the same changes twice (reference §7).
    idempotent: false,
  });
  return res.data.feedId;
}

export async function getFeed(api: AmazonApi, feedId: string): Promise<Feed> {
  const res = await api.http.request({
    operation: 'getFeed',
    method: 'GET',
    url: joinUrl(api.endpoint, `/feeds/2021-06-30/feeds/${encodeURIComponent(feedId)}`),
    schema: Feed,
    idempotent: true,
  });
  return res.data;
}

export async function getFeedDocument(api: AmazonApi, feedDocumentId: string) {
  const res = await api.http.request({
    operation: 'getFeedDocument',
    method: 'GET',
    url: joinUrl(api.endpoint, `/feeds/2021-06-30/documents/${encodeURIComponent(feedDocumentId)}`),
    schema: FeedDocument,
    idempotent: true,
  });
  return res.data;
}

/**
 * Downloads a result document through the shared client (origin check, pacing, retries; no
 * token: the URL is pre-signed), gunzipping it when Amazon says it is compressed.
 */
export async function downloadFeedDocument(api: AmazonApi, url: string, compression: 'GZIP' | undefined): Promise<string> {
  const res = await api.http.request({ operation: 'downloadFeedDocument', method: 'GET', url, idempotent: true, auth: false });
  return compression ? gunzipCapped(res.bytes, 'downloadFeedDocument').toString('utf8') : res.text;
}
