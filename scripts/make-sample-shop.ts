/**
 * Generates the sample shop's stock export: "Giocattoli e Libri Rossi", an Italian toy and
 * book shop. Deterministic (a seeded PRNG, no clock), so the committed files are reproducible:
 *
 *   npx tsx scripts/make-sample-shop.ts
 *
 * writes fixtures/shop/stock/magazzino.csv (Windows-1252, `;`, decimal comma, CRLF, as an
 * Italian till or Excel writes it) and fixtures/shop/stock/magazzino-utf8.csv (the same rows
 * in UTF-8, `,`, decimal point, LF). Both hold the same deliberately broken rows on the same
 * lines (listed in BROKEN below and asserted by test/stock/sample-shop.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { gtinCheckDigit } from '../src/stock/ean.js';
import { formatMinor } from '../src/stock/parse-number.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'shop', 'stock');
const IMG = 'https://negozio-rossi.example/img';

const HEADER = ['Codice', 'EAN', 'Descrizione', 'Marca', 'Categoria', 'Prezzo', 'Costo', 'Giacenza', 'Immagine', 'Note', 'IVA', 'Produttore', 'Responsabile UE', 'Avvertenze'];

/** mulberry32: a small seeded PRNG, so every run writes the same bytes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261123);
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const chance = (p: number) => rnd() < p;

interface Product {
  sku: string;
  ean: string;
  title: string;
  brand: string;
  category: string;
  priceMinor: number | string;
  costMinor?: number;
  quantity: number | string;
  images: string[];
  note: string;
  vat: number;
  manufacturer: string;
  responsible: string;
  warnings: string;
}

const WARN_SMALL = 'Attenzione: non adatto a bambini di età inferiore a 36 mesi. Contiene piccole parti che potrebbero essere ingerite.';
const WARN_PLUSH = 'Età 0+. Lavare a mano. Rimuovere etichette e cartellini prima di dare il prodotto al bambino.';
const WARN_PUZZLE = 'Attenzione: non adatto a bambini di età inferiore a 36 mesi. Piccole parti.';
const WARN_MODEL = 'Attenzione: non adatto a bambini di età inferiore a 14 anni. Contiene parti taglienti e appuntite.';

interface BrandInfo {
  ean: string; // GS1 company prefix (or ISBN prefix) the codes start with
  /** Party ids of productSafety.parties in fixtures/shop/civetta.config.yaml; '' = the brand's entry there. */
  manufacturer: string;
  responsible: string;
}
const BRANDS: Record<string, BrandInfo> = {
  LEGO: { ean: '570201', manufacturer: 'lego', responsible: 'lego' },
  Playmobil: { ean: '4008789', manufacturer: 'playmobil', responsible: 'playmobil' },
  Ravensburger: { ean: '4005556', manufacturer: 'ravensburger', responsible: 'ravensburger-it' },
  Clementoni: { ean: '8005125', manufacturer: 'clementoni', responsible: 'clementoni' },
  Hasbro: { ean: '5010993', manufacturer: 'hasbro-us', responsible: 'hasbro-it' },
  Djeco: { ean: '3070900', manufacturer: '', responsible: '' },
  Trudi: { ean: '8006529', manufacturer: 'trudi', responsible: 'trudi' },
  Italeri: { ean: '8001283', manufacturer: 'italeri', responsible: 'italeri' },
  Revell: { ean: '4009803', manufacturer: '', responsible: '' },
  Mondadori: { ean: '9788804', manufacturer: '', responsible: '' },
  Feltrinelli: { ean: '9788807', manufacturer: '', responsible: '' },
  Giunti: { ean: '9788809', manufacturer: '', responsible: '' },
};

const usedEans = new Set<string>();
function ean(brand: string): string {
  const prefix = (BRANDS[brand] as BrandInfo).ean;
  for (;;) {
    const body = prefix + String(int(0, 10 ** (12 - prefix.length) - 1)).padStart(12 - prefix.length, '0');
    const code = body + gtinCheckDigit(body);
    if (!usedEans.has(code)) {
      usedEans.add(code);
      return code;
    }
  }
}

