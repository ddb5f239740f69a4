/**
 * The form in which shop words (categories, brands) are compared: case, accents and
 * surrounding or repeated spaces do not matter ("Libri per Bambini" = "libri  per bambini",
 * "Città" = "citta").
 */
export function foldWord(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
