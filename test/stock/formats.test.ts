import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { LoadedConfig } from '../../src/config/loaded-config.js';
import { Config } from '../../src/config/schema.js';
import { readShopStock } from '../../src/stock/read-shop-stock.js';
import type { StockReadResult } from '../../src/stock/read-stock.js';
import { FIXTURES, products } from './fixture.js';

/** The stock file of fixtures/formats/<dir>/<file> read as a config with these `stock` and `vat` keys reads it. */
function readFormat(dir: string, file: string, stock: Record<string, unknown>, vat: Record<string, unknown> = {}, now = new Date('2026-12-05T10:00:00Z')): Promise<StockReadResult> {
  const path = join(FIXTURES, 'formats', dir, file);
  const config = Config.parse({ shop: { name: 'Giocattoli Rossi' }, hooks: {}, stock: { file: path, ...stock }, vat });
  const loaded: LoadedConfig = { config, file: join(FIXTURES, 'formats', dir, 'civetta.config.yaml'), dir: join(FIXTURES, 'formats', dir), resolve: (p) => p };
  return readShopStock(loaded, now);
}

const bySku = (r: StockReadResult, sku: string) => {
  const item = products(r).find((i) => i.sku === sku);
  if (!item) throw new Error(`no item ${sku}`);
  return item;
};
const errors = (r: StockReadResult) => r.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.code, p.sku]);