/** A shop price ending the way shops price (.99, .90, .50, .00). */
function price(minEuro: number, maxEuro: number): number {
  return int(minEuro, maxEuro) * 100 + pick([99, 90, 90, 50, 0]);
}

const LEGO_THEMES = ['City', 'Friends', 'Technic', 'Star Wars', 'Creator 3 in 1', 'Duplo', 'Ninjago', 'Harry Potter', 'Classic', 'Minecraft'];
const LEGO_THINGS = ['Stazione dei pompieri', 'Treno passeggeri espresso', 'Caserma della polizia', 'Casa sull’albero', 'Veicolo da esplorazione', 'Castello incantato', 'Nave pirata', 'Camion dei rifiuti', 'Parco giochi', 'Elicottero di soccorso', 'Scuola di magia', 'Mercato di città', 'Drago d’oro', 'Auto da corsa', 'Base lunare'];
const PLAYMOBIL_THINGS = ['Fattoria con animali', 'Ospedale pediatrico', 'Pirati con tesoro', 'Stazione di servizio', 'Casa di città', 'Zoo con recinti', 'Scuderia dei cavalli', 'Caserma dei vigili del fuoco'];
const PUZZLE_SUBJECTS = ['Venezia, Piazza San Marco', 'Roma, il Colosseo al tramonto', 'Firenze dal Piazzale Michelangelo', 'Costiera Amalfitana', 'Le Cinque Terre', 'Dolomiti in autunno', 'Mappa del mondo antico', 'Gatti in libreria', 'Il giardino di Monet', 'Notte stellata', 'Cuccioli della fattoria', 'Il mondo dei dinosauri', 'Sistema solare', 'Animali della savana'];
const GAMES = ['Monopoly Classic', 'Cluedo', 'Trivial Pursuit', 'Indovina Chi?', 'Forza Quattro', 'Jenga', 'Taboo', 'Scarabeo', 'Il Gioco dell’Oca', 'Memory Animali', 'Labirinto Magico', 'Sapientino Quiz', 'Tombola classica', 'Dixit', 'Pictionary', 'Battaglia Navale', 'Allegro Chirurgo', 'Twister'];
const PLUSH = ['Orsetto Teddy', 'Coniglietto dolce', 'Unicorno arcobaleno', 'Cagnolino bassotto', 'Gattino tigrato', 'Panda gigante', 'Volpe rossa', 'Leoncino', 'Pinguino', 'Elefantino', 'Koala', 'Dinosauro T-Rex'];
const SIZES = ['piccolo 15 cm', 'medio 25 cm', 'grande 40 cm'];
const KIDS_BOOKS = ['Il Piccolo Principe', 'Pinocchio', 'Le avventure di Alice', 'Il giardino segreto', 'Piccole donne', 'Il richiamo della foresta', 'La fabbrica di cioccolato', 'Matilde', 'Il GGG', 'Geronimo Stilton: Il mistero dell’occhio di smeraldo', 'Storie della buonanotte per bambine ribelli', 'Diario di una schiappa', 'La gabbianella e il gatto', 'Favole al telefono', 'Il barone rampante', 'Marcovaldo', 'Cuore', 'L’isola del tesoro', 'Zanna Bianca', 'Peter Pan'];
const PICTURE_BOOKS = ['Il Gruffalò', 'A caccia dell’orso', 'Piccolo blu e piccolo giallo', 'Nel paese dei mostri selvaggi', 'Il bruco Maisazio', 'Guarda fuori dalla finestra', 'Atlante degli animali', 'La grande fabbrica delle parole', 'Che rabbia!', 'Il libro dei perché', 'L’onda', 'Cappuccetto Rosso illustrato'];
const MODELS = ['Ferrari F40 1:24', 'Fiat 500 1:24', 'Lamborghini Countach 1:24', 'Vespa 125 Primavera 1:9', 'Nave Amerigo Vespucci 1:150', 'Spitfire Mk.IX 1:48', 'Frecce Tricolori MB-339 1:72', 'Carro armato Leopard 1:35', 'Titanic 1:700', 'Alfa Romeo Giulia 1:24', 'Elicottero AW101 1:72', 'Treno Frecciarossa 1:87'];
const EDITIONS = ['edizione economica', 'copertina rigida', 'edizione illustrata', 'edizione tascabile'];
const NOTES = ['', '', '', '', '', 'Novità 2026', 'Ultimi pezzi', 'Disponibile su ordinazione', 'Prezzo speciale: 5 € di sconto alla cassa', 'Confezione regalo gratuita', 'Esposto in vetrina', 'Più venduto del mese', 'Età consigliata 6+'];

