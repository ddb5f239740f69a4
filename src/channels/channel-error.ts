import { ChannelAuthError, InputError } from '../errors.js';
import { HttpError } from '../http/http-error.js';

/**
 * A marketplace's own answers that stop its channel, from its channel folder's `channel-error.ts`:
 * the error to stop with (the answer itself, or a clearer one), or undefined when the answer
 * concerns only the item it came for.
 */
export type StoppingAnswers = (error: HttpError) => Error | undefined;

/**
 * The one rule, for every adapter, of what an error does while writing, reading or shipping: it
 * stops the whole channel (rethrown; the run ends with the error's exit code) when the next call
 * would fail the same way — refused credentials (ChannelAuthError), a refused host or setting
 * (InputError), or an answer the marketplace's table names — and otherwise fails only its item,
 * which the caller turns into that item's outcome. Returns when the error is the item's.
 */
export function throwIfChannelStops(error: unknown, stopping: StoppingAnswers): void {
  if (error instanceof ChannelAuthError || error instanceof InputError) throw error;
  if (error instanceof HttpError) {
    const stop = stopping(error);
    if (stop) throw stop;
  }
}
