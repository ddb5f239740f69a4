import { listingAsin, listingLeadTime, listingPrice, listingQuantity, listingStatus } from './amazon-listing-view.js';
import { iso } from './clock.js';
import { itemView } from './ebay-inventory.js';
import { isLive, listedQuantity, offerPrice } from './ebay-listing.js';
import { offersOfSku, offerView } from './ebay-ops.js';
import { locationView } from './ebay-locations.js';
import type { EbayOfferState, SimState } from './state.js';

/** What Amazon holds for one SKU, flattened for assertions. Price is `value_with_tax` as sent (a number). */
export interface AmazonListingSnapshot {
  sku: string;
  productType: string;
  marketplaceId: string;
  asin?: string;
  price?: { amount: number; currency: string };
  /** Merchant-fulfilled (DEFAULT) quantity. */
  quantity: number;
  /** `lead_time_to_ship_max_days` of the merchant-fulfilled stock, when the listing holds one. */
  leadTimeDays?: number;
  /** summaries[].status: BUYABLE / DISCOVERABLE. */
  status: string[];
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** An eBay listing as buyers see it. Price is the offer's `{value, currency}` decimal string. */
export interface EbayListingSnapshot {
  sku: string;
  offerId: string;
  listingId: string;
  marketplaceId: string;
  listingStatus: NonNullable<EbayOfferState['listing']>['listingStatus'];
  offerStatus: 'PUBLISHED' | 'UNPUBLISHED';
  price?: { value: string; currency: string };
  /** Quantity buyers can purchase: min(item stock, offer availableQuantity). */
  quantity: number;
  soldQuantity: number;
}

export function amazonSnapshot(state: SimState, sku: string): AmazonListingSnapshot | undefined {
  const l = state.amazon.listings.get(sku);
  if (!l) return undefined;
  const mp = l.marketplaceIds[0] ?? state.amazon.marketplaceIds[0] ?? '';
  const snap: AmazonListingSnapshot = {
    sku, productType: l.productType, marketplaceId: mp, quantity: listingQuantity(l), status: listingStatus(state, l, mp),
    attributes: structuredClone(l.attributes), createdAt: iso(l.createdMs), updatedAt: iso(l.updatedMs),
  };
  const asin = listingAsin(state, l, mp);
  if (asin) snap.asin = asin;
  const price = listingPrice(l, mp);
  if (price) snap.price = price;
  const lead = listingLeadTime(l);
  if (lead !== undefined) snap.leadTimeDays = lead;
  return snap;
}

function ebayListingFor(state: SimState, sku: string): EbayListingSnapshot | undefined {
  const offers = offersOfSku(state, sku).filter((o) => o.listing);
  const o = offers.find((x) => x.status === 'PUBLISHED') ?? offers[offers.length - 1];
  if (!o?.listing) return undefined;
  const snap: EbayListingSnapshot = {
    sku, offerId: o.offerId, listingId: o.listing.listingId, marketplaceId: o.marketplaceId, listingStatus: o.listing.listingStatus,
    offerStatus: o.status, quantity: o.status === 'PUBLISHED' && isLive(o) ? listedQuantity(state, o) : 0, soldQuantity: o.listing.soldQuantity,
  };
  const price = offerPrice(o);
  if (price) snap.price = price;
  return snap;
}

export function ebayInspect(state: SimState) {
  return {
    /** The inventory item as getInventoryItem returns it (with sku and locale). */
    inventoryItem: (sku: string) => itemView(state, sku),
    inventoryItems: () => [...state.ebay.items.keys()].map((s) => itemView(state, s)),
    /** Every offer as getOffer returns it. */
    offers: () => [...state.ebay.offers.values()].map((o) => offerView(state, o)),
    listingFor: (sku: string) => ebayListingFor(state, sku),
    locations: () => [...state.ebay.locations.values()].map(locationView),
    /** Revisions counted today for a listing. */
    revisions: (listingId: string) => state.ebay.revisions.get(listingId)?.count ?? 0,
    /**
     * eBay ends a live listing by itself (a policy removal: EBAY_ENDED; or ENDED, INACTIVE) while
     * the offer stays PUBLISHED, as getOffers then shows it.
     */
    endListing: (sku: string, status: 'ENDED' | 'EBAY_ENDED' | 'INACTIVE' = 'EBAY_ENDED') => {
      const o = offersOfSku(state, sku).find((x) => x.status === 'PUBLISHED' && x.listing);
      if (!o?.listing) throw new Error(`endListing: eBay SKU ${sku} has no published offer`);
      o.listing.listingStatus = status;
    },
    optIn: (program: string) => void state.ebay.programs.add(program),
    optOut: (program: string) => void state.ebay.programs.delete(program),
  };
}
