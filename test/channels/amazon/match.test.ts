import { describe, expect, it } from 'vitest';
import { decideMatch, groupByEan } from '../../../src/channels/amazon/match.js';
import type { CatalogItem } from '../../../src/channels/amazon/schemas.js';
import { IT, stockItem } from './helpers.js';

function catalogItem(asin: string, ean: string, title: string, brand?: string): CatalogItem {
  return {
    asin,
    summaries: [{ marketplaceId: IT, itemName: title, ...(brand ? { brand } : {}) }],
    identifiers: [{ marketplaceId: IT, identifiers: [{ identifierType: 'EAN', identifier: ean }] }],
    productTypes: [{ marketplaceId: IT, productType: 'TOY_BUILDING_BLOCK' }],
  };
}
const ctx = { marketplaceId: IT, createProducts: false };

describe('catalogue match verdicts', () => {
  it('groups search results by the EAN each item carries, across GTIN zero padding', () => {
    const groups = groupByEan(
      [catalogItem('B01', '08001234567890', 'A'), catalogItem('B02', '4006381333931', 'B'), catalogItem('B03', '4006381333931', 'C')],
      ['8001234567890', '4006381333931', '0000000000000'],
    );
    expect([...groups].map(([ean, items]) => [ean, items.map((i) => i.asin)])).toEqual([
      ['8001234567890', ['B01']],
      ['4006381333931', ['B02', 'B03']],
      ['0000000000000', []],
    ]);
  });

  it('matched: one candidate whose brand agrees, with its ASIN and product type', () => {
    const r = decideMatch(stockItem(), [catalogItem('B0TEST0001', '8001234567890', 'LEGO 60320 City Caserma dei Pompieri', 'LEGO')], ctx);
    expect(r).toEqual({
      sku: 'CIV-1',
      outcome: 'matched',
      candidates: [{ id: 'B0TEST0001', title: 'LEGO 60320 City Caserma dei Pompieri', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' }],
      remote: { asin: 'B0TEST0001', productType: 'TOY_BUILDING_BLOCK' },
      message: 'matched B0TEST0001 "LEGO 60320 City Caserma dei Pompieri" (LEGO)',
    });
  });

  it('mismatch: the brand differs', () => {
    const r = decideMatch(stockItem(), [catalogItem('B0X', '8001234567890', 'Stazione dei pompieri', 'Playmobil')], ctx);
    expect(r.outcome).toBe('mismatch');
    expect(r.message).toBe('EAN 8001234567890 is B0X "Stazione dei pompieri" (Playmobil): brand "LEGO" differs; will not list');
    expect(r.remote).toBeUndefined();
  });

  it('without a brand to compare, the title decides', () => {
    const noBrand = stockItem({ brand: undefined });
    expect(decideMatch(noBrand, [catalogItem('B0X', '8001234567890', 'Lego city stazione pompieri 60320')], ctx).outcome).toBe('matched');
    const r = decideMatch(noBrand, [catalogItem('B0X', '8001234567890', 'Cavo USB-C 2 metri')], ctx);
    expect(r.outcome).toBe('mismatch');
    expect(r.message).toContain('title shares 0% of its words');
  });

  it('ambiguous: several candidates, listed, never guessed', () => {
    const r = decideMatch(stockItem(), [catalogItem('B01', '8001234567890', 'A', 'LEGO'), catalogItem('B02', '8001234567890', 'B', 'LEGO')], ctx);
    expect(r.outcome).toBe('ambiguous');
    expect(r.candidates.map((c) => c.id)).toEqual(['B01', 'B02']);
    expect(r.message).toBe('2 Amazon products carry EAN 8001234567890 (B01, B02): will not guess');
  });

  it('none and no-ean say what happens next', () => {
    expect(decideMatch(stockItem(), [], ctx).message).toBe('no match for EAN 8001234567890: will not create');
    expect(decideMatch(stockItem(), [], { ...ctx, createProducts: true }).message).toBe('no match for EAN 8001234567890: will create a new catalogue product');
    expect(decideMatch(stockItem({ ean: undefined }), undefined, ctx)).toEqual({
      sku: 'CIV-1', outcome: 'no-ean', candidates: [], message: 'no EAN: cannot look it up in the Amazon catalogue',
    });
  });
});
