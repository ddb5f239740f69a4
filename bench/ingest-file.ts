import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { gtinCheckDigit } from '../src/stock/ean.js';

/** The stock reader's columns for the bench files. */
export const INGEST_COLUMNS = {
  sku: 'Codice', ean: 'EAN', title: 'Descrizione', brand: 'Marca', category: 'Categoria', price: 'Prezzo', cost: 'Costo',
  quantity: 'Giacenza', image: 'Immagine', description: 'Scheda', vat: 'IVA',
};

const HEADER = 'Codice;EAN;Descrizione;Marca;Categoria;Prezzo;Costo;Giacenza;Immagine;Scheda;IVA\r\n';

/** About 1 KB of a distributor's HTML product sheet, different per row. */
function sheet(i: number): string {
  const p = `<p>Puzzle da ${1000 + (i % 9) * 500} pezzi, qualità premium, età 14+. Cartone riciclato, finitura opaca anti-riflesso; incastri precisi.</p>`;
  return `"<div class=""scheda""><h2>Articolo ${i}</h2>${p.repeat(7)}<ul><li>Dimensioni 70×50 cm</li><li>Marca Clementoni</li></ul></div>"`;
}

/**
 * A till export of `rows` products: Windows-1252, semicolons, decimal commas, accents; with
 * `longText` each row carries a ~1 KB quoted HTML description (a distributor's list).
 */
export async function writeIngestFile(file: string, rows: number, longText: boolean): Promise<void> {
  const out = createWriteStream(file);
  out.write(iconv.encode(HEADER, 'win1252'));
  for (let i = 0; i < rows; i++) {
    const body = `800${String(i).padStart(9, '0')}`;
    const price = 500 + (i % 9000);
    const line = [
      `ART-${i}`,
      body + String(gtinCheckDigit(body)),
      `"Gioco numero ${i}; età 3+ — qualità €"`,
      i % 2 ? 'Clementoni' : 'Ravensburger',
      i % 3 ? 'Puzzle' : 'Giochi da tavolo',
      `${Math.floor(price / 100)},${String(price % 100).padStart(2, '0')}`,
      `${Math.floor(price / 200)},${String(price % 100).padStart(2, '0')}`,
      String(i % 40),
      `https://negozio.example/img/${i}.jpg`,
      longText ? sheet(i) : '',
      '22',
    ].join(';');
    if (!out.write(iconv.encode(`${line}\r\n`, 'win1252'))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}
