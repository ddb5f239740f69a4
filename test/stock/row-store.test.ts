import { describe, expect, it } from 'vitest';
import type { StockItem } from '../../src/domain/stock-item.js';
import { RowStore } from '../../src/stock/row-store.js';
import { SkuHashes } from '../../src/stock/sku-hashes.js';

/** A row as the reader makes it: every key written, optional ones undefined unless given. */
function row(n: number, extra: Partial<StockItem> = {}): StockItem {
  return {
    sku: `SKU-${n}`,
    line: n + 2,
    ean: undefined,
    title: `Gioco numero ${n}; età 3+ — qualità € "bello"\\`,
    brand: n % 2 ? 'Clementoni' : undefined,
    category: 'Puzzle',
    priceMinor: 500 + n,
    regularPriceMinor: undefined,
    costMinor: n % 3 ? 250 : undefined,
    quantity: n % 40,
    imageCount: 1,
    httpsImage: false,
    vatRate: 0.22,
    safety: {},
    ...extra,
  };
}

/** A store holding rows 0…count-1 (a chunk is 64 rows: 200 spans four, the last one partial). */
function storeOf(count: number, extra: (n: number) => Partial<StockItem> = () => ({})): RowStore {
  const store = new RowStore();
  for (let n = 0; n < count; n++) store.add(row(n, extra(n)), { images: [`http://negozio.example/${n}.jpg`], ...(n % 5 ? {} : { description: `<p>Scheda ${n}</p>` }) });
  store.finish();
  return store;
}

