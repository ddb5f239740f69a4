import { z } from 'zod';

/**
 * zod schemas for the eBay answers civetta reads, written from the contracts in
 * shared/specs/ebay/ (classic files for shapes, portal files for enum values). Objects civetta
 * writes back whole (inventory item, offer) are loose, so fields civetta does not know survive
 * a read-modify-write. Enums are kept as plain strings where eBay may add values; the mapping
 * decides what an unknown value means.
 */

/** `Error` in every contract: the shape of both `errors[]` and `warnings[]`. */
export const EbayErrorDetail = z.looseObject({
  errorId: z.number().int(),
  domain: z.string().optional(),
  category: z.string().optional(),
  message: z.string().optional(),
  longMessage: z.string().optional(),
  parameters: z.array(z.looseObject({ name: z.string().optional(), value: z.string().optional() })).optional(),
});
export type EbayErrorDetail = z.infer<typeof EbayErrorDetail>;

/** The body of any non-2xx eBay answer. */
export const EbayErrorBody = z.looseObject({
  errors: z.array(EbayErrorDetail).optional(),
  warnings: z.array(EbayErrorDetail).optional(),
});

/** OAuth token endpoint: success (user or application token). */
export const TokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().optional(),
});
export type TokenAnswer = z.infer<typeof TokenAnswer>;

/** OAuth token endpoint: refusal (`invalid_grant`, `invalid_client`, `invalid_scope`…). */
export const TokenRefusal = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** `Amount` (inventory and fulfillment): a decimal string and an ISO currency. */
export const Amount = z.looseObject({
  value: z.string(),
  currency: z.string(),
  convertedFromValue: z.string().optional(),
  convertedFromCurrency: z.string().optional(),
});
export type Amount = z.infer<typeof Amount>;

const warnings = z.array(EbayErrorDetail).optional();

/** `Product` as read back. `aspects` is typed `string` in the contract but is name → string[] (reference §9). */
const ProductRead = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  aspects: z.record(z.string(), z.array(z.string())).optional(),
  brand: z.string().optional(),
  ean: z.array(z.string()).optional(),
  imageUrls: z.array(z.string()).optional(),
});

/** `InventoryItemWithSkuLocaleGroupKeys` (bulkGetInventoryItem) / `InventoryItemWithSkuLocaleGroupid`. */
export const InventoryItemRead = z.looseObject({
  sku: z.string().optional(),
  locale: z.string().optional(),
  condition: z.string().optional(),
  product: ProductRead.optional(),
  availability: z
    .looseObject({ shipToLocationAvailability: z.looseObject({ quantity: z.number().int().optional() }).optional() })
    .optional(),
  packageWeightAndSize: z.looseObject({}).optional(),
});
export type InventoryItemRead = z.infer<typeof InventoryItemRead>;

/** bulkGetInventoryItem → `BulkGetInventoryItemResponse`. */
export const BulkGetInventoryItemAnswer = z.looseObject({
  responses: z
    .array(
      z.looseObject({
        sku: z.string().optional(),
        statusCode: z.number().int(),
        inventoryItem: InventoryItemRead.optional(),
        errors: z.array(EbayErrorDetail).optional(),
        warnings,
      }),
    )
    .default([]),
});

/**
 * The bulk writes' per-entry answers: bulkCreateOrReplaceInventoryItem → `BulkInventoryItemResponse`,
 * bulkUpdatePriceQuantity → `BulkPriceQuantityResponse`, bulkCreateOffer → `BulkOfferResponse`
 * (sku + offerId), bulkPublishOffer → `BulkPublishResponse` (offerId + listingId).
 */
export const BulkEntryAnswer = z.looseObject({
  responses: z
    .array(
      z.looseObject({
        sku: z.string().optional(),
        offerId: z.string().optional(),
        listingId: z.string().optional(),
        statusCode: z.number().int(),
        errors: z.array(EbayErrorDetail).optional(),
        warnings,
      }),
    )
    .default([]),
});
export type BulkEntryAnswer = z.infer<typeof BulkEntryAnswer>;
export type BulkEntry = BulkEntryAnswer['responses'][number];

/** `ListingDetails` inside a published offer; listingStatus from portal ListingStatusEnum. */
const ListingDetails = z.looseObject({
  listingId: z.string().optional(),
  listingStatus: z.string().optional(),
  soldQuantity: z.number().int().optional(),
  listingOnHold: z.boolean().optional(),
});

/** `EbayOfferDetailsWithAll` (getOffer, getOffers). */
export const OfferRead = z.looseObject({
  offerId: z.string(),
  sku: z.string().optional(),
  marketplaceId: z.string().optional(),
  format: z.string().optional(),
  status: z.string().optional(),
  availableQuantity: z.number().int().optional(),
  categoryId: z.string().optional(),
  merchantLocationKey: z.string().optional(),
  listingDescription: z.string().optional(),
  listingPolicies: z.looseObject({}).optional(),
  pricingSummary: z.looseObject({ price: Amount.optional() }).optional(),
  listing: ListingDetails.optional(),
});
export type OfferRead = z.infer<typeof OfferRead>;

/** getOffers → `Offers`. */
export const OffersAnswer = z.looseObject({
  offers: z.array(OfferRead).default([]),
  total: z.number().int().optional(),
  next: z.string().optional(),
});

/** createOffer / updateOffer (200) → `OfferResponse`. */
export const OfferAnswer = z.looseObject({ offerId: z.string().optional(), warnings });

/** publishOffer → `PublishResponse`; withdrawOffer → `WithdrawResponse`. */
export const ListingIdAnswer = z.looseObject({ listingId: z.string().optional(), warnings });

/** getInventoryLocation → `InventoryLocationResponse` (only what the setup check reads). */
export const LocationAnswer = z.looseObject({
  merchantLocationKey: z.string().optional(),
  merchantLocationStatus: z.string().optional(),
  name: z.string().optional(),
});