const products: Product[] = [];
const usedSkus = new Set<string>();

function add(category: string, brand: string, sku: string, title: string, minEuro: number, maxEuro: number, vat: number, warnings: string): void {
  if (usedSkus.has(sku)) return;
  usedSkus.add(sku);
  const info = BRANDS[brand] as BrandInfo;
  const priceMinor = price(minEuro, maxEuro);
  // Purchase cost: 45–70% of the VAT-included price, always below it.
  const costMinor = Math.round(priceMinor * (0.45 + rnd() * 0.25));
  const images = chance(0.12) ? [] : chance(0.15) ? [`${IMG}/${sku}.jpg`, `${IMG}/${sku}-2.jpg`] : [`${IMG}/${sku}.jpg`];
  const product: Product = {
    sku,
    ean: chance(0.06) ? '' : ean(brand),
    title,
    brand,
    category,
    priceMinor,
    quantity: chance(0.12) ? 0 : chance(0.7) ? int(1, 12) : int(13, 40),
    images,
    note: pick(NOTES),
    vat,
    manufacturer: info.manufacturer,
    responsible: info.responsible,
    warnings,
  };
  if (!chance(0.08)) product.costMinor = costMinor;
  products.push(product);
}

for (let i = 0; i < 70; i++) {
  const theme = pick(LEGO_THEMES);
  const set = String(int(10, 79) * 1000 + int(100, 999)).padStart(5, '0');
  add('LEGO', 'LEGO', `LEGO-${set}`, `LEGO ${theme} ${pick(LEGO_THINGS)} ${set}`, 9, 189, 22, WARN_SMALL);
}
for (let i = 0; i < 25; i++) {
  const set = String(int(70, 71) * 1000 + int(100, 999));
  add('Playmobil', 'Playmobil', `PLM-${set}`, `Playmobil ${pick(PLAYMOBIL_THINGS)} ${set}`, 12, 89, 22, WARN_SMALL);
}
for (let i = 0; i < 60; i++) {
  const brand = pick(['Ravensburger', 'Clementoni']);
  const pieces = pick([500, 1000, 1000, 1500, 2000, 104, 60]);
  add('Puzzle', brand, `PUZ-${String(i + 1).padStart(4, '0')}`, `Puzzle ${pieces} pezzi – ${pick(PUZZLE_SUBJECTS)}`, pieces < 500 ? 7 : 12, pieces < 500 ? 14 : 34, 22, pieces < 500 ? WARN_SMALL : WARN_PUZZLE);
}
for (let i = 0; i < 55; i++) {
  const brand = pick(['Hasbro', 'Clementoni', 'Ravensburger', 'Djeco']);
  add('Giochi da tavolo', brand, `GDT-${String(i + 1).padStart(4, '0')}`, `${pick(GAMES)} – gioco da tavolo ${brand}`, 14, 59, 22, WARN_SMALL);
}
for (let i = 0; i < 45; i++) {
  const brand = pick(['Trudi', 'Trudi', 'Djeco']);
  add('Peluche', brand, `PEL-${String(i + 1).padStart(4, '0')}`, `Peluche ${pick(PLUSH)} ${pick(SIZES)}`, 9, 49, 22, WARN_PLUSH);
}
for (let i = 0; i < 75; i++) {
  const brand = pick(['Mondadori', 'Feltrinelli', 'Giunti']);
  add('Libri per ragazzi', brand, `LIB-${String(i + 1).padStart(4, '0')}`, `${pick(KIDS_BOOKS)} (${pick(EDITIONS)})`, 8, 22, 4, '');
}
for (let i = 0; i < 45; i++) {
  const brand = pick(['Mondadori', 'Feltrinelli', 'Giunti']);
  add('Libri illustrati', brand, `ILL-${String(i + 1).padStart(4, '0')}`, `${pick(PICTURE_BOOKS)} – albo illustrato`, 13, 32, 4, '');
}
for (let i = 0; i < 30; i++) {
  const brand = pick(['Italeri', 'Revell']);
  add('Modellismo', brand, `MOD-${String(i + 1).padStart(4, '0')}`, `Kit di montaggio ${pick(MODELS)} – ${brand}`, 19, 89, 22, WARN_MODEL);
}

