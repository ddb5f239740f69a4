/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that some
 * importers strip to expose one). OWASP "CSV Injection" lists = + - @ and the tab/CR variants.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes text a spreadsheet would run with an apostrophe, so Excel and LibreOffice show it as text. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
