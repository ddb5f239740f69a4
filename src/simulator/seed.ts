import type { SimulatorOptions } from './options.js';
import type { SimState } from './state.js';

/** Puts the pre-existing marketplace state of the options in place (adoption tests, demo). */
export function seedState(state: SimState, o: SimulatorOptions): void {
  const now = state.clock.nowMs();
  for (const l of o.amazon?.listings ?? []) {
    state.amazon.listings.set(l.sku, {
      sku: l.sku, productType: l.productType ?? 'PRODUCT', attributes: structuredClone(l.attributes),
      marketplaceIds: [l.marketplaceId ?? state.amazon.marketplaceIds[0] ?? 'APJ6JRA9NG5V4'], createdMs: now, updatedMs: now,
    });
  }
  for (const loc of o.ebay?.locations ?? []) {
    const { merchantLocationKey, merchantLocationStatus, ...body } = loc;
    state.ebay.locations.set(merchantLocationKey, { merchantLocationKey, body, status: merchantLocationStatus === 'DISABLED' ? 'DISABLED' : 'ENABLED' });
  }
  for (const i of o.ebay?.inventoryItems ?? []) {
    state.ebay.items.set(i.sku, { sku: i.sku, locale: i.locale ?? 'it_IT', item: structuredClone(i.item) });
  }
  for (const s of o.ebay?.offers ?? []) {
    const offerId = s.offerId ?? String(9_000_000_000 + state.nextId('ebay-offer'));
    state.ebay.offers.set(offerId, {
      offerId, sku: s.sku, marketplaceId: s.marketplaceId ?? 'EBAY_IT', format: s.format ?? 'FIXED_PRICE',
      details: structuredClone(s.details ?? {}), status: s.listingId ? 'PUBLISHED' : 'UNPUBLISHED',
      ...(s.listingId ? { listing: { listingId: s.listingId, listingStatus: 'ACTIVE' as const, soldQuantity: 0, listingOnHold: false } } : {}),
    });
  }
}
