import type { RemoteListing } from '../../domain/listing.js';
import { decimalToMinor, minorToDecimal } from '../../domain/money.js';
import type { Offer } from '../../domain/offer.js';
import type { StockProduct } from '../../domain/stock-item.js';
import type { ResolvedCategory } from './category-map.js';
import type { MarketplaceFacts } from './marketplaces.js';
import { regulatoryFrom } from './gpsr.js';
import type { InventoryItemRead, OfferRead } from './schemas.js';

/** Contract limits (sell_inventory_v1_oas3.json, Product): title ≤ 80, description ≤ 4,000, 1–24 https pictures. */
export const TITLE_MAX = 80;
const DESCRIPTION_MAX = 4000;
const IMAGES_MAX = 24;

/** The full inventory item civetta sends (createOrReplaceInventoryItem is a full replace, reference §5). */
export interface InventoryItemPayload {
  condition: string;
  availability: { shipToLocationAvailability: { quantity: number } };
  product: {
    title: string;
    description: string;
    aspects: Record<string, string[]>;
    brand?: string;
    ean: string[];
    imageUrls: string[];
  };
  packageWeightAndSize?: unknown;
  [key: string]: unknown;
}

/** What the channel config fixes for every offer. */
export interface OfferSettings {
  marketplaceId: string;
  merchantLocationKey: string;
  policies: { fulfillment: string; payment: string; return: string };
  includeCatalogProductDetails: boolean;
}

/** The full createOffer body (updateOffer takes it minus sku, marketplaceId, format). */
export interface OfferPayload {
  sku: string;
  marketplaceId: string;
  format: 'FIXED_PRICE';
  listingDuration: 'GTC';
  availableQuantity: number;
  categoryId: string;
  merchantLocationKey: string;
  listingPolicies: { fulfillmentPolicyId: string; paymentPolicyId: string; returnPolicyId: string; [key: string]: unknown };
  pricingSummary: { price: { value: string; currency: string }; [key: string]: unknown };
  listingDescription: string;
  includeCatalogProductDetails: boolean;
  regulatory?: unknown;
  [key: string]: unknown;
}

/** Cuts at a word boundary when it can, so eBay never refuses a long shop title. */
export function listingTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= TITLE_MAX) return clean;
  const cut = clean.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return (space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trim();
}

