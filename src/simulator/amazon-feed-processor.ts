import { listingView } from './amazon-listing-view.js';
import { deleteListing, type ListingOutcome, partialUpdate, patchListing, putListing } from './amazon-listing-ops.js';
import type { ListingIssue } from './amazon-listing-rules.js';
import { FeedDocument, messageShapeProblem } from './amazon-feed-schema.js';
import type { SimState } from './state.js';

/** Processing report (listings-feed-processing-report-schema-v2.json). */
export interface ProcessingReport {
  header: { sellerId: string; version: '2.0'; feedId: string; report?: { includedData: string[]; apiVersion: string } };
  issues: Array<{ messageId?: number; sku?: string; code?: string; severity: string; message: string; attributeName?: string }>;
  summary: { errors: number; warnings: number; messagesProcessed: number; messagesAccepted: number; messagesInvalid: number };
  items?: Array<Record<string, unknown>>;
}

/** Parses the uploaded document; `fatal` = Amazon could not read the feed at all. */
export function readFeed(text: string, sellerId: string): { doc: FeedDocument; messages: number } | { fatal: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { fatal: 'The feed document is not valid JSON.' };
  }
  const parsed = FeedDocument.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { fatal: `The feed document does not match the JSON_LISTINGS_FEED schema: ${i ? `${i.path.join('.')}: ${i.message}` : ''}` };
  }
  if (parsed.data.header.sellerId !== sellerId) return { fatal: `The sellerId '${parsed.data.header.sellerId}' in the header does not match the seller.` };
  return { doc: parsed.data, messages: parsed.data.messages.length };
}

export function fatalReport(feedId: string, sellerId: string, message: string): ProcessingReport {
  return {
    header: { sellerId, version: '2.0', feedId },
    issues: [{ code: '100001', severity: 'ERROR', message }],
    summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
  };
}

/** Applies every message as the matching Listings Items call would, and reports per message. */
export function processFeed(state: SimState, feedId: string, doc: FeedDocument, marketplaceId: string): ProcessingReport {
  const report: ProcessingReport = {
    header: { sellerId: doc.header.sellerId, version: '2.0', feedId, ...(doc.header.report ? { report: doc.header.report } : {}) },
    issues: [],
    summary: { errors: 0, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
  };
  const seen = new Set<number>();
  const touched: string[] = [];
  for (const m of doc.messages) {
    report.summary.messagesProcessed += 1;
    let outcome: ListingOutcome;
    const shape = seen.has(m.messageId) ? `Duplicate messageId ${m.messageId}.` : messageShapeProblem(m);
    seen.add(m.messageId);
    if (shape) {
      outcome = { accepted: false, issues: [{ code: '100002', message: shape, severity: 'ERROR', attributeNames: [], categories: [] }] };
    } else if (m.operationType === 'UPDATE') {
      const body = { productType: m.productType ?? '', attributes: m.attributes ?? {}, ...(m.requirements ? { requirements: m.requirements } : {}) };
      outcome = putListing(state, m.sku, body, marketplaceId, false);
    } else if (m.operationType === 'PARTIAL_UPDATE') {
      outcome = partialUpdate(state, m.sku, m.attributes ?? {}, marketplaceId);
    } else if (m.operationType === 'PATCH') {
      outcome = patchListing(state, m.sku, m.patches ?? [], marketplaceId, false);
    } else {
      outcome = deleteListing(state, m.sku);
    }
    for (const i of outcome.issues) addIssue(report, m.messageId, m.sku, i);
    if (outcome.accepted) {
      report.summary.messagesAccepted += 1;
      touched.push(m.sku);
    } else {
      report.summary.messagesInvalid += 1;
    }
  }
  const wanted = doc.header.report?.includedData;
  if (wanted) {
    report.items = [...new Set(touched)].flatMap((sku) => {
      const l = state.amazon.listings.get(sku);
      return l ? [listingView(state, l, marketplaceId, wanted)] : [];
    });
  }
  return report;
}

function addIssue(report: ProcessingReport, messageId: number, sku: string, i: ListingIssue): void {
  const entry: ProcessingReport['issues'][number] = { messageId, sku, code: i.code, severity: i.severity, message: i.message };
  if (i.attributeNames[0]) entry.attributeName = i.attributeNames[0];
  report.issues.push(entry);
  if (i.severity === 'ERROR') report.summary.errors += 1;
  if (i.severity === 'WARNING') report.summary.warnings += 1;
}
