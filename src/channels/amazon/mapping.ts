import { currencyDigits, decimalToMinor, minorToNumber, type Minor } from '../../domain/money.js';
import type { RemoteListing } from '../../domain/listing.js';
import type { Offer } from '../../domain/offer.js';
import type { ChannelIssue, ListingChange } from '../channel.js';
import type { PatchOperation } from './feed-document.js';
import { gpsrAttributes } from './gpsr.js';
import type { ListingItem } from './schemas.js';

/** Listing attributes: every value is an array of objects (listingsItems_2021-08-01 PutRequest). */
export type Attributes = Record<string, Array<Record<string, unknown>>>;

/** What every listing body needs besides the offer itself. */
export interface ListingContext {
  marketplaceId: string;
  /** config.condition, e.g. `new_new`. */
  condition: string;
}

/** The product type used when the catalogue gave none; Amazon accepts it for offer-only PUTs and PATCHes (reference §4). */
export const GENERIC_PRODUCT_TYPE = 'PRODUCT';

/** `purchasable_offer`: the VAT-inclusive shelf price for all buyers of one store. */
export function purchasableOffer(offer: Offer, marketplaceId: string): Attributes[string] {
  return [
    {
      marketplace_id: marketplaceId,
      currency: offer.currency,
      audience: 'ALL',
      our_price: [{ schedule: [{ value_with_tax: minorToNumber(offer.priceMinor, currencyDigits(offer.currency)) }] }],
    },
  ];
}

/** `fulfillment_availability`: merchant-fulfilled stock (`DEFAULT`; the AMAZON_* codes are FBA). */
export function fulfillmentAvailability(quantity: number): Attributes[string] {
  return [{ fulfillment_channel_code: 'DEFAULT', quantity }];
}

/**
 * The attributes of an offer-only listing on an existing ASIN: suggested ASIN, condition,
 * price, quantity, and the GPSR contacts where the product's safety data has them.
 */
export function offerOnlyAttributes(
  offer: Offer,
  asin: string,
  ctx: ListingContext,
): { attributes: Attributes; warnings: ChannelIssue[] } {
  const { marketplaceId } = ctx;
  const gpsr = gpsrAttributes(offer.product.safety, marketplaceId);
  return {
    attributes: {
      merchant_suggested_asin: [{ value: asin, marketplace_id: marketplaceId }],
      condition_type: [{ value: ctx.condition, marketplace_id: marketplaceId }],
      purchasable_offer: purchasableOffer(offer, marketplaceId),
      fulfillment_availability: fulfillmentAvailability(offer.quantity),
      ...gpsr.attributes,
    },
    warnings: gpsr.warnings,
  };
}

/** JSON-Patch operations for an update: only what changed, each attribute replaced whole. */
export function updatePatches(
  change: Extract<ListingChange, { kind: 'update' }>,
  ctx: ListingContext,
): PatchOperation[] {
  const patches: PatchOperation[] = [];
  if (change.fields.includes('price')) {
    patches.push({ op: 'replace', path: '/attributes/purchasable_offer', value: purchasableOffer(change.offer, ctx.marketplaceId) });
  }
  if (change.fields.includes('quantity')) {
    patches.push({ op: 'replace', path: '/attributes/fulfillment_availability', value: fulfillmentAvailability(change.offer.quantity) });
  }
  // Offer-only listings show Amazon's catalogue content; of the content fields only the
  // per-SKU GPSR contacts belong to the offer.
  if (change.fields.includes('content')) {
    for (const [name, value] of Object.entries(gpsrAttributes(change.offer.product.safety, ctx.marketplaceId).attributes)) {
      patches.push({ op: 'replace', path: `/attributes/${name}`, value });
    }
  }
  return patches;
}

/** Delisting by `delistBy: zero`: the listing stays, unbuyable. */
export function zeroQuantityPatches(): PatchOperation[] {
  return [{ op: 'replace', path: '/attributes/fulfillment_availability', value: fulfillmentAvailability(0) }];
}

/** A listings item as searchListingsItems returns it → what is live for that SKU in one store. */
export function remoteListingFromItem(item: ListingItem, marketplaceId: string): RemoteListing {
  const summary = item.summaries?.find((s) => s.marketplaceId === marketplaceId);
  const offer =
    item.offers?.find((o) => o.marketplaceId === marketplaceId && o.offerType === 'B2C' && (o.audience?.value ?? 'ALL') === 'ALL') ??
    item.offers?.find((o) => o.marketplaceId === marketplaceId && o.offerType === 'B2C');
  const stock = item.fulfillmentAvailability?.find((f) => f.fulfillmentChannelCode === 'DEFAULT');
  const productType =
    summary?.productType ?? item.productTypes?.find((p) => p.marketplaceId === marketplaceId)?.productType;
  const priceMinor: Minor | undefined = offer
    ? decimalToMinor(offer.price.amount, currencyDigits(offer.price.currencyCode))
    : undefined;
  return {
    sku: item.sku,
    // BUYABLE is the status that means shoppers can buy it (ItemSummaryByMarketplace.status).
    status: summary ? (summary.status.includes('BUYABLE') ? 'active' : 'inactive') : 'inactive',
    remote: {
      ...(summary?.asin ? { asin: summary.asin } : {}),
      ...(productType ? { productType } : {}),
    },
    ...(priceMinor !== undefined ? { priceMinor } : {}),
    ...(stock?.quantity !== undefined ? { quantity: stock.quantity } : {}),
    ...(offer ? { currency: offer.price.currencyCode } : {}),
  };
}