// The rows the reader must handle (one of each), placed deterministically.
const at = (index: number) => products[index] as Product;
const nth = (category: string, n: number) => products.filter((p) => p.category === category)[n] as Product;
nth('Giochi da tavolo', 2).title = 'Lavagna magica LCD 15" per disegnare';
nth('LEGO', 5).note = 'Edizione da collezione\nnumerata a mano, con certificato';
nth('LEGO', 9).priceMinor = 124900; // a thousands separator: 1.249,00
nth('LEGO', 9).costMinor = 84932;
nth('LEGO', 9).title = 'LEGO Star Wars Millennium Falcon Ultimate Collector Series 75192';
nth('Peluche', 4).images = ['vedi catalogo cartaceo']; // a warning, not a bad row

/** The broken rows, each bad-row kind once; the test asserts their lines. */
const BROKEN = {
  missingSku: 20,
  badPrice: 120,
  negativeQuantity: 180,
  wordQuantity: 240,
  badEan: 300,
  duplicateOf: 150,
};
at(BROKEN.missingSku).sku = '';
at(BROKEN.badPrice).priceMinor = 'BAD_PRICE';
at(BROKEN.negativeQuantity).quantity = -2;
at(BROKEN.wordQuantity).quantity = 'tre';
{
  const p = at(BROKEN.badEan);
  const good = p.ean || ean(p.brand);
  p.ean = good.slice(0, -1) + String((Number(good.slice(-1)) + 3) % 10);
}
// The same SKU again further down, as a till does after a second stock intake was keyed in.
const dup = at(BROKEN.duplicateOf);
products.splice(360, 0, { ...dup, quantity: 5, note: 'Ricarico del 12/11' });

interface Dialect {
  delimiter: string;
  decimal: ',' | '.';
  newline: string;
  thousands?: string;
  badPrice: string;
}

function cell(value: string, d: Dialect): string {
  // Quote what must be quoted; a bare " inside a value stays bare, as the till writes it.
  return value.includes(d.delimiter) || value.includes('\n') || value.startsWith('"') ? `"${value.replace(/"/g, '""')}"` : value;
}

function render(d: Dialect): string {
  const money = (m: number | string | undefined) =>
    m === undefined ? '' : typeof m === 'string' ? d.badPrice : formatMinor(m, d.decimal, m >= 100000 && d.thousands ? { thousands: d.thousands } : {});
  const lines = [HEADER.join(d.delimiter)];
  for (const p of products) {
    const row = [p.sku, p.ean, p.title, p.brand, p.category, money(p.priceMinor), money(p.costMinor), String(p.quantity), p.images.join('|'), p.note, String(p.vat), p.manufacturer, p.responsible, p.warnings];
    lines.push(row.map((v) => cell(v, d)).join(d.delimiter).replace(/\n/g, d.newline));
  }
  return lines.join(d.newline) + d.newline;
}

const win = render({ delimiter: ';', decimal: ',', newline: '\r\n', thousands: '.', badPrice: '12,,5' });
const bytes = iconv.encode(win, 'win1252');
if (iconv.decode(bytes, 'win1252') !== win) throw new Error('a character of the sample is not in Windows-1252');
writeFileSync(join(OUT, 'magazzino.csv'), bytes);
writeFileSync(join(OUT, 'magazzino-utf8.csv'), render({ delimiter: ',', decimal: '.', newline: '\n', badPrice: '12..5' }), 'utf8');
console.log(`${products.length} rows written to ${OUT}`);
