import { throwIfFatal } from './channel-error.js';
import type { ChangeOutcome, ChannelIssue, ListingChange } from '../channel.js';
import type { RemoteRef } from '../../domain/listing.js';
import { issuesFromDetails, issuesFromError } from './issues.js';
import type { EbayErrorDetail } from './schemas.js';

/**
 * Collects what one change sent and got back, so its ChangeOutcome tells the whole story in one
 * line each: the operations with their key values, and eBay's compact answers.
 */
export class Trace {
  readonly requests: string[] = [];
  readonly responses: string[] = [];
  readonly warnings: ChannelIssue[] = [];
  /** Calls that revised a live listing, for eBay's daily revision cap. */
  private revisions = 0;

  sent(summary: string): void {
    this.requests.push(summary);
  }

  answered(summary: string, warnings?: readonly EbayErrorDetail[]): void {
    this.responses.push(summary);
    if (warnings?.length) this.warnings.push(...issuesFromDetails(warnings));
  }

  warn(issue: ChannelIssue): void {
    this.warnings.push(issue);
  }

  revised(calls: number): void {
    this.revisions += calls;
  }

  outcome(change: ListingChange, ok: boolean, errors: ChannelIssue[], remote?: RemoteRef): ChangeOutcome {
    return {
      sku: change.kind === 'delist' ? change.sku : change.offer.sku,
      kind: change.kind,
      ok,
      ...(remote ? { remote } : {}),
      request: this.requests.join('; ') || 'nothing sent',
      ...(this.responses.length ? { response: this.responses.join('; ') } : {}),
      errors,
      warnings: this.warnings,
      ...(this.revisions ? { revisions: this.revisions } : {}),
    };
  }
}

/**
 * Runs one change's steps; a failure of that change becomes its outcome. Credential refusals and
 * refused endpoints stop the whole run, so they propagate.
 */
export async function settle(
  change: ListingChange,
  trace: Trace,
  steps: () => Promise<{ ok: boolean; errors?: ChannelIssue[]; remote?: RemoteRef }>,
): Promise<ChangeOutcome> {
  try {
    const result = await steps();
    return trace.outcome(change, result.ok, result.errors ?? [], result.remote);
  } catch (error) {
    return failed(change, trace, error);
  }
}

/** The outcome of a change whose call failed (fatal errors rethrown): status and eBay's errors. */
export function failed(change: ListingChange, trace: Trace, error: unknown): ChangeOutcome {
  throwIfFatal(error);
  trace.answered(summaryOf(error));
  return trace.outcome(change, false, issuesFromError(error));
}

function summaryOf(error: unknown): string {
  const issues = issuesFromError(error);
  const status = (error as { status?: unknown }).status;
  const codes = issues.map((i) => i.code).join(',');
  return typeof status === 'number' ? `HTTP ${status} ${codes}` : codes;
}
