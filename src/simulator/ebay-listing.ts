import { ebayEntry, type EbayErrorEntry } from './ebay-errors.js';
import { INV, isMoney } from './ebay-common.js';
import { regulatoryProblems } from './ebay-regulatory.js';
import { categoryById, localized } from './ebay-taxonomy-data.js';
import { EBAY_MARKETPLACES } from './marketplaces.js';
import type { EbayItemState, EbayOfferState, SimState } from './state.js';

type Obj = Record<string, unknown>;

function itemQuantity(item: EbayItemState | undefined): number {
  const q = ((item?.item.availability as Obj | undefined)?.shipToLocationAvailability as Obj | undefined)?.quantity;
  return typeof q === 'number' ? q : 0;
}

/** Quantity buyers can purchase: min(item stock, offer availableQuantity) (reference §5). */
export function listedQuantity(state: SimState, offer: EbayOfferState): number {
  const stock = itemQuantity(state.ebay.items.get(offer.sku));
  const aq = offer.details.availableQuantity;
  return typeof aq === 'number' ? Math.min(stock, aq) : stock;
}

export function offerPrice(offer: EbayOfferState): { value: string; currency: string } | undefined {
  const p = (offer.details.pricingSummary as Obj | undefined)?.price as Obj | undefined;
  return p && typeof p.value === 'string' && typeof p.currency === 'string' ? { value: p.value, currency: p.currency } : undefined;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A published offer whose listing buyers can still reach (hidden at 0 with out-of-stock control counts). */
export function isLive(offer: EbayOfferState): boolean {
  const s = offer.listing?.listingStatus;
  return offer.status === 'PUBLISHED' && (s === 'ACTIVE' || s === 'OUT_OF_STOCK');
}

/**
 * Counts one revision of a live listing; the 251st of a UTC day is refused (eBay: 250 revisions per
 * listing per calendar day, reference §5) with 25019 "cannot revise the listing". An ended
 * listing is not revised: writes to its offer or item change no listing.
 */
export function reviseListing(state: SimState, offer: EbayOfferState): EbayErrorEntry | undefined {
  const id = offer.listing?.listingId;
  if (!isLive(offer) || !id) return undefined;
  const day = utcDay(state.clock.nowMs());
  const cur = state.ebay.revisions.get(id);
  const count = cur && cur.day === day ? cur.count : 0;
  if (count >= state.ebay.revisionCap) {
    return ebayEntry(25019, INV, `This listing cannot be revised: the maximum of ${state.ebay.revisionCap} revisions per day for listing ${id} has been reached.`, { listingId: id });
  }
  state.ebay.revisions.set(id, { day, count: count + 1 });
  return undefined;
}

/**
 * Without OUT_OF_STOCK_CONTROL a live GTC listing at quantity 0 ends, and stays ended when stock
 * returns, while its offer stays PUBLISHED (getOffers shows status PUBLISHED with
 * listing.listingStatus ENDED): only publishing again lists it, under a new listingId. With the
 * opt-in it waits hidden and comes back by itself.
 */
export function settleStock(state: SimState, offer: EbayOfferState): void {
  if (!isLive(offer) || !offer.listing) return;
  const qty = listedQuantity(state, offer);
  if (qty > 0) {
    offer.listing.listingStatus = 'ACTIVE';
  } else if (state.ebay.programs.has('OUT_OF_STOCK_CONTROL')) {
    offer.listing.listingStatus = 'OUT_OF_STOCK';
  } else {
    offer.listing.listingStatus = 'ENDED';
  }
}

function policyError(state: SimState, offer: EbayOfferState, type: 'fulfillment' | 'payment' | 'return', errorId: number, label: string): EbayErrorEntry | undefined {
  const id = (offer.details.listingPolicies as Obj | undefined)?.[`${type}PolicyId`];
  if (typeof id !== 'string' || id.length === 0) {
    return ebayEntry(errorId, INV, `The eBay listing associated with the inventory item, or the unpublished offer has invalid data in the associated ${label} policy. ${label} policy is missing.`);
  }
  const known = state.ebay.policies.find((p) => p.id === id);
  if (!known) return ebayEntry(25035, INV, 'The specified policy is not found for the market place', { policyId: id });
  if (known.type !== type) return ebayEntry(25036, INV, `The policy(ies) ${id} is not of type ${type.toUpperCase()}_POLICY`, { policyId: id });
  if (known.marketplaceId !== offer.marketplaceId) return ebayEntry(25035, INV, 'The specified policy is not found for the market place', { policyId: id });
  return undefined;
}

/** Everything publishOffer checks, in the order eBay reports them (contract 400 errors of publishOffer). */
export function publishProblems(state: SimState, offer: EbayOfferState): EbayErrorEntry[] {
  const errs: EbayErrorEntry[] = [];
  const item = state.ebay.items.get(offer.sku);
  if (!item) return [ebayEntry(25702, INV, `${offer.sku} could not be found or is not available in the system.`, { sku: offer.sku })];
  if (!state.ebay.sellerRegistrationCompleted) errs.push(ebayEntry(25018, INV, 'Incomplete account information. Seller registration is not completed.'));
  if (!state.ebay.programs.has('SELLING_POLICY_MANAGEMENT')) errs.push(ebayEntry(25007, INV, 'The seller is not opted in to business policies (SELLING_POLICY_MANAGEMENT).'));
  for (const [type, id, label] of [['fulfillment', 25007, 'Fulfillment'], ['payment', 25008, 'Payment'], ['return', 25009, 'Return']] as const) {
    const e = policyError(state, offer, type, id, label);
    if (e) errs.push(e);
  }
  const categoryId = offer.details.categoryId;
  const category = typeof categoryId === 'string' ? categoryById(categoryId) : undefined;
  if (!category?.leaf) {
    errs.push(ebayEntry(25005, INV, 'The eBay listing associated with the inventory item, or the unpublished offer has an invalid category ID.', { categoryId: String(categoryId ?? '') }));
  }
  const key = offer.details.merchantLocationKey;
  if (typeof key !== 'string' || key.length === 0) {
    errs.push(ebayEntry(25002, INV, 'A user error has occurred. No <Item.Country> exists or <Item.Country> is specified as an empty tag in the request.'));
  } else if (!state.ebay.locations.has(key)) {
    errs.push(ebayEntry(25012, INV, `Invalid inventory location. The merchantLocationKey ${key} does not exist.`, { merchantLocationKey: key }));
  }
  const price = offerPrice(offer);
  const currency = EBAY_MARKETPLACES[offer.marketplaceId]?.currency;
  if (!price || !isMoney(price.value) || price.currency !== currency) {
    errs.push(ebayEntry(25003, INV, 'The eBay listing associated with the inventory item, or the unpublished offer has an invalid price.'));
  }
  if (listedQuantity(state, offer) <= 0) {
    errs.push(ebayEntry(25004, INV, 'The eBay listing associated with the inventory item, or the unpublished offer has an invalid quantity. The quantity must be a positive number.'));
  }
  const product = (item.item.product ?? {}) as Obj;
  if (typeof product.title !== 'string' || product.title.length === 0) errs.push(ebayEntry(25017, INV, 'Missing information in fields: title.', { fieldName: 'title' }));
  const description = offer.details.listingDescription ?? product.description;
  if (typeof description !== 'string' || description.length === 0) errs.push(ebayEntry(25017, INV, 'Missing information in fields: description.', { fieldName: 'description' }));
  if (!Array.isArray(product.imageUrls) || product.imageUrls.length === 0) {
    errs.push(ebayEntry(25014, INV, 'The eBay listing associated with the inventory item, or the unpublished offer has invalid pictures. At least one picture is required.'));
  } else if (product.imageUrls.some((u) => typeof u !== 'string' || !u.startsWith('https://'))) {
    errs.push(ebayEntry(25015, INV, 'The eBay listing associated with the inventory item, or the unpublished offer has an invalid picture URL. Picture URLs must use https.'));
  }
  if (typeof item.item.condition !== 'string') {
    errs.push(ebayEntry(25021, INV, 'The eBay listing associated with the inventory item, or the unpublished offer has invalid item condition information. Condition is required.'));
  }
  errs.push(...regulatoryProblems(offer.marketplaceId, offer.details.regulatory));
  if (category?.leaf) {
    const language = (EBAY_MARKETPLACES[offer.marketplaceId]?.language ?? 'en-US').slice(0, 2);
    const aspects = (product.aspects ?? {}) as Record<string, unknown>;
    for (const a of category.aspects.filter((x) => x.required)) {
      const name = localized(a.name, language);
      const v = aspects[name];
      if (!Array.isArray(v) || v.length === 0) errs.push(ebayEntry(25029, INV, `${name} is required for this category.`, { field: name }));
    }
  }
  return errs;
}

/** Publishes (or re-publishes) an offer; a new listingId is minted unless the listing is live. */
export function publish(state: SimState, offer: EbayOfferState): { listingId: string; warnings: EbayErrorEntry[] } {
  if (isLive(offer) && offer.listing) {
    return { listingId: offer.listing.listingId, warnings: [ebayEntry(25402, INV, 'System warning. The offer is already published; the listing was revised.', undefined, 'APPLICATION')] };
  }
  const listingId = String(110_000_000_000 + state.nextId('ebay-listing'));
  offer.status = 'PUBLISHED';
  offer.listing = { listingId, listingStatus: 'ACTIVE', soldQuantity: 0, listingOnHold: false };
  return { listingId, warnings: [] };
}
