import { describe, expect, it } from 'vitest';
import { ListingsFeedDocument } from '../../../src/channels/amazon/feed-document.js';
import { buildDocument, buildFeedEntries, fatalOutcomes, outcomesFromReport } from '../../../src/channels/amazon/feed-mapping.js';
import type { MatchResult } from '../../../src/channels/channel.js';
import { IT, offer } from './helpers.js';

const ctx = { listing: { marketplaceId: IT, condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' }, delistBy: 'delete' as const, createProducts: false };
const matched = (sku: string): MatchResult => ({ sku, outcome: 'matched', candidates: [], remote: { asin: 'B0A', productType: 'TOY' }, message: '' });

describe('changes → JSON_LISTINGS_FEED messages', () => {
  const { entries, immediate } = buildFeedEntries(
    [
      { change: { kind: 'create', offer: offer({ sku: 'A' }) }, match: matched('A') },
      { change: { kind: 'create', offer: offer({ sku: 'B' }) }, match: { sku: 'B', outcome: 'ambiguous', candidates: [], message: '2 Amazon products carry EAN x' } },
      { change: { kind: 'update', offer: offer({ sku: 'C', quantity: 9 }), fields: ['quantity'], remote: { productType: 'TOY' } } },
      { change: { kind: 'delist', sku: 'D', remote: {} } },
    ],
    ctx,
  );

  it('numbers messages, keeps unmatched creates out and reports them at once', () => {
    expect(entries.map((e) => [e.message.messageId, e.sku, e.message.operationType])).toEqual([
      [1, 'A', 'UPDATE'],
      [2, 'C', 'PATCH'],
      [3, 'D', 'DELETE'],
    ]);
    expect(immediate).toEqual([
      { sku: 'B', kind: 'create', ok: false, request: 'match ean=8001234567890 (nothing sent)', errors: [expect.objectContaining({ code: 'ambiguous-catalog-match', message: '2 Amazon products carry EAN x' })], warnings: [] },
    ]);
    expect(entries[1]?.message).toEqual({
      messageId: 2, sku: 'C', operationType: 'PATCH', productType: 'TOY',
      patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 9, lead_time_to_ship_max_days: 2 }] }],
    });
  });

  it('the document passes the feed schema, and a stray property does not', () => {
    const text = buildDocument('A1SELLER', entries);
    const doc = JSON.parse(text) as { header: unknown; messages: Array<Record<string, unknown>> };
    expect(doc.header).toEqual({ sellerId: 'A1SELLER', version: '2.0' });
    expect(doc.messages[0]).toMatchObject({ operationType: 'UPDATE', requirements: 'LISTING_OFFER_ONLY', productType: 'TOY' });
    const stray = { ...doc, messages: [{ ...doc.messages[2], merchant_suggested_asin: 'B0A' }] };
    expect(ListingsFeedDocument.safeParse(stray).success).toBe(false);
    const patchWithAttributes = { ...doc, messages: [{ ...doc.messages[1], attributes: { x: [{}] } }] };
    expect(ListingsFeedDocument.safeParse(patchWithAttributes).success).toBe(false);
    const duplicateIds = { ...doc, messages: [doc.messages[0], { ...doc.messages[2], messageId: 1 }] };
    expect(ListingsFeedDocument.safeParse(duplicateIds).success).toBe(false);
  });

  it('maps report issues back to SKUs by messageId; a message without ERROR is applied', () => {
    const outcomes = outcomesFromReport(
      entries,
      {
        header: { sellerId: 'A1SELLER', version: '2.0', feedId: 'F1' },
        issues: [
          { messageId: 2, sku: 'C', code: '90220', severity: 'ERROR', message: "'[batteries_required]' is required but not supplied.", attributeName: 'batteries_required' },
          { messageId: 3, code: '18000', severity: 'WARNING', message: 'something to review' },
        ],
        summary: { errors: 1, warnings: 1, messagesProcessed: 3, messagesAccepted: 2, messagesInvalid: 1 },
      },
      'F1',
    );
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors.map((e) => e.code), o.warnings.map((w) => w.code)])).toEqual([
      ['A', true, 'feed F1 DONE accepted', [], ['gpsr-email-missing']],
      ['C', false, 'feed F1 DONE invalid issues=90220', ['90220'], []],
      ['D', true, 'feed F1 DONE accepted issues=18000', [], ['18000']],
    ]);
    expect(outcomes[1]?.errors[0]).toMatchObject({ field: 'batteries_required', explanation: expect.stringContaining('requires') });
  });

  const header = { sellerId: 'A1SELLER', version: '2.0' as const, feedId: 'F1' };
  const oneError = [{ messageId: 2, sku: 'C', code: '90220', severity: 'ERROR' as const, message: 'required but not supplied' }];

  it.each([
    ['fewer messages processed than sent', { errors: 1, warnings: 0, messagesProcessed: 2, messagesAccepted: 2, messagesInvalid: 1 }],
    ['fewer accepted than messages without an error', { errors: 1, warnings: 0, messagesProcessed: 3, messagesAccepted: 1, messagesInvalid: 1 }],
  ])('%s: the messages without issues are not confirmed', (_case, summary) => {
    const outcomes = outcomesFromReport(entries, { header, issues: oneError, summary }, 'F1');
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors.map((e) => e.code)])).toEqual([
      ['A', false, 'feed F1 DONE unconfirmed', ['feed-unconfirmed']],
      ['C', false, 'feed F1 DONE invalid issues=90220', ['90220']],
      ['D', false, 'feed F1 DONE unconfirmed', ['feed-unconfirmed']],
    ]);
    expect(outcomes[0]?.errors[0]).toEqual({
      code: 'feed-unconfirmed',
      message: `feed F1 processed ${summary.messagesProcessed} and accepted ${summary.messagesAccepted} of 3 messages, yet names an error for only 1: this change is not confirmed`,
      explanation: expect.stringContaining('the next sync reads the listing back'),
    });
    // The warnings of a message stay with it.
    expect(outcomes[0]?.warnings.map((w) => w.code)).toEqual(['gpsr-email-missing']);
  });

  it('a summary that adds up confirms the messages without an error', () => {
    const outcomes = outcomesFromReport(entries, { header, issues: oneError, summary: { errors: 1, warnings: 0, messagesProcessed: 3, messagesAccepted: 2, messagesInvalid: 1 } }, 'F1');
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
  });

  it('a FATAL feed: every entry fails with feed-fatal plus the report\'s document-level issues', () => {
    const outcomes = fatalOutcomes(
      entries,
      'F9',
      {
        header: { ...header, feedId: 'F9' },
        issues: [
          { code: '4000001', severity: 'ERROR', message: "Item 'Feed' cannot be parsed." },
          { messageId: 3, code: '4000002', severity: 'ERROR', message: 'SKU unknown' },
        ],
        summary: { errors: 2, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
      },
    );
    expect(outcomes.map((o) => [o.sku, o.ok, o.response, o.errors.map((e) => [e.code, e.message])])).toEqual([
      ['A', false, 'feed F9 FATAL issues=4000001', [['feed-fatal', 'feed F9 ended FATAL'], ['4000001', "Item 'Feed' cannot be parsed."]]],
      ['C', false, 'feed F9 FATAL issues=4000001', [['feed-fatal', 'feed F9 ended FATAL'], ['4000001', "Item 'Feed' cannot be parsed."]]],
      ['D', false, 'feed F9 FATAL issues=4000001', [['feed-fatal', 'feed F9 ended FATAL'], ['4000001', "Item 'Feed' cannot be parsed."], ['4000002', 'SKU unknown']]],
    ]);
  });
});
