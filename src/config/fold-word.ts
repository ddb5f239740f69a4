/** Folded words remembered: our own bound, far above a shop's brands and categories. */
const FOLDED_WORDS_KEPT = 10_000;
const foldedWords = new Map<string, string>();

/**
 * The form in which shop words (categories, brands) are compared: case, accents and
 * surrounding or repeated spaces do not matter ("Libri per Bambini" = "libri  per bambini",
 * "Città" = "citta").
 */
export function foldWord(text: string): string {
  let folded = foldedWords.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
    // A file's brands and categories are few and repeat on every row: each is folded once.
    if (foldedWords.size >= FOLDED_WORDS_KEPT) foldedWords.clear();
    foldedWords.set(text, folded);
  }
  return folded;
}

/** A value of a map whose keys are shop words (categories, brands, party ids): case, accents and spaces ignored. */
export function lookupFolded<T>(map: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  if (key === undefined) return undefined;
  const k = foldWord(key);
  for (const [name, value] of Object.entries(map)) if (foldWord(name) === k) return value;
  return undefined;
}