describe('stock.format presets read each export as its vendor documents it', () => {
  it('shopify: variants grouped by URL handle inherit title, vendor, type, description and images; draft left out by the filter', async () => {
    const r = await readFormat('shopify', 'products_export_1.csv', { format: 'shopify', filter: { Status: 'active' } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'shopify', priceIncludesVat: true, rows: 5, goodRows: 5, variants: 3, skipped: { parents: 0, continuations: 0, images: 1, filtered: 1 } });
    expect([...r.items()].map((i) => i.sku)).toEqual(['MAG-DINO-4-V', 'MAG-DINO-6-V', 'MAG-DINO-6-B', 'LEGO-60337', 'PEL-0001']);
    const blue = bySku(r, 'MAG-DINO-6-B');
    expect(blue).toMatchObject({
      title: 'Maglia Dinosauro – 6 anni, Blu', brand: 'Djeco', category: 'Abbigliamento', ean: '8001234567033', priceMinor: 2190, costMinor: 890, quantity: 0,
      description: '<p>Maglia in cotone bio,\ncon stampa <strong>dinosauro</strong>.</p>', options: ['6 anni', 'Blu'],
    });
    // The parent's image, then the extra image row after the variants.
    expect(blue.images.map((u) => u.split('/').at(-1))).toEqual(['maglia-dino.jpg', 'maglia-dino-retro.jpg']);
    expect(bySku(r, 'MAG-DINO-4-V').title).toBe('Maglia Dinosauro – 4 anni, Verde');
    // "Default Title" is Shopify's "no option".
    expect(bySku(r, 'LEGO-60337').title).toBe('LEGO City Treno passeggeri espresso');
  });

  it('shopify: an export with the pre-2024 headers (Handle, Variant SKU, Variant Price…) reads with the same preset', async () => {
    const r = await readFormat('shopify', 'products_export_legacy.csv', { format: 'shopify' });
    expect(r.stats).toMatchObject({ rows: 5, goodRows: 5, badRows: 0, skipped: { images: 1 } });
    expect(bySku(r, 'LEGO-60337')).toMatchObject({ priceMinor: 12999, quantity: 4, costMinor: 8450 });
    expect(bySku(r, 'LEGO-60337').images).toHaveLength(2);
  });

  it('woocommerce: variations take the variable product\'s category, brand and images; the parent is skipped; a dated sale runs', async () => {
    const r = await readFormat('woocommerce', 'wc-product-export-5-12-2026.csv', { format: 'woocommerce', filter: { Published: 1 } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'woocommerce', bom: true, rows: 5, goodRows: 5, skipped: { parents: 1, filtered: 1 } });
    expect([...r.items()].map((i) => i.sku)).toEqual(['LEGO-60337', 'PEL-0001', 'MAG-01-4', 'MAG-01-6', 'MAG-01-8']);
    // The exporter already writes "Parent - option" names: kept as they are.
    expect(bySku(r, 'MAG-01-4')).toMatchObject({ title: 'Maglietta Dinosauri - 4 anni', category: 'Abbigliamento > Magliette', brand: 'Djeco', priceMinor: 1250, quantity: 3 });
    // Named by the parent's SKU and with no name of its own: the parent's title and its option.
    expect(bySku(r, 'MAG-01-8')).toMatchObject({ title: 'Maglietta Dinosauri – 8 anni', priceMinor: 1350, quantity: 0, images: ['https://giocattolirossi.example/wp-content/uploads/2026/11/mag-01.jpg'] });
    expect(bySku(r, 'PEL-0001')).toMatchObject({ priceMinor: 1590, regularPriceMinor: 1990 });
    const afterSale = await readFormat('woocommerce', 'wc-product-export-5-12-2026.csv', { format: 'woocommerce' }, {}, new Date('2026-12-24T23:30:00Z'));
    // 23:30 UTC on the 24th is already the 25th in Rome: the sale has ended.
    expect(bySku(afterSale, 'PEL-0001').priceMinor).toBe(1990);
  });

  it('lightspeed-x: outlets summed (a negative one counts 0, reported), net retail_price plus the tax named "IVA 22%"', async () => {
    const r = await readFormat('lightspeed-x', 'product-export-2026-12-05.csv', { format: 'lightspeed-x', filter: { active: 1 } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'lightspeed-x', priceIncludesVat: false, rows: 4, goodRows: 4, negativeOutlets: 1, skipped: { parents: 1, filtered: 1 } });
    // 32.70 net × 1.22 = 39.894 → 39.89; stock 2 + 3.
    expect(bySku(r, 'SCA-LUM-28')).toMatchObject({ title: 'Scarpa Gioco Luminosa – 28', brand: 'Geox', category: 'Calzature', priceMinor: 3989, costMinor: 1800, quantity: 5, vatRate: 0.22 });
    expect(bySku(r, 'SCA-LUM-28').description).toBe('<p>Suola con <b>luci LED</b>, chiusura a strappo.</p>');
    expect(bySku(r, 'SCA-LUM-30').quantity).toBe(1);
    expect(r.problems.filter((p) => p.code === 'quantity-negative-outlet').map((p) => [p.sku, p.value])).toEqual([['SCA-LUM-30', '-2']]);
    // 20.49 × 1.22 = 24.9978 → 25.00; a book at 4%: 9.52 × 1.04 = 9.9008 → 9.90.
    expect(bySku(r, 'GL-0001').priceMinor).toBe(2500);
    expect(bySku(r, '9788807806155')).toMatchObject({ priceMinor: 990, quantity: 16, vatRate: 0.04 });
  });

  it('lightspeed-x: stock.columns.quantity as a list sums only the outlets named', async () => {
    const r = await readFormat('lightspeed-x', 'product-export-2026-12-05.csv', { format: 'lightspeed-x', columns: { quantity: ['inventory_Negozio_Centro'] } });
    expect(bySku(r, 'SCA-LUM-28').quantity).toBe(2);
    expect(r.stats.negativeOutlets).toBe(0);
  });

  it('odoo: one-to-many continuation lines skipped, Variant Values in the title, net Sales Price plus "22% G"', async () => {
    const r = await readFormat('odoo', 'product.product.csv', { format: 'odoo' });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'odoo', priceIncludesVat: false, rows: 4, goodRows: 4, skipped: { continuations: 2 } });
    // 16.39 × 1.22 = 19.9958 → 20.00.
    expect(bySku(r, 'MR-R-M')).toMatchObject({ title: 'Maglia Rigata – Rosso, M', ean: '8001234567088', category: 'All / Saleable / Abbigliamento', priceMinor: 2000, costMinor: 650, quantity: 0, vatRate: 0.22 });
    // 18.27 × 1.04 = 19.0008 → 19.00.
    expect(bySku(r, 'ATL-0001')).toMatchObject({ title: 'Atlante illustrato degli animali', priceMinor: 1900, quantity: 3 });
  });

  it('magento: a configurable parent gives its variants title and texts; store-view rows skipped; special price used', async () => {
    const r = await readFormat('magento', 'catalog_product_20261205_101500.csv', { format: 'magento', filter: { product_online: 1 } }, { default: 0.22 });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'magento', priceIncludesVat: false, rows: 3, goodRows: 3, skipped: { parents: 1, continuations: 1, filtered: 1 } });
    expect([...r.items()].map((i) => i.sku)).toEqual(['MAGL-BLU-S', 'MAGL-BLU-M', 'LEGO-42151']);
    // 15.57 × 1.22 = 18.9954 → 19.00.
    expect(bySku(r, 'MAGL-BLU-S')).toMatchObject({ title: 'Maglia Righe Marinara – Blu, S', category: 'Default Category/Abbigliamento/Magliette', description: 'Cotone bio, righe blu.', priceMinor: 1900, quantity: 3 });
    // special_price 12.29 × 1.22 = 14.9938 → 14.99, undated: always on.
    expect(bySku(r, 'MAGL-BLU-M')).toMatchObject({ title: 'Maglia Righe Marinara – Blu, M', priceMinor: 1499, regularPriceMinor: 1900, quantity: 2 });
    expect(bySku(r, 'LEGO-42151')).toMatchObject({ priceMinor: 4900, quantity: 5 });
  });

  it('magento: base_image and additional_images are media paths: URLs under stock.imageBaseUrl, else ignored and counted', async () => {
    const media = 'https://negozio.example/media/catalog/product';
    const r = await readFormat('magento', 'catalog_product_20261205_101500.csv', { format: 'magento', imageBaseUrl: media, filter: { product_online: 1 } }, { default: 0.22 });
    expect(r.problems.filter((p) => p.code.startsWith('image'))).toEqual([]);
    expect(bySku(r, 'LEGO-42151').images).toEqual([`${media}/l/e/lego-42151.jpg`, `${media}/l/e/lego-42151-2.jpg`, `${media}/l/e/lego-42151-3.jpg`]);
    // A variant without its own image shows its configurable parent's.
    expect(bySku(r, 'MAGL-BLU-S').images).toEqual([`${media}/m/a/maglia-righe.jpg`]);

    const bare = await readFormat('magento', 'catalog_product_20261205_101500.csv', { format: 'magento', filter: { product_online: 1 } }, { default: 0.22 });
    expect(products(bare).flatMap((i) => i.images)).toEqual([]);
    const paths = bare.problems.filter((p) => p.code === 'image-path');
    expect(paths.map((p) => [p.line, p.value])).toEqual([
      [4, '/m/a/maglia-righe.jpg'],
      [5, '/m/a/maglia-righe.jpg'],
      [6, '/l/e/lego-42151.jpg'],
      [6, '/l/e/lego-42151-2.jpg'],
      [6, '/l/e/lego-42151-3.jpg'],
    ]);
    expect(paths[0]).toMatchObject({ severity: 'warning', column: 'base_image', expected: 'stock.imageBaseUrl set to the URL the paths are under' });
  });

  it('magento: simple products written before their configurable parent (as exports can write them) get the same title and texts', async () => {
    // Same products as above, simples first; RICAMBIO-PILE is hidden but no configurable lists
    // it: read as itself at the end.
    const r = await readFormat('magento', 'catalog_product_20261205_180000.csv', { format: 'magento', filter: { product_online: 1 } }, { default: 0.22 });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ rows: 4, goodRows: 4, variants: 2, skipped: { parents: 1, continuations: 1, filtered: 1 } });
    expect(bySku(r, 'MAGL-BLU-S')).toMatchObject({ title: 'Maglia Righe Marinara – Blu, S', category: 'Default Category/Abbigliamento/Magliette', description: 'Cotone bio, righe blu.', priceMinor: 1900, quantity: 3, line: 2 });
    expect(bySku(r, 'MAGL-BLU-M')).toMatchObject({ title: 'Maglia Righe Marinara – Blu, M', priceMinor: 1499, quantity: 2, line: 3 });
    // 3.20 × 1.22 = 3.904 → 3.90.
    expect(bySku(r, 'RICAMBIO-PILE')).toMatchObject({ title: 'Pile stilo AA (4 pezzi)', priceMinor: 390, quantity: 12, line: 8 });
  });

  it('prestashop: semicolons, "Price tax excluded" plus the rate of vat.default / vat.categories, inactive left out', async () => {
    const r = await readFormat('prestashop', 'products_import.csv', { format: 'prestashop', filter: { 'Active (0/1)': 1 } }, { default: 0.22, categories: { Libri: 0.04 } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'prestashop', delimiter: ';', rows: 3, goodRows: 3, skipped: { filtered: 1 } });
    // 6.549180 → 6.55 net × 1.22 = 7.991 → 7.99.
    expect(bySku(r, 'TRT-0001')).toMatchObject({ title: 'Trottola in legno', brand: 'Goki', ean: '8001234567095', priceMinor: 799, costMinor: 290, quantity: 9, description: '<p>Faggio verniciato, 5 cm.</p>' });
    expect(bySku(r, 'TRT-0001').images).toHaveLength(2);
    // 11.528846 → 11.53 × 1.04 = 11.9912 → 11.99.
    expect(bySku(r, 'LIB-GGG').priceMinor).toBe(1199);
  });

  it('prestashop: a file with today\'s importer labels (Name, Cost price, Brand, Tax rule ID) reads with the same preset', async () => {
    const r = await readFormat('prestashop', 'products_import_8.csv', { format: 'prestashop' }, { default: 0.22, categories: { Libri: 0.04 } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ rows: 2, goodRows: 2 });
    // 8.188525 → 8.19 net × 1.22 = 9.9918 → 9.99.
    expect(bySku(r, 'CUB-0003')).toMatchObject({ title: 'Cubo magico 3x3', brand: "Rubik's", costMinor: 350, priceMinor: 999, quantity: 14 });
    // 9.125 → 9.13 × 1.04 = 9.4952 → 9.50.
    expect(bySku(r, 'LIB-FAV')).toMatchObject({ brand: 'Einaudi Ragazzi', priceMinor: 950 });
  });

  it('danea: Excel\'s CSV (Windows-1252, semicolon, decimal comma, CRLF), net Listino 1 plus Cod. Iva, only e-commerce products', async () => {
    const r = await readFormat('danea', 'Prodotti.csv', { format: 'danea', filter: { 'E-commerce': 'Sì' } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'danea', encoding: 'windows-1252', delimiter: ';', decimal: ',', rows: 2, goodRows: 2, skipped: { filtered: 2 } });
    // 12,21 × 1,22 = 14,8962 → 14,90.
    expect(bySku(r, '00125')).toMatchObject({ title: 'Puzzle 1000 pezzi – Colosseo', brand: 'Clementoni', category: 'Puzzle', ean: '8005125396115', priceMinor: 1490, costMinor: 610, quantity: 8, vatRate: 0.22 });
    // 14,42 × 1,04 = 14,9968 → 15,00.
    expect(bySku(r, '00127')).toMatchObject({ title: 'Pinocchio illustrato – ed. Città di Collodi', priceMinor: 1500, vatRate: 0.04 });
  });

  it('danea: a shop whose lists include VAT exports "Listino 1 (ivato)": those prices are the shelf prices, unless the config says otherwise', async () => {
    const r = await readFormat('danea', 'Prodotti-ivato.csv', { format: 'danea', filter: { 'E-commerce': 'Sì' } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'danea', priceIncludesVat: true, rows: 2, goodRows: 2 });
    expect(bySku(r, '00125')).toMatchObject({ priceMinor: 1490, vatRate: 0.22 });
    expect(bySku(r, '00127')).toMatchObject({ priceMinor: 1500, vatRate: 0.04 });
    // The owner's word wins over the header: 14,90 read as net, × 1,22 = 18,178 → 18,18.
    const net = await readFormat('danea', 'Prodotti-ivato.csv', { format: 'danea', priceIncludesVat: false, filter: { 'E-commerce': 'Sì' } });
    expect(net.stats.priceIncludesVat).toBe(false);
    expect(bySku(net, '00125').priceMinor).toBe(1818);
  });

  it('a stock.columns key overrides the preset\'s (and priceIncludesVat too)', async () => {
    const r = await readFormat('danea', 'Prodotti.csv', { format: 'danea', priceIncludesVat: true, columns: { price: 'Listino 2' }, filter: { 'Cod.': '00125' } });
    expect(bySku(r, '00125').priceMinor).toBe(1100);
  });
});

