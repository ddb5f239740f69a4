/**
 * The I/O half of reading a stock file's text: sniffing its first bytes, and a stream of its
 * decoded text with every line ending turned into `\n`.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from './detect-encoding.js';
import { decideFromWindow, detectEncoding, iconvName } from './detect-encoding.js';

/**
 * How much of the file is read up front to tell encoding and delimiter: our own choice, a few
 * hundred rows of a typical export, one read call.
 */
const SAMPLE_BYTES = 64 * 1024;
/** How much past the first non-ASCII byte decides an ASCII-starting file (our choice: many accented letters). */
const WINDOW_BYTES = 4096;

/** The first bytes of the file; `complete` when they are the whole file. */
export interface Sample {
  bytes: Buffer;
  complete: boolean;
}

export async function readSample(file: string): Promise<Sample> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const size = (await handle.stat()).size;
    return { bytes: buffer.subarray(0, bytesRead), complete: bytesRead >= size };
  } finally {
    await handle.close();
  }
}

/** The encoding and whether a BOM starts the file; reads past the sample only for an ASCII start. */
export async function sniffEncoding(file: string, sample: Sample): Promise<{ encoding: TextEncoding; bom: boolean }> {
  const guess = detectEncoding(sample.bytes);
  if (guess.decided || sample.complete) return { encoding: guess.encoding, bom: guess.bom };
  // Streams the rest (flat memory) until the first byte ≥ 0x80, and decides there.
  const stream = createReadStream(file, { start: sample.bytes.length });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const at = chunk.findIndex((b) => b >= 0x80);
      if (at >= 0) return { encoding: decideFromWindow(chunk.subarray(at, at + WINDOW_BYTES)), bom: false };
    }
  } finally {
    stream.destroy();
  }
  return { encoding: 'utf-8', bom: false };
}

/** Decodes a whole sample to text (a character cut at the end becomes U+FFFD, harmless for sniffing). */
export function decodeSample(bytes: Buffer, encoding: TextEncoding): string {
  return normaliseNewlines(iconv.decode(bytes, iconvName(encoding)));
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Turns `\r\n` and a lone `\r` into `\n`, also when a `\r\n` is split across two chunks, so
 * csv-parse counts physical lines the same for every file (its own CRLF detection miscounts
 * lines after a blank line) and values keep one kind of newline.
 */
class NewlineNormaliser extends Transform {
  private pendingCr = false;
  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }
  override _transform(chunk: Buffer | string, _enc: BufferEncoding, done: TransformCallback): void {
    let text = (this.pendingCr ? '\r' : '') + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    this.pendingCr = text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    done(null, normaliseNewlines(text));
  }
  override _flush(done: TransformCallback): void {
    done(null, this.pendingCr ? '\n' : '');
  }
}

/** The file's bytes decoded (BOM dropped) and newline-normalised, as a stream of strings. */
export function decodedStreams(file: string, encoding: TextEncoding): [NodeJS.ReadableStream, NodeJS.ReadWriteStream, Transform] {
  return [createReadStream(file), iconv.decodeStream(iconvName(encoding), { stripBOM: true }), new NewlineNormaliser()];
}
