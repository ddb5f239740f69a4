import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createAmazonChannel } from '../../../src/channels/amazon/index.js';
import { collectingLogger } from '../../../src/log.js';
import { amazonConfig, IT, stockItem } from './helpers.js';

/** searchCatalogItems per identifier type, on the production host (the simulator only knows EANs). */
const API = 'https://sellingpartnerapi-eu.amazon.com';
const credentials = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 'catalog-client-secret-1', refreshToken: 'Atzr|catalog-refresh' };

let agent: MockAgent;
afterEach(async () => agent.close());

const item = (asin: string, title: string, ids: Array<[string, string]>) => ({
  asin,
  summaries: [{ marketplaceId: IT, itemName: title, brand: 'LEGO' }],
  identifiers: [{ marketplaceId: IT, identifiers: ids.map(([identifierType, identifier]) => ({ identifierType, identifier })) }],
  productTypes: [{ marketplaceId: IT, productType: 'TOY_BUILDING_BLOCK' }],
});

describe('catalogue search by identifier type (canned)', () => {
  it('13/8 digits as EAN, 12 as UPC, 14 as GTIN, one call per type; each result goes back to its own product', async () => {
    agent = new MockAgent();
    agent.disableNetConnect();
    agent.get('https://api.amazon.com').intercept({ path: '/auth/o2/token', method: 'POST' }).reply(200, { access_token: 'Atza|catalog', expires_in: 3600 });
    const channel = createAmazonChannel(amazonConfig(), { currency: 'EUR' }, { log: collectingLogger(), dispatcher: agent, credentials, sleep: async () => undefined });
    const answers: Record<string, unknown[]> = {
      EAN: [item('B0EAN13', 'LEGO City Stazione pompieri', [['EAN', '8001234567890']]), item('B0EAN8', 'LEGO Duplo Treno', [['EAN', '40063813']])],
      UPC: [item('B0UPC', 'LEGO Technic Gru', [['UPC', '012345678905'], ['EAN', '0012345678905']])],
      GTIN: [item('B0GTIN', 'LEGO Friends Casa', [['GTIN', '10012345678902']])],
    };
    const queries: Array<Record<string, string>> = [];
    agent
      .get(API)
      .intercept({ path: (p) => p.startsWith('/catalog/2022-04-01/items?'), method: 'GET' })
      .reply((opts) => {
        const query = Object.fromEntries(new URL(opts.path, API).searchParams);
        queries.push(query);
        const items = answers[query.identifiersType ?? ''] ?? [];
        return { statusCode: 200, data: { numberOfResults: items.length, items } };
      })
      .times(3);

    const results = await channel.match([
      stockItem({ sku: 'A', ean: '8001234567890', title: 'LEGO City Stazione pompieri' }),
      stockItem({ sku: 'B', ean: '012345678905', title: 'LEGO Technic Gru' }),
      stockItem({ sku: 'C', ean: '10012345678902', title: 'LEGO Friends Casa' }),
      stockItem({ sku: 'D', ean: '40063813', title: 'LEGO Duplo Treno' }),
    ]);

    expect(queries.map((q) => [q.identifiersType, q.identifiers])).toEqual([
      ['EAN', '8001234567890,40063813'],
      ['UPC', '012345678905'],
      ['GTIN', '10012345678902'],
    ]);
    expect(results.map((r) => [r.sku, r.outcome, r.remote?.asin])).toEqual([
      ['A', 'matched', 'B0EAN13'],
      ['B', 'matched', 'B0UPC'],
      ['C', 'matched', 'B0GTIN'],
      ['D', 'matched', 'B0EAN8'],
    ]);
    expect(agent.pendingInterceptors()).toEqual([]);
  });
});
