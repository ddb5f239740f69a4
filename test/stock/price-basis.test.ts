import { describe, expect, it } from 'vitest';
import { netPriceWarning } from '../../src/cli/render/stock-reading.js';
import { parseDay, pricesLookNet, saleRuns, shelfPriceFromNet } from '../../src/stock/price-basis.js';
import { parseOptionPairs, parseVariantList, variantTitle } from '../../src/stock/group-rows.js';
import { vatFromCell } from '../../src/stock/parse-fields.js';

describe('prices as the file means them', () => {
  it('net → shelf: net × (1 + rate) in integer cents, half up', () => {
    expect(shelfPriceFromNet(2458, 0.22)).toBe(2999); // 29,9876
    expect(shelfPriceFromNet(125, 0.22)).toBe(153); // 1,525 exactly: up
    expect(shelfPriceFromNet(124, 0.22)).toBe(151); // 1,5128
    expect(shelfPriceFromNet(952, 0.04)).toBe(990);
    expect(shelfPriceFromNet(1000, 0.1)).toBe(1100);
    expect(shelfPriceFromNet(0, 0.22)).toBe(0);
    // Large amounts stay exact (no floating-point drift on 12.345.678,91).
    expect(shelfPriceFromNet(1_234_567_891, 0.22)).toBe(1_506_172_827);
  });

  it('sale days as the exports write them, inclusive at both ends', () => {
    expect(parseDay('2026-12-01')).toBe('2026-12-01');
    expect(parseDay('2026-12-01 00:00:00')).toBe('2026-12-01');
    expect(parseDay('1/12/2026')).toBe('2026-12-01');
    expect(parseDay('12/1/26')).toBeUndefined();
    expect(saleRuns('2026-12-24', '2026-12-01', '2026-12-24')).toBe(true);
    expect(saleRuns('2026-12-25', '2026-12-01', '2026-12-24')).toBe(false);
    expect(saleRuns('2026-11-30', '2026-12-01', undefined)).toBe(false);
    expect(saleRuns('2026-11-30', undefined, undefined)).toBe(true);
  });

  it('prices that look net: most products priced 1.1–1.4 × cost; shelf prices with VAT over a margin do not', () => {
    const net = Array.from({ length: 12 }, (_, i) => ({ priceMinor: 1250 + i, costMinor: 1000 }));
    const shelf = Array.from({ length: 12 }, (_, i) => ({ priceMinor: 1990 + i, costMinor: 1000 }));
    expect(pricesLookNet(net)).toEqual({ net: true, checked: 12, close: 12 });
    expect(pricesLookNet(shelf).net).toBe(false);
    // Too few products with a cost to say.
    expect(pricesLookNet(net.slice(0, 9)).net).toBe(false);
    const items = net.map((p, i) => ({ ...p, sku: `S${i}`, line: i + 2, title: 't', quantity: 1, imageCount: 0, httpsImage: false, safety: {} }));
    expect(netPriceWarning(items, true, 'listino.csv').map((p) => [p.code, p.key])).toEqual([['prices-look-net', 'stock.priceIncludesVat']]);
    expect(netPriceWarning(items, false, 'listino.csv')).toEqual([]);
  });

  it('a tax named with one percentage is that rate; anything else is not a rate', () => {
    expect(vatFromCell('IVA 22%', '.')).toBe(0.22);
    expect(vatFromCell('22% G', '.')).toBe(0.22);
    expect(vatFromCell('Aliquota 4,5%', ',')).toBe(0.045);
    expect(vatFromCell('R17', '.')).toBeUndefined();
    expect(vatFromCell('22% + 10%', '.')).toBeUndefined();
  });
});

describe('variants', () => {
  it('titled with their options unless the title already names them', () => {
    expect(variantTitle('Maglia Rossa', ['M'])).toBe('Maglia Rossa – M');
    expect(variantTitle('Maglia', ['Rossa', 'M'])).toBe('Maglia – Rossa, M');
    expect(variantTitle('Maglietta Dinosauri - 4 anni', ['4 anni'])).toBe('Maglietta Dinosauri - 4 anni');
    expect(variantTitle('Cubo', [])).toBe('Cubo');
  });

  it('option values from Odoo pairs and Magento variant lists', () => {
    expect(parseOptionPairs('Colore: Rosso, Taglia: M')).toEqual(['Rosso', 'M']);
    expect(parseVariantList('sku=A-S,colore=Blu,taglia=S,price=10,display=1|sku=A-M,colore=Blu,taglia=M')).toEqual([
      { sku: 'A-S', options: ['Blu', 'S'] },
      { sku: 'A-M', options: ['Blu', 'M'] },
    ]);
  });
});
