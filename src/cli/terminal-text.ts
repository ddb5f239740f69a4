/**
 * Characters a terminal acts on instead of showing: C0 controls other than tab and line feed (a
 * carriage return only when it ends a line), DEL, the C1 controls (U+009B is a one-character CSI)
 * and the bidirectional overrides that make text read differently from what it holds. Stock
 * titles, marketplace messages and buyer names can carry any of them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * Shows each such character as its `\uXXXX` escape, so text from a file or a marketplace cannot
 * move the cursor, rewrite earlier lines, retitle the window or hide what follows. The escape is
 * also valid inside a JSON string, so the same pass serves --json output.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
