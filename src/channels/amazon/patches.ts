import type { RemoteRef } from '../../domain/listing.js';
import type { Offer } from '../../domain/offer.js';
import type { ListingChange } from '../channel.js';
import type { PatchOperation } from './feed-document.js';
import { gpsrAttributes, gpsrContacts } from './gpsr.js';
import { fulfillmentAvailability, listPrice, purchasableOffer, type Attributes, type ListingContext } from './mapping.js';
import { productFacts } from './product-attributes.js';

/** JSON-Patch operations for an update: only what changed, each attribute replaced whole. */
export function updatePatches(
  change: Extract<ListingChange, { kind: 'update' }>,
  ctx: ListingContext,
): PatchOperation[] {
  const patches: PatchOperation[] = [];
  if (change.fields.includes('price')) {
    patches.push({ op: 'replace', path: '/attributes/purchasable_offer', value: purchasableOffer(change.offer, ctx.marketplaceId) });
    for (const [name, value] of Object.entries(listPrice(change.offer, ctx.marketplaceId, ctx.shopCurrency))) {
      patches.push({ op: 'replace', path: `/attributes/${name}`, value });
    }
  }
  if (change.fields.includes('quantity')) {
    patches.push({ op: 'replace', path: '/attributes/fulfillment_availability', value: fulfillmentAvailability(change.offer.quantity, ctx.handlingDays) });
  }
  if (change.fields.includes('content')) {
    for (const [name, value] of Object.entries(contentAttributes(change.offer, change.remote, ctx))) {
      patches.push({ op: 'replace', path: `/attributes/${name}`, value });
    }
  }
  return patches;
}

/**
 * The content attributes an update sends: a product civetta created (`ownsProduct`) gets its
 * product facts again (title, brand, EAN, description, images, safety warning, GPSR); an offer on
 * Amazon's product shows Amazon's content, and of the content only the per-SKU GPSR contacts
 * belong to the offer.
 */
function contentAttributes(offer: Offer, remote: RemoteRef, ctx: ListingContext): Attributes {
  if (remote.ownsProduct) return productFacts(offer, ctx);
  return gpsrAttributes(offer.product.safety, ctx.marketplaceId).attributes;
}

/**
 * Whether a content change of this listing is sent: always for a product civetta created; for
 * an offer on Amazon's product only when its GPSR contacts differ from the ones the listing was
 * last read back with (the rest is Amazon's content, shown from the catalogue).
 */
export function sendsContent(offer: Offer, remote: RemoteRef, ctx: ListingContext): boolean {
  if (remote.ownsProduct) return true;
  const wanted = gpsrContacts(gpsrAttributes(offer.product.safety, ctx.marketplaceId).attributes, ctx.marketplaceId);
  return wanted !== '' && wanted !== remote.gpsrContacts;
}

/** Delisting by `delistBy: zero`: the listing stays, unbuyable. */
export function zeroQuantityPatches(handlingDays: number): PatchOperation[] {
  return [{ op: 'replace', path: '/attributes/fulfillment_availability', value: fulfillmentAvailability(0, handlingDays) }];
}
