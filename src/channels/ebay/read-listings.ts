import type { RemoteListing } from '../../domain/listing.js';
import type { EbayApiContext } from './api-context.js';
import { bulkGetInventoryItem } from './bulk-api.js';
import { batches } from './bulk-items.js';
import { pickOffer } from './create-listing.js';
import { getOffers } from './inventory-api.js';
import { remoteListing } from './mapping.js';
import { BULK_MAX } from './rate-limits.js';
import type { InventoryItemRead } from './schemas.js';

/**
 * What eBay holds for these SKUs (and only these: items civetta does not manage are never
 * read or touched): inventory items 25 at a time, then each held SKU's offer on this
 * marketplace. A SKU eBay answers 404 for has no offer either (an offer needs its item,
 * createOffer 25702; deleting the item deletes its offers, reference §5), so it costs no
 * getOffers: a first sync reads 25 new hooks in one call.
 */
export async function readListings(api: EbayApiContext, skus: readonly string[]): Promise<Map<string, RemoteListing>> {
  const items = new Map<string, InventoryItemRead>();
  const absent = new Set<string>();
  const answers = await Promise.all(batches(skus, BULK_MAX).map((batch) => bulkGetInventoryItem(api, batch)));
  for (const e of answers.flat()) {
    if (!e.sku) continue;
    if (e.statusCode === 200 && e.inventoryItem) items.set(e.sku, e.inventoryItem);
    else if (e.statusCode === 404) absent.add(e.sku);
  }
  const out = new Map<string, RemoteListing>();
  await Promise.all(
    skus.map(async (sku) => {
      const offer = absent.has(sku) ? undefined : pickOffer(await getOffers(api, sku));
      out.set(sku, remoteListing(sku, items.get(sku), offer));
    }),
  );
  return new Map(skus.map((sku) => [sku, out.get(sku) as RemoteListing]));
}