describe('RowStore', () => {
  it('gives back every row in the order added, each field as it went in', () => {
    const variant = { options: ['Rosso', 'XL'], regularPriceMinor: 990, ean: '8001234567890', safety: { manufacturerId: 'lego', warnings: 'Non adatto a bambini' } };
    const store = storeOf(200, (n) => (n === 130 ? variant : {}));
    const items = [...store.items()];
    expect(store.count).toBe(200);
    expect(items.map((i) => i.line)).toEqual(Array.from({ length: 200 }, (_, n) => n + 2));
    expect(items[7]).toEqual(row(7));
    expect(items[130]).toEqual(row(130, variant));
    expect(items[199]).toEqual(row(199));
    // No options on a row without: the key is not there at all, as the reader writes it.
    expect('options' in (items[7] as StockItem)).toBe(false);
    expect(store.longFields(items[0] as StockItem)).toEqual({ images: ['http://negozio.example/0.jpg'], description: '<p>Scheda 0</p>' });
    expect(store.longFields(items[199] as StockItem)).toEqual({ images: ['http://negozio.example/199.jpg'] });
  });

  it('gives back text exactly: quotes, backslashes, escapes, brackets, emoji, an empty brand', () => {
    const odd = [
      row(0, { sku: 'A,B:1', title: 'Monitor 15" \\ "doppio" \\\\', brand: '', category: 'Giochi\n\t[da] {tavolo}', ean: 'null' }),
      row(1, { sku: '"', title: 'Puzzle 🧩 1.000 pezzi — € \u0001', options: ['3:4', '"]', ''], safety: { warnings: 'Età 3+, "piccole parti" {x}' } }),
      row(2, { sku: '\\', title: ',', category: undefined, vatRate: 0.04, regularPriceMinor: 0, costMinor: 0 }),
    ];
    const store = new RowStore();
    for (const item of odd) store.add(item, { images: [] });
    store.finish();
    expect([...store.items()]).toEqual(odd);
    expect(store.item('A,B:1')).toEqual(odd[0]);
    expect(store.item('"')).toEqual(odd[1]);
    expect(store.item('\\')).toEqual(odd[2]);
  });

  it('iterates again from the start after a loop broke off, and makes new objects each time', () => {
    const store = storeOf(200);
    const seen: string[] = [];
    for (const item of store.items()) {
      seen.push(item.sku);
      if (seen.length === 70) break;
    }
    const again = [...store.items()];
    expect(seen).toEqual(again.slice(0, 70).map((i) => i.sku));
    expect(again).toHaveLength(200);
    const first = again[0] as StockItem;
    first.quantity = 999;
    expect([...store.items()][0]?.quantity).toBe(row(0).quantity);
  });

  it('answers item(sku) and longFields inside its own items() loop', () => {
    const store = storeOf(200);
    let checked = 0;
    for (const item of store.items()) {
      // An open SQLite iterator would make these throw ("connection is busy").
      expect(store.item(item.sku)).toEqual(item);
      expect(store.longFields(item).images).toEqual([`http://negozio.example/${item.line - 2}.jpg`]);
      checked++;
    }
    expect(checked).toBe(200);
  });

  it('finds a row by SKU in any chunk, the last partial one included, and nothing for a SKU it lacks', () => {
    const store = storeOf(200);
    expect(store.item('SKU-0')).toEqual(row(0));
    expect(store.item('SKU-64')).toEqual(row(64));
    expect(store.item('SKU-199')).toEqual(row(199));
    expect(store.item('SKU-200')).toBeUndefined();
    expect(store.item('sku-1')).toBeUndefined();
    expect(store.item('')).toBeUndefined();
  });

  it('tells apart SKUs whose hashes are equal', () => {
    // FNV-1a gives these two the same 32-bit hash (found by search).
    const store = new RowStore();
    store.add(row(0, { sku: 'SKU-112789' }), { images: [] });
    store.add(row(1, { sku: 'SKU-349192' }), { images: [] });
    store.finish();
    expect(store.maybeDuplicated()).toEqual([0, 1]);
    expect(store.item('SKU-112789')?.line).toBe(2);
    expect(store.item('SKU-349192')?.line).toBe(3);
  });

  it('drops rows: no longer counted, iterated or found; the others keep their place', () => {
    const store = storeOf(200);
    store.drop([3, 64, 199, 3]);
    expect(store.count).toBe(197);
    const skus = [...store.items()].map((i) => i.sku);
    expect(skus).toHaveLength(197);
    expect(skus).not.toContain('SKU-3');
    expect(skus).not.toContain('SKU-64');
    expect(skus.at(-1)).toBe('SKU-198');
    expect(store.item('SKU-64')).toBeUndefined();
    expect(store.item('SKU-65')).toEqual(row(65));
  });

  it('finds the same rows after their chunks leave its cache of parsed chunks: what it changed was written', () => {
    // 2,000 rows are 32 chunks, twice the chunks it keeps parsed.
    const store = storeOf(2000);
    store.drop([5]);
    for (let n = 0; n < 2000; n += 50) expect(store.item(`SKU-${n}`)?.line).toBe(n + 2);
    expect(store.item('SKU-5')).toBeUndefined();
    expect(store.item('SKU-6')).toEqual(row(6));
    expect(store.count).toBe(1999);
  });

  it('adds later image URLs to a row still being filled and to one already written', () => {
    const store = new RowStore();
    for (let n = 0; n < 70; n++) store.add(row(n), { images: [`http://negozio.example/${n}.jpg`] });
    // Row 0's chunk is written (64 rows); row 69 is in the chunk being filled.
    store.addImages(0, ['https://negozio.example/0b.jpg', 'http://negozio.example/0.jpg']);
    store.addImages(69, ['https://negozio.example/69b.jpg', 'https://negozio.example/69c.jpg']);
    store.addImages(68, []);
    store.finish();
    expect(store.item('SKU-0')).toEqual(row(0, { imageCount: 2, httpsImage: true }));
    expect(store.longFields(row(0)).images).toEqual(['http://negozio.example/0.jpg', 'https://negozio.example/0b.jpg']);
    expect(store.item('SKU-69')).toEqual(row(69, { imageCount: 3, httpsImage: true }));
    expect(store.item('SKU-68')).toEqual(row(68));
    // Read back from the database too (not only the chunk last read), the rows around intact.
    const items = [...store.items()];
    expect(items[0]).toEqual(row(0, { imageCount: 2, httpsImage: true }));
    expect(items[69]).toEqual(row(69, { imageCount: 3, httpsImage: true }));
    expect(items.map((i) => i.sku)).toEqual(Array.from({ length: 70 }, (_, n) => `SKU-${n}`));
  });
});

describe('SkuHashes', () => {
  it('finds every SKU among many, and groups only rows whose hashes meet', () => {
    const skus = Array.from({ length: 150_000 }, (_, n) => `ART-${n}`);
    const hashes = new SkuHashes();
    for (const sku of [...skus, 'ART-7', 'SKU-112789', 'SKU-349192']) hashes.add(sku);
    hashes.finish();
    expect(hashes.candidates('ART-7')).toEqual([7, 150_000]);
    expect(hashes.candidates('ART-149999')).toContain(149_999);
    expect(hashes.candidates('ART-150000').every((ref) => skus[ref] !== 'ART-150000')).toBe(true);
    const collisions = hashes.collisions();
    expect(collisions).toEqual(expect.arrayContaining([7, 150_000, 150_001, 150_002]));
    // Any other ref in a group shares its hash with a different SKU (a true collision).
    expect(collisions.length).toBeLessThan(20);
  });
});
