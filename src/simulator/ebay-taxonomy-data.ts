/** A small category tree: a toy, book and gift shop's leaf categories, video games, consoles and phones, with their aspects. */
export interface SimCategory {
  categoryId: string;
  /** Localised names by language (it, en, de, fr, es); `en` is the fallback. */
  name: Record<string, string>;
  parentId?: string;
  leaf: boolean;
  keywords: string[];
  aspects: Array<{ name: Record<string, string>; required: boolean; mode: 'FREE_TEXT' | 'SELECTION_ONLY'; values?: string[]; maxLength?: number }>;
}

const BRAND = { name: { it: 'Marca', en: 'Brand', de: 'Marke', fr: 'Marque', es: 'Marca' }, required: true, mode: 'FREE_TEXT' as const, maxLength: 65 };
const MPN = { name: { it: 'MPN', en: 'MPN', de: 'Herstellernummer', fr: 'Numéro de pièce fabricant', es: 'MPN' }, required: false, mode: 'FREE_TEXT' as const };
const MODEL = { name: { it: 'Modello', en: 'Model', de: 'Modell', fr: 'Modèle', es: 'Modelo' }, required: true, mode: 'FREE_TEXT' as const, maxLength: 65 };
const PLATFORM = { name: { it: 'Piattaforma', en: 'Platform', de: 'Plattform', fr: 'Plate-forme', es: 'Plataforma' }, required: true, mode: 'FREE_TEXT' as const, maxLength: 65 };
const TYPE = (values: string[]) => ({ name: { it: 'Tipo', en: 'Type', de: 'Produktart', fr: 'Type', es: 'Tipo' }, required: false, mode: 'FREE_TEXT' as const, values });

export const CATEGORIES: SimCategory[] = [
  { categoryId: '220', name: { it: 'Giocattoli e modellismo', en: 'Toys & Hobbies' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '19006', name: { it: 'LEGO e costruzioni', en: 'LEGO & Building Toys' }, parentId: '220', leaf: false, keywords: [], aspects: [] },
  { categoryId: '183446', name: { it: 'Set completi LEGO', en: 'LEGO Complete Sets & Packs' }, parentId: '19006', leaf: true, keywords: ['lego', 'set', 'costruzioni', 'mattoncini', 'bricks'], aspects: [BRAND, MPN, TYPE(['Set completo'])] },
  { categoryId: '2613', name: { it: 'Giochi da tavolo', en: 'Board & Traditional Games' }, parentId: '220', leaf: true, keywords: ['gioco', 'tavolo', 'board', 'game', 'carte', 'puzzle'], aspects: [BRAND, TYPE(['Gioco da tavolo', 'Gioco di carte'])] },
  { categoryId: '19169', name: { it: 'Puzzle', en: 'Jigsaw Puzzles' }, parentId: '220', leaf: true, keywords: ['puzzle', 'pezzi', 'pieces'], aspects: [BRAND, { name: { it: 'Numero di pezzi', en: 'Number of Pieces' }, required: false, mode: 'FREE_TEXT' }] },
  { categoryId: '2624', name: { it: 'Peluche', en: 'Stuffed Animals' }, parentId: '220', leaf: true, keywords: ['peluche', 'plush', 'orsetto', 'teddy'], aspects: [BRAND] },
  { categoryId: '267', name: { it: 'Libri', en: 'Books' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '261186', name: { it: 'Libri per bambini', en: 'Children Books' }, parentId: '267', leaf: true, keywords: ['libro', 'book', 'fiabe', 'storie'], aspects: [{ name: { it: 'Autore', en: 'Author' }, required: false, mode: 'FREE_TEXT' }, { name: { it: 'Titolo del libro', en: 'Book Title' }, required: true, mode: 'FREE_TEXT' }] },
  { categoryId: '11450', name: { it: 'Abbigliamento e accessori', en: 'Clothing, Shoes & Accessories' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '155202', name: { it: 'Zaini e cartelle', en: 'Backpacks' }, parentId: '11450', leaf: true, keywords: ['zaino', 'cartella', 'backpack'], aspects: [BRAND, { name: { it: 'Colore', en: 'Colour' }, required: true, mode: 'FREE_TEXT' }] },
  { categoryId: '58058', name: { it: 'Informatica', en: 'Computers/Tablets & Networking' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '171485', name: { it: 'Tablet e eBook reader', en: 'Tablets & eBook Readers' }, parentId: '58058', leaf: true, keywords: ['tablet', 'ebook', 'reader'], aspects: [BRAND, { name: { it: 'Modello', en: 'Model' }, required: true, mode: 'FREE_TEXT' }] },
  // Video games, consoles and phones (issue 12: a shop's real ids such as 139973 must resolve).
  { categoryId: '1249', name: { it: 'Videogiochi e console', en: 'Video Games & Consoles' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '139973', name: { it: 'Videogiochi', en: 'Video Games' }, parentId: '1249', leaf: true, keywords: ['videogioco', 'videogiochi', 'gioco', 'game', 'playstation', 'ps5', 'ps4', 'xbox', 'nintendo', 'switch'], aspects: [PLATFORM, { name: { it: 'Titolo del gioco', en: 'Game Name' }, required: true, mode: 'FREE_TEXT', maxLength: 65 }, { name: { it: 'Classificazione PEGI', en: 'PEGI Rating' }, required: false, mode: 'FREE_TEXT' }] },
  { categoryId: '139971', name: { it: 'Console', en: 'Video Game Consoles' }, parentId: '1249', leaf: true, keywords: ['console', 'playstation', 'xbox', 'nintendo', 'switch'], aspects: [BRAND, PLATFORM, MODEL] },
  { categoryId: '15032', name: { it: 'Cellulari e accessori', en: 'Cell Phones & Accessories' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '9355', name: { it: 'Cellulari e smartphone', en: 'Cell Phones & Smartphones' }, parentId: '15032', leaf: true, keywords: ['smartphone', 'cellulare', 'telefono', 'iphone', 'galaxy', 'phone'], aspects: [BRAND, MODEL, { name: { it: 'Capacità di memoria', en: 'Storage Capacity' }, required: false, mode: 'FREE_TEXT' }] },
  { categoryId: '99', name: { it: 'Altro', en: 'Everything Else' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '88433', name: { it: 'Altri oggetti', en: 'Other' }, parentId: '99', leaf: true, keywords: [], aspects: [] },
];

export function localized(names: Record<string, string>, language: string): string {
  return names[language] ?? names.en ?? Object.values(names)[0] ?? '';
}

export function categoryById(id: string): SimCategory | undefined {
  return CATEGORIES.find((c) => c.categoryId === id);
}

/** Category tree version reported by getDefaultCategoryTreeId (constant: the tree never changes here). */
export const TREE_VERSION = '131';
