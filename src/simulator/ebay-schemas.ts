import { z } from 'zod';

/** zod shapes written from sell_inventory_v1_oas3.json / portal/inventory-api.json (enums from the portal edition). */

const CONDITIONS = ['NEW', 'LIKE_NEW', 'NEW_OTHER', 'NEW_WITH_DEFECTS', 'MANUFACTURER_REFURBISHED', 'CERTIFIED_REFURBISHED',
  'EXCELLENT_REFURBISHED', 'VERY_GOOD_REFURBISHED', 'GOOD_REFURBISHED', 'SELLER_REFURBISHED', 'USED_EXCELLENT', 'USED_VERY_GOOD',
  'USED_GOOD', 'USED_ACCEPTABLE', 'FOR_PARTS_OR_NOT_WORKING', 'PRE_OWNED_EXCELLENT', 'PRE_OWNED_FAIR'] as const;

const Amount = z.object({ currency: z.string().length(3).optional(), value: z.string().optional() }).loose();

const ShipTo = z.object({ quantity: z.number().int().min(0).optional() }).loose();

export const InventoryItemSchema = z.object({
  availability: z.object({ shipToLocationAvailability: ShipTo.optional() }).loose().optional(),
  condition: z.enum(CONDITIONS).optional(),
  conditionDescription: z.string().max(1000).optional(),
  packageWeightAndSize: z.object({
    weight: z.object({ value: z.number().min(0).optional(), unit: z.enum(['POUND', 'KILOGRAM', 'OUNCE', 'GRAM']).optional() }).loose().optional(),
  }).loose().optional(),
  product: z.object({
    // The contracts type `aspects` as string, but eBay reads it as name → values (reference §9).
    aspects: z.record(z.string(), z.array(z.string())).optional(),
    brand: z.string().max(65).optional(),
    description: z.string().max(4000).optional(),
    ean: z.array(z.string()).optional(),
    imageUrls: z.array(z.string()).max(24).optional(),
    mpn: z.string().max(65).optional(),
    title: z.string().max(80).optional(),
    upc: z.array(z.string()).optional(),
    isbn: z.array(z.string()).optional(),
    subtitle: z.string().max(55).optional(),
  }).loose().optional(),
}).loose();

const ListingPolicies = z.object({
  fulfillmentPolicyId: z.string().optional(),
  paymentPolicyId: z.string().optional(),
  returnPolicyId: z.string().optional(),
}).loose();

/** EbayOfferDetailsWithId: what createOffer/updateOffer may carry besides the keys. */
export const OfferDetailsSchema = z.object({
  availableQuantity: z.number().int().min(0).optional(),
  categoryId: z.string().optional(),
  includeCatalogProductDetails: z.boolean().optional(),
  listingDescription: z.string().max(500_000).optional(),
  listingDuration: z.enum(['DAYS_1', 'DAYS_3', 'DAYS_5', 'DAYS_7', 'DAYS_10', 'DAYS_21', 'DAYS_30', 'GTC']).optional(),
  listingPolicies: ListingPolicies.optional(),
  merchantLocationKey: z.string().max(36).optional(),
  pricingSummary: z.object({ price: Amount.optional() }).loose().optional(),
  quantityLimitPerBuyer: z.number().int().min(1).optional(),
  secondaryCategoryId: z.string().optional(),
  storeCategoryNames: z.array(z.string()).optional(),
}).loose();

export const OfferKeysSchema = OfferDetailsSchema.extend({
  sku: z.string().optional(),
  marketplaceId: z.string().optional(),
  format: z.string().optional(),
});

export const LocationSchema = z.object({
  location: z.object({
    address: z.object({
      addressLine1: z.string().optional(),
      addressLine2: z.string().optional(),
      city: z.string().optional(),
      country: z.string().length(2).optional(),
      postalCode: z.string().optional(),
      stateOrProvince: z.string().optional(),
    }).loose().optional(),
  }).loose().optional(),
  locationTypes: z.array(z.enum(['STORE', 'WAREHOUSE', 'FULFILLMENT_CENTER'])).optional(),
  merchantLocationStatus: z.enum(['DISABLED', 'ENABLED']).optional(),
  name: z.string().max(1000).optional(),
  phone: z.string().optional(),
}).loose();

/** "product.aspects" style path of the first zod issue, for error 2004's parameter. */
export function firstPath(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? i.path.map(String).join('.') : 'body';
}
