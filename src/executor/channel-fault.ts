import type { ChannelId } from '../domain/ids.js';
import { HttpError, NetworkError, UnexpectedResponseError } from '../http/http-error.js';

/** A channel left out of the rest of a run because a marketplace call stayed broken after its retries. */
export interface ChannelStop {
  channel: ChannelId;
  /** Where the run was when it stopped the channel (setup: the account is not ready for a first listing). */
  stage: 'read-back' | 'setup' | 'apply';
  message: string;
}

/**
 * The failures that belong to one channel and pass by themselves: no answer, a 5xx/429 that
 * outlived the client's retries, a garbled answer. The other channel goes on, and the next run
 * reads back whatever this one left pending. Anything else (a refused credential, a bug) is not
 * this function's business.
 */
export function channelStop(channel: ChannelId, stage: ChannelStop['stage'], error: unknown): ChannelStop | undefined {
  if (!(error instanceof HttpError || error instanceof NetworkError || error instanceof UnexpectedResponseError)) return undefined;
  return { channel, stage, message: error.message };
}
