import { describe, expect, it } from 'vitest';
import { SkuIndex } from '../../src/stock/sku-index.js';

describe('SkuIndex', () => {
  it('tells every repeat of a SKU, across the table growing many times, and nothing else', () => {
    // 200,000 rows: the table starts at 65,536 slots and doubles three times on the way.
    const skus = Array.from({ length: 200_000 }, (_, i) => `ART-${i % 150_000}`);
    const index = new SkuIndex((ref) => skus[ref] as string);
    const repeats = skus.filter((sku, ref) => index.seen(sku, ref));
    expect(repeats).toHaveLength(50_000);
    expect(repeats[0]).toBe('ART-0');
    expect(repeats.at(-1)).toBe('ART-49999');
  });

  it('compares SKUs exactly: case and spaces count', () => {
    const skus = ['A', 'a', 'A ', '', 'A'];
    const index = new SkuIndex((ref) => skus[ref] as string);
    expect(skus.map((sku, ref) => index.seen(sku, ref))).toEqual([false, false, false, false, true]);
  });
});
