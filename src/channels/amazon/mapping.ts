import { currencyDigits, decimalToMinor, minorToNumber, type Minor } from '../../domain/money.js';
import type { RemoteListing } from '../../domain/listing.js';
import type { Offer } from '../../domain/offer.js';
import type { ChannelIssue } from '../channel.js';
import { gpsrAttributes, gpsrContacts } from './gpsr.js';
import { explainIssue } from './error-explanations.js';
import { LIST_PRICE_MARKETPLACES } from './marketplaces.js';
import type { ListingItem } from './schemas.js';

/** Listing attributes: every value is an array of objects (listingsItems_2021-08-01 PutRequest). */
export type Attributes = Record<string, Array<Record<string, unknown>>>;

/** What every listing body needs besides the offer itself. */
export interface ListingContext {
  marketplaceId: string;
  /** config.condition, e.g. `new_new`. */
  condition: string;
  /** shop.handlingDays: sent as `lead_time_to_ship_max_days` with every quantity. */
  handlingDays: number;
  /** shop.currency: the currency of the stock file's shelf prices. */
  shopCurrency: string;
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

/**
 * `list_price` where the store asks for one (LIST_PRICE_MARKETPLACES): the shop's shelf price
 * (the stock file's price, VAT included) when it is not below the Amazon price, since Amazon
 * shows it as the reference price beside the offer; otherwise 0, Amazon's "no list price".
 */
export function listPrice(offer: Offer, marketplaceId: string, shopCurrency: string): Attributes {
  if (!LIST_PRICE_MARKETPLACES.has(marketplaceId)) return {};
  const shelf = offer.product.priceMinor;
  const value = shopCurrency === offer.currency && shelf >= offer.priceMinor ? minorToNumber(shelf, currencyDigits(offer.currency)) : 0;
  return { list_price: [{ marketplace_id: marketplaceId, currency: offer.currency, value_with_tax: value }] };
}

/**
 * `fulfillment_availability`: merchant-fulfilled stock (`DEFAULT`; the AMAZON_* codes are FBA)
 * with the shop's handling time. A `replace` keeps only what it carries, so every quantity sent
 * carries the lead time too, or Amazon falls back to its default.
 */
export function fulfillmentAvailability(quantity: number, handlingDays: number): Attributes[string] {
  return [{ fulfillment_channel_code: 'DEFAULT', quantity, lead_time_to_ship_max_days: handlingDays }];
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
      ...listPrice(offer, marketplaceId, ctx.shopCurrency),
      fulfillment_availability: fulfillmentAvailability(offer.quantity, ctx.handlingDays),
      ...gpsr.attributes,
    },
    warnings: gpsr.warnings,
  };
}

/** Amazon's ERROR issues on a live listing, in the shop owner's words where civetta knows the code. */
function errorIssues(item: ListingItem, marketplaceId: string): ChannelIssue[] {
  return (item.issues ?? [])
    .filter((i) => i.severity === 'ERROR' && (i.marketplaceIds === undefined || i.marketplaceIds.includes(marketplaceId)))
    .map((i) => {
      const explanation = explainIssue(i.code, i.categories ?? []);
      const field = i.attributeNames?.join(', ');
      return { code: i.code, message: i.message, ...(explanation ? { explanation } : {}), ...(field ? { field } : {}) };
    });
}

/** A listing Amazon holds but does not sell, and names no reason for (yet). */
const NO_REASON: ChannelIssue = {
  code: 'not-buyable',
  message: 'Amazon holds the listing with stock but does not show it as buyable, and names no issue',
  explanation:
    'Amazon may still be processing the last change (this can take minutes), or the listing was closed in Seller Central. ' +
    'civetta does not send the same offer again; it sends the next change of price, stock or content.',
};

/**
 * A listings item as searchListingsItems returns it → what is live for that SKU in one store.
 * BUYABLE (ItemSummaryByMarketplace.status) is `active`. A listing Amazon holds but does not sell
 * is `not-buyable` with Amazon's ERROR issues when it names any, or when it has stock (a listing
 * at 0 with no issue is just sold out: `inactive`).
 */
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
  const issues = errorIssues(item, marketplaceId);
  const contacts = item.attributes ? gpsrContacts(item.attributes, marketplaceId) : undefined;
  const buyable = summary?.status.includes('BUYABLE') ?? false;
  const held = summary !== undefined && !buyable && (issues.length > 0 || (stock?.quantity ?? 0) > 0);
  return {
    sku: item.sku,
    status: buyable ? 'active' : held ? 'not-buyable' : 'inactive',
    ...(held ? { issues: issues.length > 0 ? issues : [NO_REASON] } : {}),
    remote: {
      ...(summary?.asin ? { asin: summary.asin } : {}),
      ...(productType ? { productType } : {}),
      ...(contacts !== undefined ? { gpsrContacts: contacts } : {}),
    },
    ...(priceMinor !== undefined ? { priceMinor } : {}),
    ...(stock?.quantity !== undefined ? { quantity: stock.quantity } : {}),
    ...(offer ? { currency: offer.price.currencyCode } : {}),
  };
}
