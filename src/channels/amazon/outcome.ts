import { HttpError, NetworkError, UnexpectedResponseError } from '../../http/http-error.js';
import { currencyDigits, minorToDecimal } from '../../domain/money.js';
import type { Offer } from '../../domain/offer.js';
import type { ChannelIssue } from '../channel.js';
import { throwIfFatal } from './channel-error.js';
import { issue } from './error-explanations.js';
import { SpErrorList, type ListingIssue, type SubmissionResponse } from './schemas.js';

/** `sku=… price=24.90 EUR qty=3`: the values a shop owner checks, never a header or token. */
export function offerSummary(offer: Offer, fields: ReadonlyArray<'price' | 'quantity' | 'content'> = ['price', 'quantity']): string {
  const parts = [`sku=${offer.sku}`];
  if (fields.includes('price')) parts.push(`price=${minorToDecimal(offer.priceMinor, currencyDigits(offer.currency))} ${offer.currency}`);
  if (fields.includes('quantity')) parts.push(`qty=${offer.quantity}`);
  if (fields.includes('content')) parts.push('content');
  return parts.join(' ');
}

export function listingIssue(i: ListingIssue | { code?: string; message: string; attributeName?: string }): ChannelIssue {
  const categories = 'categories' in i ? i.categories : undefined;
  const field = 'attributeNames' in i ? i.attributeNames?.join(', ') : 'attributeName' in i ? i.attributeName : undefined;
  return issue(i.code ?? 'feed-issue', i.message, { ...(categories ? { categories } : {}), ...(field ? { field } : {}) });
}

/** Amazon's verdict on one submission: INVALID or any ERROR issue fails it. */
export function judgeSubmission(res: SubmissionResponse): { ok: boolean; errors: ChannelIssue[]; warnings: ChannelIssue[]; response: string } {
  const issues = res.issues ?? [];
  const errors = issues.filter((i) => i.severity === 'ERROR').map(listingIssue);
  const warnings = issues.filter((i) => i.severity === 'WARNING').map(listingIssue);
  if (res.status === 'INVALID' && errors.length === 0) {
    errors.push(issue('INVALID', 'Amazon marked the submission INVALID without naming an issue'));
  }
  const codes = issues.map((i) => i.code);
  const response = `${res.status} submissionId=${res.submissionId}${codes.length ? ` issues=${codes.join(',')}` : ''}`;
  return { ok: res.status !== 'INVALID' && errors.length === 0, errors, warnings, response };
}

/**
 * A thrown error → the item's issues and a compact response. What stops the channel
 * (channel-error.ts) is not an item's failure, so it is rethrown.
 */
export function failureOf(error: unknown): { errors: ChannelIssue[]; response: string } {
  throwIfFatal(error);
  if (error instanceof HttpError) {
    const parsed = SpErrorList.safeParse(error.json);
    const errors = parsed.success
      ? parsed.data.errors.map((e) => issue(e.code, e.details ? `${e.message} (${e.details})` : e.message))
      : [issue(`HTTP ${error.status}`, error.text.slice(0, 300) || `HTTP ${error.status}`)];
    return { errors, response: `HTTP ${error.status}${error.requestId ? ` requestId=${error.requestId}` : ''}` };
  }
  if (error instanceof UnexpectedResponseError) {
    return { errors: [issue('unexpected-response', error.message)], response: `HTTP ${error.status} unexpected answer` };
  }
  if (error instanceof NetworkError) return { errors: [issue('network', error.message)], response: 'no answer' };
  const message = error instanceof Error ? error.message : String(error);
  return { errors: [issue('internal', message)], response: 'not sent' };
}