/** eBay accepts only https picture URLs, at most 24 (contract: Product.imageUrls). */
export function listingImages(images: readonly string[]): string[] {
  return images.filter((url) => /^https:\/\//i.test(url)).slice(0, IMAGES_MAX);
}

/** The item description: the shop's text, else the title; never longer than eBay allows. */
function itemDescription(product: StockProduct): string {
  return (product.description?.trim() || product.title.trim()).slice(0, DESCRIPTION_MAX);
}

/** The listing's description (HTML): the shop's text plus the product-safety warnings, escaped. */
function listingDescription(product: StockProduct): string {
  const parts = [escapeHtml(itemDescription(product)).replace(/\r?\n/g, '<br>')];
  if (product.safety.warnings?.trim()) parts.push(`<p>${escapeHtml(product.safety.warnings.trim())}</p>`);
  return parts.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Offer → the full inventory item: title, description, aspects as lists, pictures, EAN, NEW, quantity. */
export function inventoryItemPayload(offer: Offer, category: ResolvedCategory, facts: MarketplaceFacts): InventoryItemPayload {
  const p = offer.product;
  return {
    condition: 'NEW',
    availability: { shipToLocationAvailability: { quantity: offer.quantity } },
    product: {
      title: listingTitle(p.title),
      description: itemDescription(p),
      aspects: category.aspects,
      ...(p.brand ? { brand: p.brand } : {}),
      ean: [p.ean ?? facts.doesNotApply],
      imageUrls: listingImages(p.images),
    },
  };
}

/**
 * Read-modify-write of an item eBay already holds: civetta's fields win, but nothing eBay has
 * is dropped by omission — aspects are merged, and an EAN or pictures civetta lacks are kept
 * (a partial replace silently erases them, reference §9 "Replace, not patch").
 */
export function mergeInventoryItem(existing: InventoryItemRead | undefined, ours: InventoryItemPayload): InventoryItemPayload {
  if (!existing) return ours;
  const { sku: _sku, locale: _locale, groupIds: _g, inventoryItemGroupKeys: _k, ...kept } = existing;
  const old = existing.product ?? {};
  const ourEanIsReal = ours.product.ean.some((e) => /^\d{8,14}$/.test(e));
  return {
    ...kept,
    ...ours,
    product: {
      ...old,
      ...ours.product,
      aspects: { ...(old.aspects ?? {}), ...ours.product.aspects },
      ean: ourEanIsReal || !old.ean?.length ? ours.product.ean : old.ean,
      imageUrls: ours.product.imageUrls.length ? ours.product.imageUrls : (old.imageUrls ?? []),
    },
  };
}

/** Offer → the full createOffer body. */
export function offerPayload(offer: Offer, category: ResolvedCategory, settings: OfferSettings): OfferPayload {
  const regulatory = regulatoryFrom(offer.product.safety);
  return {
    sku: offer.sku,
    marketplaceId: settings.marketplaceId,
    format: 'FIXED_PRICE',
    listingDuration: 'GTC',
    availableQuantity: offer.quantity,
    categoryId: category.categoryId,
    merchantLocationKey: settings.merchantLocationKey,
    listingPolicies: {
      fulfillmentPolicyId: settings.policies.fulfillment,
      paymentPolicyId: settings.policies.payment,
      returnPolicyId: settings.policies.return,
    },
    pricingSummary: { price: { value: minorToDecimal(offer.priceMinor), currency: offer.currency } },
    listingDescription: listingDescription(offer.product),
    includeCatalogProductDetails: settings.includeCatalogProductDetails,
    ...(regulatory ? { regulatory } : {}),
  };
}

/**
 * The updateOffer body: the offer eBay holds with civetta's fields laid over it (updateOffer is
 * a full replace too), minus what updateOffer does not take (reference §5 step 4).
 */
export function updateOfferPayload(existing: OfferRead | undefined, ours: OfferPayload): Record<string, unknown> {
  const { offerId: _o, status: _s, listing: _l, sku: _k, marketplaceId: _m, format: _f, ...kept } = existing ?? { offerId: '' };
  const { sku: _sku, marketplaceId: _mkt, format: _fmt, ...mine } = ours;
  return {
    ...kept,
    ...mine,
    listingPolicies: { ...(existing?.listingPolicies ?? {}), ...ours.listingPolicies },
    pricingSummary: { ...(existing?.pricingSummary ?? {}), ...ours.pricingSummary },
    // The seller may have added safety pictograms, documents or hazmat data in Seller Hub:
    // civetta only owns the manufacturer and responsible persons.
    ...(existing?.regulatory || ours.regulatory
      ? { regulatory: { ...asRecord(existing?.regulatory), ...asRecord(ours.regulatory) } }
      : {}),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** What eBay holds for one SKU, read back, as the domain's RemoteListing (reference §5 step 7). */
export function remoteListing(sku: string, item: InventoryItemRead | undefined, offer: OfferRead | undefined): RemoteListing {
  if (!item && !offer) return { sku, status: 'missing', remote: {} };
  const remote = {
    ...(offer ? { offerId: offer.offerId } : {}),
    ...(offer?.listing?.listingId ? { listingId: offer.listing.listingId } : {}),
  };
  const price = offer?.pricingSummary?.price;
  const itemQuantity = item?.availability?.shipToLocationAvailability?.quantity;
  const quantities = [itemQuantity, offer?.availableQuantity].filter((q): q is number => q !== undefined);
  const priceMinor = price ? decimalToMinor(price.value) : undefined;
  return {
    sku,
    status: listingStatus(offer),
    remote,
    ...(priceMinor !== undefined ? { priceMinor } : {}),
    ...(price ? { currency: price.currency } : {}),
    ...(quantities.length ? { quantity: Math.min(...quantities) } : {}),
  };
}

/**
 * The listing id of an offer whose listing is live (ACTIVE, or OUT_OF_STOCK: hidden at 0 and
 * back by itself). A PUBLISHED offer whose listing eBay ended (ENDED, EBAY_ENDED) or hides
 * (INACTIVE) has none: only publishing it again lists it, under a new id.
 */
export function liveListingId(offer: OfferRead | undefined): string | undefined {
  return offer && listingStatus(offer) === 'active' ? offer.listing?.listingId : undefined;
}

/** Offer status × listing status (portal OfferStatusEnum, ListingStatusEnum) → the domain's word. */
function listingStatus(offer: OfferRead | undefined): RemoteListing['status'] {
  if (offer?.status !== 'PUBLISHED') return 'inactive';
  switch (offer.listing?.listingStatus) {
    case 'ENDED':
    case 'EBAY_ENDED':
      return 'ended';
    case 'INACTIVE':
    case 'NOT_LISTED':
      return 'inactive';
    default:
      // ACTIVE, and OUT_OF_STOCK (alive but hidden at quantity 0, reference §5 "Out of stock").
      return 'active';
  }
}
