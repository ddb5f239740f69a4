import type { StockItem } from '../../domain/stock-item.js';
import type { MatchResult } from '../channel.js';
import type { AmazonApi } from './api-context.js';
import { searchCatalogByEan } from './catalog-api.js';
import { decideMatch, groupByEan } from './match.js';
import { IDENTIFIERS_PER_CALL } from './rate-limits.js';
import type { CatalogItem } from './schemas.js';

/**
 * Looks every product with an EAN up in the first configured store, 20 EANs per call, and
 * returns one verdict per SKU in input order. A failed lookup rejects (the verdict would be a
 * guess); refused credentials reject with ChannelAuthError.
 */
export async function matchProducts(
  api: AmazonApi,
  items: readonly StockItem[],
  createProducts: boolean,
): Promise<MatchResult[]> {
  const eans = [...new Set(items.map((i) => i.ean).filter((e): e is string => typeof e === 'string' && e !== ''))];
  const found = new Map<string, CatalogItem[]>();
  for (let start = 0; start < eans.length; start += IDENTIFIERS_PER_CALL) {
    const batch = eans.slice(start, start + IDENTIFIERS_PER_CALL);
    const catalog = await searchCatalogByEan(api, batch);
    for (const [ean, group] of groupByEan(catalog, batch)) found.set(ean, group);
  }
  return items.map((item) =>
    decideMatch(item, item.ean ? found.get(item.ean) : undefined, { marketplaceId: api.marketplaceId, createProducts }),
  );
}
