import { gunzipSync } from 'node:zlib';
import { UnexpectedResponseError } from './http-error.js';

/**
 * The largest answer civetta reads, compressed or inflated: far above any real one (a 25 000-
 * message processing report is ~15 MB), far below what would exhaust a small server's memory.
 * A marketplace (or anything posing as one) sending more fails that call, and nothing more of
 * the body is read.
 */
export const MAX_ANSWER_BYTES = 50 * 1024 * 1024;

/** An answer over the cap; never resent, since the same request would get the same answer. */
export class AnswerTooLargeError extends UnexpectedResponseError {
  constructor(operation: string, status: number, what: string) {
    super(operation, status, [`${what} is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, the most civetta reads; the call is refused`]);
    this.name = 'AnswerTooLargeError';
  }
}

/** Reads a body chunk by chunk, stopping (and dropping the connection) as soon as it passes the cap. */
export async function readCapped(
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown },
  operation: string,
  status: number,
  declaredLength: string | undefined,
): Promise<Uint8Array> {
  if (declaredLength !== undefined && Number(declaredLength) > MAX_ANSWER_BYTES) {
    body.destroy();
    throw new AnswerTooLargeError(operation, status, `the answer (Content-Length ${declaredLength})`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > MAX_ANSWER_BYTES) {
      body.destroy();
      throw new AnswerTooLargeError(operation, status, 'the answer');
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Inflates a GZIP document, refusing one that inflates past the cap (a "GZIP bomb") without building it. */
export function gunzipCapped(bytes: Uint8Array, operation: string): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_ANSWER_BYTES });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new AnswerTooLargeError(operation, 200, 'the inflated GZIP document');
    throw error;
  }
}
