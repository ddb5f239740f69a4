import { describe, expect, it } from 'vitest';
import { readCase } from './fixture.js';

describe('readStock: other systems read with only a columns mapping', () => {
  it('reads a WooCommerce product export (BOM, comma, "GTIN, UPC, EAN, or ISBN", variable products)', async () => {
    const r = await readCase('woocommerce', 'wc-product-export-23-11-2026.csv');
    expect(r.stats).toMatchObject({ rows: 11, goodRows: 10, badRows: 1, encoding: 'utf-8', bom: true, delimiter: ',', decimal: '.' });
    expect(r.stats.headers).toHaveLength(41);
    // A variable product's parent row has no price and no stock of its own: reported, never selected.
    expect(r.problems.map((p) => [p.line, p.code, p.column, p.sku])).toEqual([
      [6, 'price-missing', 'Regular price', 'MAG-01'],
      [6, 'quantity-missing', 'Stock', 'MAG-01'],
    ]);
    expect(r.items[0]).toEqual({
      sku: 'LEGO-60337', line: 2, ean: '5702017583488', title: 'LEGO City Treno passeggeri espresso', brand: 'LEGO', category: 'Giocattoli > LEGO',
      priceMinor: 12999, quantity: 4, description: 'Treno telecomandato con luci.', safety: {},
      images: ['https://giocattolirossi.example/wp-content/uploads/2026/10/60337.jpg', 'https://giocattolirossi.example/wp-content/uploads/2026/10/60337-2.jpg'],
    });
    expect(r.items.map((i) => i.sku)).toEqual(['LEGO-60337', 'PUZ-0001', 'LIB-0001', 'PEL-0001', 'MAG-01-S', 'MAG-01-M', 'GDT-0001', 'MOD-0001', 'LIB-0002', 'PLM-71150']);
  });

  it('reads a Shopify product export (Variant SKU/Price/Inventory Qty; an extra image row adds to the product above)', async () => {
    const r = await readCase('shopify', 'products_export_1.csv');
    expect(r.stats).toMatchObject({ rows: 5, goodRows: 5, badRows: 0, ignoredRows: 1, delimiter: ',', decimal: '.' });
    expect(r.problems).toEqual([]);
    expect(r.items[0]).toEqual({
      sku: 'LEGO-60337', line: 2, ean: '5702017583488', title: 'LEGO City Treno passeggeri espresso', brand: 'LEGO', category: 'LEGO',
      priceMinor: 12999, costMinor: 8450, quantity: 4, description: '<p>Treno telecomandato,\ncon luci e binari.</p>', safety: {},
      images: ['https://cdn.shopify.com/s/files/1/0612/3456/7890/files/60337.jpg', 'https://cdn.shopify.com/s/files/1/0612/3456/7890/files/60337-2.jpg'],
    });
    expect(r.items.map((i) => [i.sku, i.line, i.priceMinor, i.quantity])).toEqual([
      ['LEGO-60337', 2, 12999, 4],
      ['PUZ-0001', 5, 1490, 12],
      ['LIB-0001', 6, 1200, 7],
      ['PEL-0001', 7, 1990, 0],
      ['GDT-0001', 8, 3499, 3],
    ]);
  });
});
