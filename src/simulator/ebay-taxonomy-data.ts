/**
 * A small category tree: a toy, book and gift shop's leaf categories, video games, consoles, phones and small
 * appliances, with their aspects.
 *
 * Where the ids come from (eBay publishes no id list outside getCategoryTree): 139973 Video Games, 139971 consoles and
 * 9355 phones are the ids eBay's own search and browse addresses use on ebay.it, .de, .fr, .co.uk and .com
 * (`_sacat=139973`, `/b/Cell-Phones/9355`); the path 11700 Home & Garden › 20625 Kitchen, Dining & Bar is the example
 * in eBay's Shopping API CategoryType reference (CategoryIDPath "11700:20625:20635"); 20667 Small Kitchen Appliances is
 * a parent (eBay's browse page /b/Small-Kitchen-Appliances/20667, with children such as 159903 Microwave Parts), so a
 * listing in it is refused as not a leaf, as eBay does; 150138 Microwave Ovens and 20614 Vacuum Cleaners are the ids of
 * eBay's US browse pages, taken as leaves. Aspect names beyond Brand/Model/Type are this simulator's choice.
 */
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
  // Small appliances (issue 12): a parent a shop may pick by mistake, and leaves that list.
  { categoryId: '11700', name: { it: 'Casa, arredamento e bricolage', en: 'Home & Garden' }, leaf: false, keywords: [], aspects: [] },
  { categoryId: '20625', name: { it: 'Cucina', en: 'Kitchen, Dining & Bar' }, parentId: '11700', leaf: false, keywords: [], aspects: [] },
  { categoryId: '20667', name: { it: 'Piccoli elettrodomestici per la cucina', en: 'Small Kitchen Appliances' }, parentId: '20625', leaf: false, keywords: [], aspects: [] },
  { categoryId: '159903', name: { it: 'Ricambi per forni a microonde', en: 'Microwave Parts' }, parentId: '20667', leaf: true, keywords: ['ricambio', 'microonde', 'piatto', 'microwave', 'part'], aspects: [BRAND, MPN] },
  { categoryId: '150138', name: { it: 'Forni a microonde', en: 'Microwave Ovens' }, parentId: '20667', leaf: true, keywords: ['microonde', 'forno', 'microwave', 'oven'], aspects: [BRAND, MODEL, TYPE(['Libera installazione', 'Da incasso'])] },
  { categoryId: '20614', name: { it: 'Aspirapolvere', en: 'Vacuum Cleaners' }, parentId: '11700', leaf: true, keywords: ['aspirapolvere', 'aspiratore', 'scopa elettrica', 'vacuum', 'hoover'], aspects: [BRAND, MODEL, TYPE(['Scopa elettrica', 'A traino', 'Robot'])] },
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
