import type { ChannelIssue } from '../channel.js';
import { HttpError, NetworkError, UnexpectedResponseError } from '../../http/http-error.js';
import { redact } from '../../http/redact.js';
import { explainErrorId } from './error-explanations.js';
import { EbayErrorBody, type EbayErrorDetail } from './schemas.js';

/** One eBay error/warning entry as a ChannelIssue: errorId, message, the field it names, and the plain explanation. */
export function issueFromDetail(detail: EbayErrorDetail): ChannelIssue {
  // eBay names the field in a `fieldName`/`field` parameter; other parameters (offerId, sku) are shown as name=value.
  const params = (detail.parameters ?? []).filter((p) => p.value !== undefined && p.value !== '');
  const named = params.find((p) => p.name === 'fieldName' || p.name === 'field');
  const first = params[0];
  const field = named?.value ?? (first ? `${first.name ?? 'parameter'}=${first.value ?? ''}` : undefined);
  const issue: ChannelIssue = { code: String(detail.errorId), message: redact(detail.message ?? detail.longMessage ?? 'no message') };
  const explanation = explainErrorId(detail.errorId);
  if (explanation) issue.explanation = explanation;
  if (field) issue.field = redact(field);
  return issue;
}

export function issuesFromDetails(details: readonly EbayErrorDetail[] | undefined): ChannelIssue[] {
  return (details ?? []).map(issueFromDetail);
}

/** The eBay errors[] of a failed call, or one civetta issue saying what went wrong instead. */
export function issuesFromError(error: unknown): ChannelIssue[] {
  if (error instanceof HttpError) {
    const body = EbayErrorBody.safeParse(error.json);
    const errors = body.success ? (body.data.errors ?? []) : [];
    if (errors.length) return issuesFromDetails(errors);
    return [{ code: `http-${error.status}`, message: error.message }];
  }
  if (error instanceof NetworkError) {
    return [{ code: 'network', message: error.message, explanation: 'eBay did not answer; the next run tries again.' }];
  }
  if (error instanceof UnexpectedResponseError) {
    return [{ code: 'unexpected-response', message: error.message, explanation: 'eBay answered in a shape civetta does not know.' }];
  }
  return [{ code: 'error', message: redact(error instanceof Error ? error.message : String(error)) }];
}

/** The errorIds of a failed call (empty when it was not an eBay error body). */
export function errorIds(error: unknown): number[] {
  if (!(error instanceof HttpError)) return [];
  const body = EbayErrorBody.safeParse(error.json);
  return body.success ? (body.data.errors ?? []).map((e) => e.errorId) : [];
}
