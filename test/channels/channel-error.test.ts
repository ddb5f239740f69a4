/**
 * The one channel-error policy (src/channels/channel-error.ts) as each adapter applies it: which
 * errors stop the whole channel and which fail only their item, pinned as they were when the
 * two adapters still decided by rules of their own (ebay/fatal.ts, amazon/outcomes.ts).
 */
import { describe, expect, it } from 'vitest';
import { throwIfFatal as amazon } from '../../src/channels/amazon/channel-error.js';
import { throwIfFatal as ebay } from '../../src/channels/ebay/channel-error.js';
import { ChannelAuthError, InputError, MarketplaceBusyError } from '../../src/errors.js';
import { HttpError, NetworkError, UnexpectedResponseError } from '../../src/http/http-error.js';

const ebayError = (status: number, errorId: number) => new HttpError('op', status, JSON.stringify({ errors: [{ errorId, message: 'm' }] }));

/** What the policy does with an error: 'stops' with the error it throws (by class), or 'item'. */
function verdict(throwIfFatal: (e: unknown) => void, error: unknown): string {
  try {
    throwIfFatal(error);
    return 'item';
  } catch (thrown) {
    return `stops (${(thrown as Error).constructor.name})`;
  }
}

describe('stop the channel or fail the item: one policy, each marketplace its own stopping answers', () => {
  const cases: Array<[string, string, string, unknown]> = [
    ['refused credentials', 'stops (ChannelAuthError)', 'stops (ChannelAuthError)', new ChannelAuthError('x', 'refused')],
    ['a refused host or setting', 'stops (InputError)', 'stops (InputError)', new InputError('refused')],
    ['a 429 left after the retries', 'item', 'stops (HttpError)', ebayError(429, 2001)],
    ['a 403 with errorId 1100 (missing scope)', 'item', 'stops (ChannelAuthError)', ebayError(403, 1100)],
    ['any other 403', 'item', 'item', ebayError(403, 1001)],
    ['a 400 refusing the item', 'item', 'item', ebayError(400, 25002)],
    ['a 500 left after the retries', 'item', 'item', new HttpError('op', 500, '')],
    ['no answer', 'item', 'item', new NetworkError('op', new Error('reset'))],
    ['an answer of the wrong shape', 'item', 'item', new UnexpectedResponseError('op', 200, ['x'])],
    ['a wait longer than a run may hold the lock', 'item', 'item', new MarketplaceBusyError('x', 'busy')],
  ];
  it.each(cases)('%s: amazon %s, ebay %s', (_, onAmazon, onEbay, error) => {
    expect(verdict(amazon, error)).toBe(onAmazon);
    expect(verdict(ebay, error)).toBe(onEbay);
  });
});
