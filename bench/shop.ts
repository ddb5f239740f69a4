import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gtinCheckDigit } from '../src/stock/ean.js';

/** A generated shop of `products` LEGO sets, every one a hook on both channels. */
export interface BenchShop {
  dir: string;
  config: string;
}

const HEADER = 'Codice,EAN,Descrizione,Marca,Categoria,Prezzo,Costo,Giacenza,Immagine,Note\n';

/** The bench's shop: a UTF-8 stock file and a config whose one rule takes every product. */
export async function benchShop(products: number, origin: string, channels: { amazon: boolean; ebay: boolean }): Promise<BenchShop> {
  const dir = await mkdtemp(join(tmpdir(), 'civetta-bench-shop-'));
  const rows = [HEADER];
  for (let i = 0; i < products; i++) {
    const body = `57020${String(i).padStart(7, '0')}`;
    const price = 2000 + (i % 5000);
    const cells = [
      `SET-${String(i).padStart(5, '0')}`,
      body + String(gtinCheckDigit(body)),
      `Set costruzioni numero ${i}`,
      'LEGO',
      'LEGO',
      (price / 100).toFixed(2),
      (price / 250).toFixed(2),
      String(8 + (i % 20)),
      `https://negozio.example/img/${i}.jpg`,
      'Set nuovo e sigillato.',
    ];
    rows.push(`${cells.join(',')}\n`);
  }
  await writeFile(join(dir, 'magazzino.csv'), rows.join(''));
  const config = {
    shop: { name: 'Bench', currency: 'EUR' },
    stock: {
      file: './magazzino.csv',
      columns: { sku: 'Codice', ean: 'EAN', title: 'Descrizione', brand: 'Marca', category: 'Categoria', price: 'Prezzo', cost: 'Costo', quantity: 'Giacenza', image: 'Immagine', description: 'Note' },
    },
    vat: { default: 0.22 },
    productSafety: {
      parties: {
        lego: { name: 'LEGO A/S', street: 'Åstvej 1', city: 'Billund', postalCode: '7190', country: 'DK', email: 'sicurezza-prodotti@lego.example' },
        'lego-it': { name: 'LEGO Italia S.r.l.', street: 'Via Roma 1', city: 'Milano', postalCode: '20121', country: 'IT', email: 'sicurezza@lego.example' },
      },
      brands: { LEGO: { manufacturer: 'lego', responsiblePerson: 'lego-it' } },
    },
    hooks: { limit: products, keepMargin: 0, rules: [{ name: 'every-set', where: { category: ['LEGO'] }, rank: 'margin' }] },
    channels: {
      amazon: {
        enabled: channels.amazon,
        environment: 'simulator',
        marketplaceIds: ['APJ6JRA9NG5V4'],
        sellerId: 'A1CIVETTASIM',
        endpoint: `${origin}/amazon`,
        tokenEndpoint: `${origin}/amazon/auth/o2/token`,
        pricing: { markup: 0.15, floorMargin: 0.08, feePercent: 0.1545, round: 0.99 },
        stock: { reserve: 1, max: 10 },
      },
      ebay: {
        enabled: channels.ebay,
        environment: 'simulator',
        marketplaceId: 'EBAY_IT',
        endpoint: `${origin}/ebay`,
        tokenEndpoint: `${origin}/ebay/identity/v1/oauth2/token`,
        merchantLocationKey: 'negozio',
        policies: { fulfillment: '6200000001', payment: '6200000002', return: '6200000003' },
        categories: { LEGO: { id: '183446', aspects: { Marca: '{brand}' } } },
        pricing: { markup: 0.1, floorMargin: 0.08, feePercent: 0.129, feeFixed: 0.35, round: 0.9 },
        stock: { reserve: 1, max: 5 },
      },
    },
    ledger: './civetta.db',
  };
  const file = join(dir, 'civetta.config.yaml');
  // JSON is YAML: the config loader reads it as the owner's file.
  await writeFile(file, JSON.stringify(config, null, 2));
  return { dir, config: file };
}
