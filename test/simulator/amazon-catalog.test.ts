import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoAsin, isValidEan13, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { amazonAccess, amz, AMZ_MP } from './helpers.js';

let sim: Simulator;
let api: ReturnType<typeof amz>;
const search = (q: string) => api('GET', `/catalog/2022-04-01/items?${q}`);

beforeAll(async () => {
  sim = await startSimulator({
    rateLimiting: false,
    amazon: {
      autoCatalog: true,
      catalog: [
        { ean: '8001234567890', asin: 'B0AAAAAAA1', title: 'Puzzle 1000', brand: 'Ravensburger', productType: 'PUZZLES' },
        { ean: '8001234567890', asin: 'B0AAAAAAA2', title: 'Puzzle 1000 (bis)', brand: 'Ravensburger', productType: 'PUZZLES' },
      ],
    },
  });
  api = amz(sim, await amazonAccess(sim));
});
afterAll(async () => sim.close());

describe('searchCatalogItems by EAN', () => {
  it('returns every catalogue item sharing the EAN, with identifiers and product types when asked', async () => {
    const r = await search(`marketplaceIds=${AMZ_MP}&identifiers=8001234567890&identifiersType=EAN&includedData=summaries,identifiers,productTypes`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-amzn-ratelimit-limit')).toBe('2');
    expect(r.body.numberOfResults).toBe(2);
    expect(r.body.items[0]).toEqual({
      asin: 'B0AAAAAAA1',
      summaries: [{ marketplaceId: AMZ_MP, brand: 'Ravensburger', itemName: 'Puzzle 1000' }],
      identifiers: [{ marketplaceId: AMZ_MP, identifiers: [{ identifierType: 'EAN', identifier: '8001234567890' }] }],
      productTypes: [{ marketplaceId: AMZ_MP, productType: 'PUZZLES' }],
    });
  });

  it('resolves any valid EAN-13 to a deterministic ASIN under autoCatalog, and nothing for an invalid one', async () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    const r = await search(`marketplaceIds=${AMZ_MP}&identifiers=4006381333931&identifiersType=EAN`);
    expect(r.body.items.map((i: { asin: string }) => i.asin)).toEqual([autoAsin('4006381333931')]);
    expect(autoAsin('4006381333931')).toMatch(/^B0[0-9A-Z]{8}$/);
    const none = await search(`marketplaceIds=${AMZ_MP}&identifiers=4006381333932&identifiersType=EAN`);
    expect(none.body).toMatchObject({ numberOfResults: 0, items: [] });
  });

  it('rejects missing or multiple marketplaces, missing identifiersType and oversize pages with 400 InvalidInput', async () => {
    for (const q of [
      'identifiers=8001234567890&identifiersType=EAN',
      `marketplaceIds=${AMZ_MP},A1PA6795UKMFR9&identifiers=8001234567890&identifiersType=EAN`,
      `marketplaceIds=${AMZ_MP}&identifiers=8001234567890`,
      `marketplaceIds=${AMZ_MP}&identifiers=8001234567890&identifiersType=EAN&pageSize=21`,
      `marketplaceIds=${AMZ_MP}`,
    ]) {
      const r = await search(q);
      expect(r.status, q).toBe(400);
      expect(r.body.errors[0].code).toBe('InvalidInput');
    }
  });
});
