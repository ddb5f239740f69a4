import { throwIfChannelStops, type StoppingAnswers } from '../channel-error.js';
import { ChannelAuthError } from '../../errors.js';
import type { HttpError } from '../../http/http-error.js';
import { errorIds } from './issues.js';

/**
 * eBay's answers that stop the channel (the policy itself is src/channels/channel-error.ts): a 429
 * that outlived the client's retries is eBay's call quota (errorId 2001, normally the daily
 * budget, reference §8), which every further call of the run would burn for nothing; a 403 with
 * errorId 1100 means the token lacks a scope, and every later call would fail the same way until
 * the owner consents again.
 */
const stopping: StoppingAnswers = (error: HttpError) => {
  if (error.status === 429) return error;
  if (error.status === 403 && errorIds(error).includes(1100)) {
    return new ChannelAuthError(
      'ebay',
      `eBay refused ${error.operation}: the authorisation does not cover it (errorId 1100, missing scope). Run \`civetta auth ebay\` again and accept every permission it asks for.`,
    );
  }
  return undefined;
};

/** Rethrows what stops the eBay channel; returns for an item's own failure. */
export function throwIfFatal(error: unknown): void {
  throwIfChannelStops(error, stopping);
}
