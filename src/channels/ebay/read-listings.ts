import type { RemoteListing } from '../../domain/listing.js';
import type { EbayApiContext } from './api-context.js';
import { bulkGetInventoryItem } from './bulk-api.js';
import { pickOffer } from './create-listing.js';
import { getOffers } from './inventory-api.js';
import { remoteListing } from './mapping.js';
import { BULK_MAX } from './rate-limits.js';
import type { InventoryItemRead } from './schemas.js';

/**
 * What eBay holds for these SKUs (and only these: items civetta does not manage are never
 * read or touched): inventory items 25 at a time, then each SKU's offer on this marketplace.
 */
export async function readListings(api: EbayApiContext, skus: readonly string[]): Promise<Map<string, RemoteListing>> {
  const items = new Map<string, InventoryItemRead>();
  for (let i = 0; i < skus.length; i += BULK_MAX) {
    const entries = await bulkGetInventoryItem(api, skus.slice(i, i + BULK_MAX));
    for (const e of entries) if (e.sku && e.statusCode === 200 && e.inventoryItem) items.set(e.sku, e.inventoryItem);
  }
  const out = new Map<string, RemoteListing>();
  await Promise.all(
    skus.map(async (sku) => {
      const offer = pickOffer(await getOffers(api, sku));
      out.set(sku, remoteListing(sku, items.get(sku), offer));
    }),
  );
  return new Map(skus.map((sku) => [sku, out.get(sku) as RemoteListing]));
}
