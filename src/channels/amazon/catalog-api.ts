import { joinUrl } from '../../http/client.js';
import type { AmazonApi } from './api-context.js';
import { IDENTIFIERS_PER_CALL } from './rate-limits.js';
import { CatalogSearchResults, type CatalogItem } from './schemas.js';

/** Bounds the pages read for one batch; 20 EANs never legitimately need more. */
const MAX_PAGES = 10;

/**
 * Catalog Items 2022-04-01 searchCatalogItems by EAN (catalogItems_2022-04-01.json): at most
 * 20 identifiers and exactly one marketplace per call; every page read.
 */
export async function searchCatalogByEan(api: AmazonApi, eans: readonly string[]): Promise<CatalogItem[]> {
  if (eans.length > IDENTIFIERS_PER_CALL) throw new Error(`searchCatalogItems takes at most ${IDENTIFIERS_PER_CALL} EANs`);
  const items: CatalogItem[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const res = await api.http.request({
      operation: 'searchCatalogItems',
      method: 'GET',
      url: joinUrl(api.endpoint, '/catalog/2022-04-01/items', {
        marketplaceIds: [api.marketplaceId],
        identifiers: eans,
        identifiersType: 'EAN',
        includedData: ['summaries', 'identifiers', 'productTypes'],
        pageSize: IDENTIFIERS_PER_CALL,
        pageToken,
      }),
      schema: CatalogSearchResults,
      idempotent: true,
    });
    items.push(...res.data.items);
    pageToken = res.data.pagination?.nextToken;
    pages += 1;
  } while (pageToken && pages < MAX_PAGES);
  return items;
}
