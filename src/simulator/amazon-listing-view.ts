import { catalogByAsin } from './amazon-catalog.js';
import { liveIssues, suppresses } from './amazon-listing-issues.js';
import { iso } from './clock.js';
import type { AmazonListingState, SimState } from './state.js';

type Obj = Record<string, unknown>;

function first(attrs: Obj, name: string, marketplaceId: string): Obj | undefined {
  const v = attrs[name];
  if (!Array.isArray(v)) return undefined;
  const list = v.filter((e): e is Obj => typeof e === 'object' && e !== null);
  return list.find((e) => e.marketplace_id === marketplaceId) ?? list.find((e) => e.marketplace_id === undefined);
}

/** The price Amazon holds for the marketplace: first schedule value of our_price, as a number. */
export function listingPrice(l: AmazonListingState, marketplaceId: string): { amount: number; currency: string } | undefined {
  const offer = first(l.attributes, 'purchasable_offer', marketplaceId);
  const ourPrice = offer?.our_price;
  if (!offer || !Array.isArray(ourPrice)) return undefined;
  const schedule = (ourPrice[0] as Obj | undefined)?.schedule;
  const value = Array.isArray(schedule) ? (schedule[0] as Obj | undefined)?.value_with_tax : undefined;
  return typeof value === 'number' ? { amount: value, currency: String(offer.currency) } : undefined;
}

/** Merchant-fulfilled (DEFAULT) quantity. */
export function listingQuantity(l: AmazonListingState): number {
  const fa = l.attributes.fulfillment_availability;
  if (!Array.isArray(fa)) return 0;
  const d = (fa as Obj[]).find((e) => e.fulfillment_channel_code === 'DEFAULT');
  return typeof d?.quantity === 'number' ? d.quantity : 0;
}

export function listingAsin(state: SimState, l: AmazonListingState, marketplaceId: string): string | undefined {
  const v = first(l.attributes, 'merchant_suggested_asin', marketplaceId)?.value;
  return typeof v === 'string' && catalogByAsin(state, v) ? v : undefined;
}

export function listingStatus(state: SimState, l: AmazonListingState, marketplaceId: string): string[] {
  const asin = listingAsin(state, l, marketplaceId);
  const price = listingPrice(l, marketplaceId);
  if (!asin || !price) return [];
  if (liveIssues(state, l, marketplaceId, asin).some(suppresses)) return [];
  return listingQuantity(l) > 0 ? ['BUYABLE', 'DISCOVERABLE'] : ['DISCOVERABLE'];
}

/** Lead time in days of the merchant-fulfilled stock, when the listing holds one. */
export function listingLeadTime(l: AmazonListingState): number | undefined {
  const fa = l.attributes.fulfillment_availability;
  if (!Array.isArray(fa)) return undefined;
  const d = (fa as Obj[]).find((e) => e.fulfillment_channel_code === 'DEFAULT');
  return typeof d?.lead_time_to_ship_max_days === 'number' ? d.lead_time_to_ship_max_days : undefined;
}

export const LISTING_INCLUDED = ['summaries', 'attributes', 'issues', 'offers', 'fulfillmentAvailability', 'procurement', 'relationships', 'productTypes'];

/** A listings `Item` as getListingsItem returns it, with the requested datasets. */
export function listingView(state: SimState, l: AmazonListingState, marketplaceId: string, included: string[]): Obj {
  const item: Obj = { sku: l.sku };
  const asin = listingAsin(state, l, marketplaceId);
  if (included.includes('summaries')) {
    const s: Obj = { marketplaceId };
    if (asin) s.asin = asin;
    s.productType = l.productType;
    const cond = first(l.attributes, 'condition_type', marketplaceId)?.value;
    if (typeof cond === 'string') s.conditionType = cond;
    s.status = listingStatus(state, l, marketplaceId);
    const name = first(l.attributes, 'item_name', marketplaceId)?.value ?? (asin ? catalogByAsin(state, asin)?.title : undefined);
    if (typeof name === 'string') s.itemName = name;
    s.createdDate = iso(l.createdMs);
    s.lastUpdatedDate = iso(l.updatedMs);
    item.summaries = [s];
  }
  if (included.includes('attributes')) item.attributes = structuredClone(l.attributes);
  if (included.includes('issues')) item.issues = liveIssues(state, l, marketplaceId, asin).map((i) => ({ ...i, marketplaceIds: [marketplaceId] }));
  if (included.includes('offers')) {
    const price = listingPrice(l, marketplaceId);
    item.offers = price
      ? [{ marketplaceId, offerType: 'B2C', price: { currencyCode: price.currency, amount: String(price.amount) }, audience: { value: 'ALL', displayName: 'Sales to all customers' } }]
      : [];
  }
  if (included.includes('fulfillmentAvailability')) {
    const fa = Array.isArray(l.attributes.fulfillment_availability) ? (l.attributes.fulfillment_availability as Obj[]) : [];
    item.fulfillmentAvailability = fa.map((f) => {
      const out: Obj = { fulfillmentChannelCode: f.fulfillment_channel_code };
      if (typeof f.quantity === 'number') out.quantity = f.quantity;
      return out;
    });
  }
  if (included.includes('productTypes')) item.productTypes = [{ marketplaceId, productType: l.productType }];
  if (included.includes('procurement')) item.procurement = [];
  if (included.includes('relationships')) item.relationships = [];
  return item;
}
