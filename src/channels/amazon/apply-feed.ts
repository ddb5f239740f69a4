import type { ChangeOutcome } from '../channel.js';
import type { AmazonApi } from './api-context.js';
import { buildDocument, failEntries, fatalOutcomes, outcomesFromReport, type FeedEntry } from './feed-mapping.js';
import {
  assertDocumentUrl,
  createFeed,
  createFeedDocument,
  downloadFeedDocument,
  getFeed,
  getFeedDocument,
  RefusedDocumentUrl,
  uploadFeedDocument,
} from './feeds-api.js';
import { issue } from './error-explanations.js';
import { failureOf } from './outcome.js';
import { ProcessingReport, type Feed } from './schemas.js';
import type { ChannelDeps } from '../../http/channel-deps.js';

/** How getFeed is polled: waits double from `firstDelayMs` up to `maxDelayMs`, `maxWaitMs` in all. */
export interface FeedPolling {
  firstDelayMs: number;
  maxDelayMs: number;
  maxWaitMs: number;
}

/**
 * Amazon processes listings feeds in minutes and getFeed allows 2 requests/s, burst 15
 * (feeds_2021-06-30.json): a poll every 10 s costs a few dozen calls per feed, and a finished
 * feed waits at most 10 s for civetta (polling once a minute lost 30 s a feed on average).
 * Give up after 20 minutes: the next run re-reads the listings and converges.
 */
export const DEFAULT_FEED_POLLING: FeedPolling = { firstDelayMs: 5_000, maxDelayMs: 10_000, maxWaitMs: 20 * 60_000 };

async function waitForFeed(api: AmazonApi, feedId: string, polling: FeedPolling, sleep: (ms: number) => Promise<void>): Promise<Feed | undefined> {
  let waited = 0;
  let delay = polling.firstDelayMs;
  for (;;) {
    const feed = await getFeed(api, feedId);
    if (feed.processingStatus === 'DONE' || feed.processingStatus === 'FATAL' || feed.processingStatus === 'CANCELLED') return feed;
    if (waited + delay > polling.maxWaitMs) return undefined;
    await sleep(delay);
    waited += delay;
    delay = Math.min(delay * 2, polling.maxDelayMs);
  }
}

async function readReport(api: AmazonApi, documentOrigins: readonly string[], documentId: string): Promise<ProcessingReport> {
  const doc = await getFeedDocument(api, documentId);
  assertDocumentUrl(doc.url, documentOrigins);
  const text = await downloadFeedDocument(api, doc.url, doc.compressionAlgorithm);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw Object.assign(new Error('the processing report is not JSON'), { code: 'unexpected-response' });
  }
  const parsed = ProcessingReport.safeParse(raw);
  if (!parsed.success) {
    throw Object.assign(new Error(`the processing report does not match its schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`), {
      code: 'unexpected-response',
    });
  }
  return parsed.data;
}

/**
 * The report of an aborted feed, when Amazon left one: its document-level issues say why. A
 * report that cannot be read only loses that explanation (refused credentials still stop).
 */
async function fatalReport(
  api: AmazonApi,
  documentOrigins: readonly string[],
  documentId: string | undefined,
  deps: ChannelDeps,
): Promise<ProcessingReport | string | undefined> {
  if (!documentId) return undefined;
  try {
    return await readReport(api, documentOrigins, documentId);
  } catch (error) {
    const f = failure(error, 'report');
    deps.log.debug(`amazon: report ${documentId} of a FATAL feed not read: ${f.response}`);
    return f.errors.map((e) => e.message).join('; ');
  }
}

function failure(error: unknown, prefix: string): { errors: ChangeOutcome['errors']; response: string } {
  if (error instanceof Error && (error as { code?: unknown }).code === 'unexpected-response') {
    const what = error instanceof RefusedDocumentUrl ? 'document URL refused' : 'unexpected report';
    return { errors: [issue('unexpected-response', error.message)], response: `${prefix} ${what}` };
  }
  const f = failureOf(error);
  return { errors: f.errors, response: `${prefix} ${f.response}` };
}

/**
 * One JSON_LISTINGS_FEED for all entries: document → upload → feed → poll → report → one outcome
 * per entry. Never rejects for a feed's failure (every entry fails with it, a refused document
 * host included: requests were already sent); rejects on refused credentials.
 */
export async function applyFeed(
  api: AmazonApi,
  deps: ChannelDeps,
  entries: readonly FeedEntry[],
  options: { documentOrigins: readonly string[]; polling: FeedPolling; sleep: (ms: number) => Promise<void> },
): Promise<ChangeOutcome[]> {
  let content: string;
  try {
    content = buildDocument(api.sellerId, entries, api.issueLocale);
  } catch (error) {
    return failEntries(entries, [issue('invalid-feed-document', (error as Error).message)], 'feed not sent');
  }
  let feedId: string;
  try {
    const document = await createFeedDocument(api);
    assertDocumentUrl(document.url, options.documentOrigins);
    await uploadFeedDocument(api, document.url, content);
    feedId = await createFeed(api, document.feedDocumentId);
  } catch (error) {
    const f = failure(error, 'feed not submitted:');
    return failEntries(entries, f.errors, f.response);
  }
  deps.log.info(`amazon: feed ${feedId} submitted with ${entries.length} messages`);
  try {
    const feed = await waitForFeed(api, feedId, options.polling, options.sleep);
    if (!feed) {
      return failEntries(entries, [issue('feed-timeout', `feed ${feedId} not finished after ${Math.round(options.polling.maxWaitMs / 1000)} s`)], `feed ${feedId} still processing`);
    }
    if (feed.processingStatus === 'FATAL') {
      return fatalOutcomes(entries, feedId, await fatalReport(api, options.documentOrigins, feed.resultFeedDocumentId, deps));
    }
    if (feed.processingStatus !== 'DONE') {
      return failEntries(entries, [issue('feed-cancelled', `feed ${feedId} ended ${feed.processingStatus}`)], `feed ${feedId} ${feed.processingStatus}`);
    }
    if (!feed.resultFeedDocumentId) {
      return failEntries(entries, [issue('unexpected-response', `feed ${feedId} is DONE without a processing report`)], `feed ${feedId} DONE without report`);
    }
    const report = await readReport(api, options.documentOrigins, feed.resultFeedDocumentId);
    return outcomesFromReport(entries, report, feedId);
  } catch (error) {
    const f = failure(error, `feed ${feedId} submitted, result unknown:`);
    return failEntries(entries, f.errors, f.response);
  }
}
