import { joinUrl } from '../../http/client.js';
import type { AmazonApi } from './api-context.js';
import { IDENTIFIERS_PER_CALL } from './rate-limits.js';
import { CatalogSearchResults, type CatalogItem } from './schemas.js';

/** Bounds the pages read for one batch; 20 codes never legitimately need more. */
const MAX_PAGES = 10;

/** The `identifiersType` values civetta searches with (catalogItems_2022-04-01.json enum). */
export type CatalogIdentifierType = 'EAN' | 'UPC' | 'GTIN';

/**
 * How Amazon must be told to read a stock code, by its GS1 length: EAN-13 and EAN-8 are `EAN`,
 * UPC-A (12 digits) is `UPC`, GTIN-14 is `GTIN`. Anything else (the stock reader lets none
 * through) is tried as `EAN`.
 */
export function catalogIdentifierType(code: string): CatalogIdentifierType {
  if (/^\d{12}$/.test(code)) return 'UPC';
  if (/^\d{14}$/.test(code)) return 'GTIN';
  return 'EAN';
}

/**
 * Catalog Items 2022-04-01 searchCatalogItems by product code (catalogItems_2022-04-01.json): at
 * most 20 identifiers of one `identifiersType` and exactly one marketplace per call; every page read.
 */
export async function searchCatalogByCode(
  api: AmazonApi,
  codes: readonly string[],
  identifiersType: CatalogIdentifierType,
): Promise<CatalogItem[]> {
  if (codes.length > IDENTIFIERS_PER_CALL) throw new Error(`searchCatalogItems takes at most ${IDENTIFIERS_PER_CALL} identifiers`);
  const items: CatalogItem[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const res = await api.http.request({
      operation: 'searchCatalogItems',
      method: 'GET',
      url: joinUrl(api.endpoint, '/catalog/2022-04-01/items', {
        marketplaceIds: [api.marketplaceId],
        identifiers: codes,
        identifiersType,
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
