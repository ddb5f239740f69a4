import type { RemoteListing } from '../../domain/listing.js';
import type { AmazonApi } from './api-context.js';
import { searchListingsBySku } from './listings-api.js';
import { remoteListingFromItem } from './mapping.js';
import { IDENTIFIERS_PER_CALL } from './rate-limits.js';

/**
 * What Amazon holds for these SKUs in the first store, 20 SKUs a search; a SKU the search does
 * not return is `missing`.
 */
export async function readListings(api: AmazonApi, skus: readonly string[]): Promise<Map<string, RemoteListing>> {
  const out = new Map<string, RemoteListing>();
  const unique = [...new Set(skus)];
  for (let start = 0; start < unique.length; start += IDENTIFIERS_PER_CALL) {
    const batch = unique.slice(start, start + IDENTIFIERS_PER_CALL);
    for (const item of await searchListingsBySku(api, batch)) {
      // Only the SKUs asked for: anything else the search returns is not civetta's to touch.
      if (batch.includes(item.sku)) out.set(item.sku, remoteListingFromItem(item, api.marketplaceId));
    }
  }
  for (const sku of unique) if (!out.has(sku)) out.set(sku, { sku, status: 'missing', remote: {} });
  return out;
}
