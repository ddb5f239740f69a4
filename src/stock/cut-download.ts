/**
 * A stock file cut off mid-download (a dropped connection, a full disk, a copy taken while the
 * till was still writing) ends inside its last record: fewer fields than the header, or a quote
 * never closed, and no line ending after it. Read as it is, the products after the cut look
 * gone and their hooks would be delisted, so such a file is refused (exit 2) before anything.
 */
import { open } from 'node:fs/promises';
import type { Problem } from '../domain/problem.js';
import type { TextEncoding } from './detect-encoding.js';

/** How the file's last record looked to the parser. */
export interface LastRecord {
  /** 1-based line where the parser stopped on it. */
  line: number;
  /** Fields read, or undefined when the parser could not read the record at all (an open quote). */
  fields?: number;
}

export interface CutDownloadInput {
  file: string;
  /** Fields in the header record. */
  headerFields: number;
  last?: LastRecord;
  /** The file ends with a line ending (read from its last bytes). */
  endsWithLineBreak: boolean;
}

/** The refusal when the file looks cut off, or undefined. Pure. */
export function cutDownloadProblem(input: CutDownloadInput): Problem | undefined {
  const { last } = input;
  if (input.endsWithLineBreak || !last) return undefined;
  const short = last.fields === undefined || last.fields < input.headerFields;
  if (!short) return undefined;
  const found = last.fields === undefined ? 'a value whose quote never closes' : `${last.fields} of the header's ${input.headerFields} fields`;
  return {
    severity: 'error',
    code: 'stock-file-cut',
    message: `the stock file ${input.file} looks cut off: its last record (line ${last.line}) has ${found} and the file does not end with a line break. Download it again; nothing was read from it.`,
    file: input.file,
    line: last.line,
    value: found,
    expected: `a complete last record (${input.headerFields} fields) ending with a line break`,
  };
}

/** Whether the file's last character is a line ending, in its encoding. */
export async function endsWithLineBreak(file: string, encoding: TextEncoding): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return true;
    const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
    const width = wide ? Math.min(2, size) : 1;
    const tail = Buffer.alloc(width);
    await handle.read(tail, 0, width, size - width);
    const code = !wide || width < 2 ? tail[width - 1] : encoding === 'utf-16le' ? tail.readUInt16LE(0) : tail.readUInt16BE(0);
    return code === 0x0a || code === 0x0d;
  } finally {
    await handle.close();
  }
}
