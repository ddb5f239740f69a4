/**
 * Tells which encoding a stock file is in from its first bytes. Pure.
 *
 * Why not a statistical detector (chardet) for the single-byte case: on a few lines of Italian
 * it ranks windows-1250, ISO-8859-2 or ISO-8859-9 close behind windows-1252 (chardet 2.2 on a
 * two-line Windows-1252 file with "Perché sì": ISO-8859-1 93, ISO-8859-2 56; on three lines:
 * windows-1252 72, windows-1250 34), and a wrong pick turns "à" into "ŕ" in every title. The decisions below are exact instead:
 *  1. a byte-order mark names the encoding (EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE);
 *  2. without one, NUL bytes in every other position mean UTF-16 (Excel's "Unicode text" always
 *     has a BOM, other tools don't) — CSV text never holds NUL otherwise;
 *  3. bytes that are valid UTF-8 (checked strictly, TextDecoder `fatal`) are UTF-8: Windows-1252
 *     text with accented letters almost never forms valid multi-byte sequences by chance
 *     ("à" is E0, which UTF-8 needs followed by two continuation bytes);
 *  4. anything else is Windows-1252, the code page of Italian Windows tills and Excel.
 *     Latin-1 (ISO-8859-1) is the same table except 0x80–0x9F, which in Latin-1 are control
 *     characters no shop writes, while Windows-1252 puts € and curly quotes there; so
 *     Windows-1252 reads both correctly (WHATWG maps the "latin1" label to it for this reason).
 * Bytes are decoded with iconv-lite, not TextDecoder: Node 20's one-shot windows-1252 decode
 * is wrong for 0x80–0x9F (reference/toolchain.md section 5).
 */

/** An encoding civetta decodes. */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** What the first bytes say. */
export interface EncodingGuess {
  encoding: TextEncoding;
  /** A byte-order mark starts the file. */
  bom: boolean;
  /**
   * False when the sample was plain ASCII (no BOM, no byte ≥ 0x80): then it reads the same
   * in every candidate, and a later part of the file has to decide.
   */
  decided: boolean;
}

/** The encoding name iconv-lite knows for each of ours. */
export function iconvName(encoding: TextEncoding): string {
  return encoding === 'windows-1252' ? 'win1252' : encoding === 'utf-8' ? 'utf8' : encoding;
}

/**
 * Our own thresholds (no external source): Latin text in UTF-16 has a zero high byte in nearly
 * every code unit, so ≥ 60% zeros on one side and ≤ 10% on the other leaves room for some
 * non-Latin letters while no 8-bit text (which has no NUL) can pass. 4 KiB is plenty to count.
 */
function looksUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZero++;
    if (sample[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.6 && evenZero <= pairs * 0.1) return 'utf-16le';
  if (evenZero >= pairs * 0.6 && oddZero <= pairs * 0.1) return 'utf-16be';
  return undefined;
}

/**
 * True when the bytes are valid UTF-8, allowing a multi-byte sequence cut off at the end of
 * the sample (the sample is usually a slice of a larger file).
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // `stream: true` keeps an incomplete trailing sequence pending instead of failing on it.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** True when some byte is ≥ 0x80. */
function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

/** Decides the encoding of a file from its first bytes (see the module comment for why). */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true, decided: true };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true, decided: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true, decided: true };
  const utf16 = looksUtf16(sample);
  if (utf16) return { encoding: utf16, bom: false, decided: true };
  if (!hasHighBytes(sample)) return { encoding: 'utf-8', bom: false, decided: false };
  return { encoding: isValidUtf8(sample) ? 'utf-8' : 'windows-1252', bom: false, decided: true };
}

/**
 * For a file whose start was plain ASCII: decides from a window that starts at the first
 * byte ≥ 0x80 further on (where a UTF-8 sequence must start, since the bytes before it are ASCII).
 */
export function decideFromWindow(window: Uint8Array): TextEncoding {
  return isValidUtf8(window) ? 'utf-8' : 'windows-1252';
}
