import type { RemoteRef } from '../../domain/listing.js';
import type { ChangeOutcome, ChannelIssue, ListingChange, MatchResult } from '../channel.js';
import { planCreate, unmatchedOutcome, type ItemContext } from './apply-items.js';
import { ListingsFeedDocument, type FeedMessage } from './feed-document.js';
import { issue } from './error-explanations.js';
import { GENERIC_PRODUCT_TYPE } from './mapping.js';
import { updatePatches, zeroQuantityPatches } from './patches.js';
import { listingIssue, offerSummary } from './outcome.js';
import type { ProcessingReport } from './schemas.js';

/** One change as one feed message, with what its outcome will need. */
export interface FeedEntry {
  change: ListingChange;
  sku: string;
  message: FeedMessage;
  request: string;
  remote?: RemoteRef;
  warnings: ChannelIssue[];
}

/**
 * Changes → feed messages (messageId = position + 1). Creates without a single ASIN, and
 * updates with nothing to send, get their outcome at once and stay out of the feed.
 */
export function buildFeedEntries(
  changes: ReadonlyArray<{ change: ListingChange; match?: MatchResult }>,
  ctx: Pick<ItemContext, 'listing' | 'delistBy' | 'createProducts'>,
): { entries: FeedEntry[]; immediate: ChangeOutcome[] } {
  const entries: FeedEntry[] = [];
  const immediate: ChangeOutcome[] = [];
  for (const { change, match } of changes) {
    const messageId = entries.length + 1;
    if (change.kind === 'create') {
      const plan = planCreate(change.offer, match, ctx);
      if (!plan) {
        immediate.push(unmatchedOutcome(change.offer, match));
        continue;
      }
      entries.push({
        change,
        sku: change.offer.sku,
        message: { messageId, sku: change.offer.sku, operationType: 'UPDATE', productType: plan.productType, requirements: plan.requirements, attributes: plan.attributes },
        request: `JSON_LISTINGS_FEED message=${messageId} UPDATE ${plan.summary} ${offerSummary(change.offer)}`,
        ...(plan.remote ? { remote: plan.remote } : {}),
        warnings: plan.warnings,
      });
      continue;
    }
    const productType = change.remote.productType ?? GENERIC_PRODUCT_TYPE;
    if (change.kind === 'update') {
      const patches = updatePatches(change, ctx.listing);
      const summary = offerSummary(change.offer, change.fields);
      if (patches.length === 0) {
        const note = issue('nothing-to-send', 'offer-only listings show the catalogue content: no offer attribute changed');
        immediate.push({ sku: change.offer.sku, kind: 'update', ok: true, remote: change.remote, request: `${summary} (nothing sent)`, errors: [], warnings: [note] });
        continue;
      }
      entries.push({
        change,
        sku: change.offer.sku,
        message: { messageId, sku: change.offer.sku, operationType: 'PATCH', productType, patches },
        request: `JSON_LISTINGS_FEED message=${messageId} PATCH ${summary}`,
        remote: change.remote,
        warnings: [],
      });
      continue;
    }
    const message: FeedMessage =
      ctx.delistBy === 'zero'
        ? { messageId, sku: change.sku, operationType: 'PATCH', productType, patches: zeroQuantityPatches(ctx.listing.handlingDays) }
        : { messageId, sku: change.sku, operationType: 'DELETE' };
    entries.push({
      change,
      sku: change.sku,
      message,
      request: `JSON_LISTINGS_FEED message=${messageId} ${message.operationType} sku=${change.sku}${ctx.delistBy === 'zero' ? ' qty=0 (delist)' : ''}`,
      remote: change.remote,
      warnings: [],
    });
  }
  return { entries, immediate };
}

