import type { StockItem } from '../../domain/stock-item.js';
import type { MatchResult } from '../channel.js';
import type { AmazonApi } from './api-context.js';
import { catalogIdentifierType, searchCatalogByCode, type CatalogIdentifierType } from './catalog-api.js';
import { decideMatch, groupByEan } from './match.js';
import { IDENTIFIERS_PER_CALL } from './rate-limits.js';
import type { CatalogItem } from './schemas.js';

/**
 * Looks every product with an EAN up in the first configured store, 20 codes of one type per
 * call (EAN-13/EAN-8 as EAN, 12 digits as UPC, 14 as GTIN), and returns one verdict per SKU in
 * input order. A failed lookup rejects (the verdict would be a guess); refused credentials
 * reject with ChannelAuthError.
 */
export async function matchProducts(
  api: AmazonApi,
  items: readonly StockItem[],
  createProducts: boolean,
): Promise<MatchResult[]> {
  const codes = [...new Set(items.map((i) => i.ean).filter((e): e is string => typeof e === 'string' && e !== ''))];
  const byType = new Map<CatalogIdentifierType, string[]>();
  for (const code of codes) {
    const type = catalogIdentifierType(code);
    byType.set(type, [...(byType.get(type) ?? []), code]);
  }
  const found = new Map<string, CatalogItem[]>();
  for (const [type, group] of byType) {
    for (let start = 0; start < group.length; start += IDENTIFIERS_PER_CALL) {
      const batch = group.slice(start, start + IDENTIFIERS_PER_CALL);
      const catalog = await searchCatalogByCode(api, batch, type);
      // Results are attributed within their own batch, so a code only claims what its search found.
      for (const [code, matches] of groupByEan(catalog, batch)) found.set(code, matches);
    }
  }
  return items.map((item) =>
    decideMatch(item, item.ean ? found.get(item.ean) : undefined, { marketplaceId: api.marketplaceId, createProducts }),
  );
}
