import { throwIfChannelStops, type StoppingAnswers } from '../channel-error.js';

/**
 * Amazon's answers that stop the channel (the policy itself is src/channels/channel-error.ts):
 * none beyond the common ones. A refused or expired token is already LwaAuth's ChannelAuthError;
 * any other 403 is the item's (Amazon uses it for a single listing's missing role too), and a 429
 * left after the client's retries (QuotaExceeded) fails its item only: SP-API quotas are per
 * operation and refill within seconds, so the next item or run may pass.
 */
const stopping: StoppingAnswers = () => undefined;

/** Rethrows what stops the Amazon channel; returns for an item's own failure. */
export function throwIfFatal(error: unknown): void {
  throwIfChannelStops(error, stopping);
}
