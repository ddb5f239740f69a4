/**
 * Characters that make a spreadsheet read a cell as a formula, or that an importer strips or
 * skips to expose one: OWASP "CSV Injection" lists = + - @ and the tab/CR variants; LibreOffice
 * and Excel also skip a leading line feed or space, and read the full-width ＝ ＋ － ＠ (as typed
 * on Japanese and Chinese keyboards) as their ASCII twins.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66]|^[\t\r\n]/;

/** Prefixes text a spreadsheet would run with an apostrophe, so Excel and LibreOffice show it as text. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
