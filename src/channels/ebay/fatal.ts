import { ChannelAuthError, InputError } from '../../errors.js';
import { HttpError } from '../../http/http-error.js';
import { errorIds } from './issues.js';

/**
 * Errors that stop the whole channel rather than one item: refused credentials, a refused
 * endpoint, an exhausted call quota (429), and eBay's 403 errorId 1100 (the token lacks a scope: every later call would fail
 * the same way until the owner consents again, reference §8). Rethrown; anything else returns.
 */
export function throwIfFatal(error: unknown): void {
  if (error instanceof ChannelAuthError || error instanceof InputError) throw error;
  // A 429 that outlived the client's retries is eBay's call quota (errorId 2001, normally the
  // daily budget, reference §8): every further call of the run would burn more of it for nothing.
  if (error instanceof HttpError && error.status === 429) throw error;
  if (error instanceof HttpError && error.status === 403 && errorIds(error).includes(1100)) {
    throw new ChannelAuthError(
      'ebay',
      `eBay refused ${error.operation}: the authorisation does not cover it (errorId 1100, missing scope). Run \`civetta auth ebay\` again and accept every permission it asks for.`,
    );
  }
}
