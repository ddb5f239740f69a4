// Builders for planner/executor unit tests: plain offers and ledger listings with overridable fields.
import type { Offer } from '../../src/domain/offer.js';
import type { LedgerListing } from '../../src/ledger/ledger-listing.js';

export function offer(sku: string, over: Partial<Offer> = {}): Offer {
  return {
    channel: 'ebay',
    sku,
    priceMinor: 1290,
    currency: 'EUR',
    quantity: 5,
    floorMinor: 900,
    product: { sku, line: 2, title: `Product ${sku}`, priceMinor: 1190, costMinor: 600, quantity: 6, imageCount: 0, httpsImage: false, images: [], safety: {} },
    contentHash: `hash-${sku}`,
    reason: 'rule-a',
    ...over,
  };
}

export function listing(sku: string, over: Partial<LedgerListing> = {}): LedgerListing {
  return {
    channel: 'ebay',
    sku,
    status: 'active',
    remote: { offerId: `o-${sku}`, listingId: `l-${sku}` },
    priceMinor: 1290,
    quantity: 5,
    contentHash: `hash-${sku}`,
    pinned: false,
    revisionsToday: 0,
    updatedAt: '2026-11-22T10:00:00.000Z',
    ...over,
  };
}