describe('a distributor\'s net price list (tab, Windows-1252, decimal comma, R17 codes)', () => {
  const stock = {
    priceIncludesVat: false,
    columns: { sku: 'Codice', ean: 'EAN', title: 'Descrizione', brand: 'Marca', category: 'Categoria', price: 'Listino', vat: 'Iva', quantity: 'Disponibilità' },
  };

  it('shelf price = net × (1 + VAT) to the cent, half up, with vat.aliases mapping R17', async () => {
    const r = await readFormat('distributor', 'listino-ingrosso.txt', stock, { aliases: { R17: 0.22, '22%': 0.22 } });
    expect(errors(r)).toEqual([]);
    expect(r.stats).toMatchObject({ format: 'generic', priceIncludesVat: false, encoding: 'windows-1252', delimiter: '\t', decimal: ',', rows: 6, goodRows: 6 });
    expect([...r.items()].map((i) => [i.sku, i.vatRate, i.priceMinor])).toEqual([
      ['AB1001', 0.22, 2999], // 24,58 × 1,22 = 29,9876
      ['AB1002', 0.22, 4900], // 40,16 × 1,22 = 48,9952
      ['AB1003', 0.04, 999], // 9,61 × 1,04 = 9,9944
      ['AB1004', 0.22, 1000], // 8,20 × 1,22 = 10,004
      ['AB1005', 0.22, 153], // 1,25 × 1,22 = 1,525: half a cent goes up
      ['AB1006', 0.22, 150060], // 1.230,00 × 1,22 = 1.500,60
    ]);
    expect(bySku(r, 'AB1002').title).toBe('Bambola Città');
  });

  it('without the alias, an R17 row has no rate and cannot be priced: a bad row naming the price', async () => {
    const r = await readFormat('distributor', 'listino-ingrosso.txt', { ...stock, maxBadRowsPercent: 100 });
    expect(errors(r)).toEqual([
      [2, 'vat-unknown-net-price', 'AB1001'],
      [6, 'vat-unknown-net-price', 'AB1005'],
      [7, 'vat-unknown-net-price', 'AB1006'],
    ]);
    expect(r.problems.filter((p) => p.code === 'vat-invalid').map((p) => p.value)).toEqual(['R17', 'R17', 'R17']);
  });
});
