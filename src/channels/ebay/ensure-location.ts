import type { EbayConfig } from '../../config/schema.js';
import type { EbayApiContext } from './api-context.js';
import { createInventoryLocation, getInventoryLocation } from './inventory-api.js';

/** What happened to the inventory location: there already, created now, or missing with nothing to create it from. */
export type LocationState = 'exists' | 'created' | 'missing';

/**
 * The inventory location every offer points at (`merchantLocationKey`): read, and created from
 * `channels.ebay.location` as a warehouse when eBay does not have it (reference §3 step 4;
 * publish refuses an offer without it, §9 "Location").
 */
export async function ensureLocation(api: EbayApiContext, config: EbayConfig): Promise<LocationState> {
  if (await getInventoryLocation(api, config.merchantLocationKey)) return 'exists';
  if (!config.location) return 'missing';
  const l = config.location;
  await createInventoryLocation(api, config.merchantLocationKey, {
    name: l.name,
    locationTypes: ['WAREHOUSE'],
    merchantLocationStatus: 'ENABLED',
    ...(l.phone ? { phone: l.phone } : {}),
    location: { address: { addressLine1: l.addressLine1, city: l.city, postalCode: l.postalCode, country: l.country } },
  });
  return 'created';
}
