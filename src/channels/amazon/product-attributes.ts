import type { Offer } from '../../domain/offer.js';
import type { ChannelIssue } from '../channel.js';
import { gpsrAttributes } from './gpsr.js';
import { fulfillmentAvailability, listPrice, purchasableOffer, type Attributes, type ListingContext } from './mapping.js';
import { marketplaceLanguage } from './marketplaces.js';

/** Amazon takes a main image and up to eight others (`other_product_image_locator_1..8`). */
const MAX_OTHER_IMAGES = 8;

/**
 * The product facts of a catalogue product civetta creates (`createProducts: true`), as the
 * stock file has them: title, brand, EAN, description, images, safety warning and the GPSR
 * contacts. Sent whole on create and again when the content changes.
 */
export function productFacts(offer: Offer, ctx: ListingContext): Attributes {
  const mp = ctx.marketplaceId;
  const lang = marketplaceLanguage(mp);
  const p = offer.product;
  const text = (value: string) => [{ value, language_tag: lang, marketplace_id: mp }];
  const attributes: Attributes = {
    item_name: text(p.title),
    ...(p.brand ? { brand: text(p.brand) } : {}),
    ...(p.ean ? { externally_assigned_product_identifier: [{ type: 'ean', value: p.ean, marketplace_id: mp }] } : {}),
    ...(p.description ? { product_description: text(p.description) } : {}),
    ...(p.safety.warnings ? { safety_warning: text(p.safety.warnings) } : {}),
    ...gpsrAttributes(p.safety, mp).attributes,
  };
  const [main, ...others] = p.images;
  if (main) attributes.main_product_image_locator = [{ media_location: main, marketplace_id: mp }];
  others.slice(0, MAX_OTHER_IMAGES).forEach((url, i) => {
    attributes[`other_product_image_locator_${i + 1}`] = [{ media_location: url, marketplace_id: mp }];
  });
  return attributes;
}

/**
 * A full LISTING (product facts + offer) for an EAN Amazon does not know, sent only with
 * `createProducts: true`. Most product types require more attributes than a stock file holds;
 * Amazon answers with the missing ones as issues, reported per SKU.
 */
export function newProductAttributes(offer: Offer, ctx: ListingContext): { attributes: Attributes; warnings: ChannelIssue[] } {
  const mp = ctx.marketplaceId;
  const attributes: Attributes = {
    ...productFacts(offer, ctx),
    condition_type: [{ value: ctx.condition, marketplace_id: mp }],
    purchasable_offer: purchasableOffer(offer, mp),
    ...listPrice(offer, mp, ctx.shopCurrency),
    fulfillment_availability: fulfillmentAvailability(offer.quantity, ctx.handlingDays),
  };
  return { attributes, warnings: gpsrAttributes(offer.product.safety, mp).warnings };
}