/** The document to upload, checked against the feed schema first; throws with the zod issues when civetta built it wrong. */
export function buildDocument(sellerId: string, entries: readonly FeedEntry[], issueLocale?: string): string {
  const doc = { header: { sellerId, version: '2.0' as const, ...(issueLocale ? { issueLocale } : {}) }, messages: entries.map((e) => e.message) };
  const checked = ListingsFeedDocument.safeParse(doc);
  if (!checked.success) {
    throw new Error(`feed document does not match the listings feed schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return JSON.stringify(checked.data);
}

/**
 * The processing report → one outcome per message; a message with no ERROR issue is applied,
 * unless the report's `summary` (listings-feed-processing-report-schema-v2.json) counts fewer
 * messages processed than were sent, or fewer accepted than have no ERROR: then the report
 * cannot say which of those went through, and none of them is claimed as done.
 */
export function outcomesFromReport(entries: readonly FeedEntry[], report: ProcessingReport, feedId: string): ChangeOutcome[] {
  const general = report.issues.filter((i) => i.messageId === undefined);
  const outcomes = entries.map((entry): ChangeOutcome => {
    const mine = report.issues.filter((i) => i.messageId === entry.message.messageId);
    const errors = [...general, ...mine].filter((i) => i.severity === 'ERROR').map(listingIssue);
    const warnings = mine.filter((i) => i.severity === 'WARNING').map(listingIssue);
    const codes = mine.map((i) => i.code ?? i.severity);
    return {
      sku: entry.sku,
      kind: entry.change.kind,
      ok: errors.length === 0,
      ...(entry.remote ? { remote: entry.remote } : {}),
      request: entry.request,
      response: `feed ${feedId} DONE ${errors.length === 0 ? 'accepted' : 'invalid'}${codes.length ? ` issues=${codes.join(',')}` : ''}`,
      errors,
      warnings: [...entry.warnings, ...warnings],
    };
  });
  const clean = outcomes.filter((o) => o.ok).length;
  const { messagesProcessed, messagesAccepted } = report.summary;
  if (messagesProcessed >= entries.length && messagesAccepted >= clean) return outcomes;
  const unconfirmed = issue(
    'feed-unconfirmed',
    `feed ${feedId} processed ${messagesProcessed} and accepted ${messagesAccepted} of ${entries.length} messages, ` +
      `yet names an error for only ${entries.length - clean}: this change is not confirmed`,
  );
  return outcomes.map((o) => (o.ok ? { ...o, ok: false, response: `feed ${feedId} DONE unconfirmed`, errors: [unconfirmed] } : o));
}

/**
 * Every message of a feed Amazon aborted (FATAL) fails; the report, when Amazon left one, adds
 * its document-level issues (why the feed was aborted) to each entry, and each message's own
 * errors to that entry. `report` may instead be why it could not be read.
 */
export function fatalOutcomes(entries: readonly FeedEntry[], feedId: string, report: ProcessingReport | string | undefined): ChangeOutcome[] {
  const unread = typeof report === 'string' ? ` (its processing report could not be read: ${report})` : '';
  const fatal = issue('feed-fatal', `feed ${feedId} ended FATAL${unread}`);
  const issues = typeof report === 'object' ? report.issues : [];
  const general = issues.filter((i) => i.messageId === undefined).map(listingIssue);
  return entries.map((entry) => {
    const mine = issues.filter((i) => i.messageId === entry.message.messageId && i.severity === 'ERROR').map(listingIssue);
    return {
      sku: entry.sku,
      kind: entry.change.kind,
      ok: false,
      ...(entry.remote ? { remote: entry.remote } : {}),
      request: entry.request,
      response: `feed ${feedId} FATAL${general.length ? ` issues=${general.map((i) => i.code).join(',')}` : ''}`,
      errors: [fatal, ...general, ...mine],
      warnings: entry.warnings,
    };
  });
}

/** The same failure for every message of a feed (not submitted, aborted, or never finished). */
export function failEntries(entries: readonly FeedEntry[], errors: ChannelIssue[], response: string): ChangeOutcome[] {
  return entries.map((entry) => ({
    sku: entry.sku,
    kind: entry.change.kind,
    ok: false,
    ...(entry.remote ? { remote: entry.remote } : {}),
    request: entry.request,
    response,
    errors,
    warnings: entry.warnings,
  }));
}
