import { z } from 'zod';

/**
 * What civetta reads from Amazon, written from the official models in shared/specs/amazon/.
 * Objects are open (unknown fields are ignored) but every field civetta uses has the type the
 * model gives it, so a changed contract is a clear `unexpected-response`, never a crash.
 */

/** Decimal is a string in every model ("no loss of precision"); a JSON number is accepted too. */
const Decimal = z.union([z.string(), z.number().transform((n) => String(n))]);
export const Money = z.object({ amount: Decimal, currencyCode: z.string() });
export type Money = z.infer<typeof Money>;

// --- Login with Amazon (reference §1) ---------------------------------------------------------
export const LwaToken = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive(),
});
export const LwaError = z.object({ error: z.string(), error_description: z.string().optional() });

// --- Errors (ErrorList in every model) -----------------------------------------------------------
export const SpErrorList = z.object({
  errors: z.array(z.object({ code: z.string(), message: z.string(), details: z.string().optional() })),
});

// --- Listings Items 2021-08-01 -------------------------------------------------------------------
export const ListingIssue = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  attributeNames: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  marketplaceIds: z.array(z.string()).optional(),
});
export type ListingIssue = z.infer<typeof ListingIssue>;

/** ListingsItemSubmissionResponse: PUT, PATCH and DELETE all answer this, even when refused. */
export const SubmissionResponse = z.object({
  sku: z.string(),
  status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
  submissionId: z.string(),
  issues: z.array(ListingIssue).optional(),
  identifiers: z.array(z.object({ marketplaceId: z.string().optional(), asin: z.string().optional() })).optional(),
});
export type SubmissionResponse = z.infer<typeof SubmissionResponse>;

const ListingSummary = z.object({
  marketplaceId: z.string(),
  asin: z.string().optional(),
  productType: z.string(),
  status: z.array(z.string()),
  itemName: z.string().optional(),
  conditionType: z.string().optional(),
});
const ListingOffer = z.object({
  marketplaceId: z.string(),
  offerType: z.string(),
  price: Money,
  audience: z.object({ value: z.string().optional() }).optional(),
});
export const ListingItem = z.object({
  sku: z.string(),
  summaries: z.array(ListingSummary).optional(),
  offers: z.array(ListingOffer).optional(),
  fulfillmentAvailability: z
    .array(z.object({ fulfillmentChannelCode: z.string(), quantity: z.number().int().min(0).optional() }))
    .optional(),
  productTypes: z.array(z.object({ marketplaceId: z.string(), productType: z.string() })).optional(),
  issues: z.array(ListingIssue).optional(),
  /** The seller's attributes (only the GPSR contacts are read). */
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type ListingItem = z.infer<typeof ListingItem>;

const Pagination = z.object({ nextToken: z.string().optional() });

export const ListingSearchResults = z.object({
  numberOfResults: z.number().int(),
  pagination: Pagination.optional(),
  items: z.array(ListingItem),
});

// --- Catalog Items 2022-04-01 --------------------------------------------------------------------
export const CatalogItem = z.object({
  asin: z.string(),
  summaries: z
    .array(z.object({ marketplaceId: z.string(), itemName: z.string().optional(), brand: z.string().optional() }))
    .optional(),
  identifiers: z
    .array(
      z.object({
        marketplaceId: z.string(),
        identifiers: z.array(z.object({ identifierType: z.string(), identifier: z.string() })),
      }),
    )
    .optional(),
  productTypes: z.array(z.object({ marketplaceId: z.string().optional(), productType: z.string().optional() })).optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const CatalogSearchResults = z.object({
  numberOfResults: z.number().int(),
  pagination: Pagination.optional(),
  items: z.array(CatalogItem),
});

// --- Feeds 2021-06-30 ------------------------------------------------------------------------------
export const CreateFeedDocumentResponse = z.object({ feedDocumentId: z.string(), url: z.string() });
export const CreateFeedResponse = z.object({ feedId: z.string() });
export const Feed = z.object({
  feedId: z.string(),
  feedType: z.string(),
  createdTime: z.string(),
  processingStatus: z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']),
  resultFeedDocumentId: z.string().optional(),
});
export type Feed = z.infer<typeof Feed>;
export const FeedDocument = z.object({
  feedDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.enum(['GZIP']).optional(),
});

/** listings-feed-processing-report-schema-v2.json */
export const ProcessingReport = z.object({
  header: z.object({ sellerId: z.string(), version: z.literal('2.0'), feedId: z.string() }),
  issues: z.array(
    z.object({
      messageId: z.number().int().min(1).optional(),
      sku: z.string().optional(),
      code: z.string().optional(),
      severity: z.enum(['ERROR', 'WARNING', 'INFO']),
      message: z.string(),
      attributeName: z.string().optional(),
    }),
  ),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    messagesProcessed: z.number().int(),
    messagesAccepted: z.number().int(),
    messagesInvalid: z.number().int(),
  }),
});
export type ProcessingReport = z.infer<typeof ProcessingReport>;

// --- Orders 2026-01-01 searchOrders ---------------------------------------------------------------
const Address = z.object({
  name: z.string().optional(),
  companyName: z.string().optional(),
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().optional(),
  districtOrCounty: z.string().optional(),
  stateOrRegion: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
});
export type Address = z.infer<typeof Address>;
const Breakdown = z.object({ type: z.string(), subtotal: Money });

const WireOrderItem = z.object({
  orderItemId: z.string(),
  quantityOrdered: z.number().int().min(0),
  product: z.object({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    price: z.object({ unitPrice: Money.optional() }).optional(),
  }),
  proceeds: z.object({ proceedsTotal: Money.optional(), breakdowns: z.array(Breakdown).optional() }).optional(),
  fulfillment: z
    .object({ quantityFulfilled: z.number().int().optional(), quantityUnfulfilled: z.number().int().optional() })
    .optional(),
});
export type WireOrderItem = z.infer<typeof WireOrderItem>;

export const WireOrder = z.object({
  orderId: z.string(),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  salesChannel: z.object({ channelName: z.string(), marketplaceId: z.string().optional() }),
  buyer: z
    .object({ buyerName: z.string().optional(), buyerEmail: z.string().optional(), buyerCompanyName: z.string().optional() })
    .optional(),
  recipient: z.object({ deliveryAddress: Address.optional() }).optional(),
  proceeds: z.object({ grandTotal: Money.optional(), breakdowns: z.array(Breakdown).optional() }).optional(),
  // The model's FulfillmentStatus enum; read as text so a status added later degrades to one
  // order's raw status instead of failing the whole page.
  fulfillment: z
    .object({
      fulfillmentStatus: z.string(),
      fulfilledBy: z.string().optional(),
      shipByWindow: z.object({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() }).optional(),
    })
    .optional(),
  orderItems: z.array(WireOrderItem),
});
export type WireOrder = z.infer<typeof WireOrder>;

export const SearchOrdersResponse = z.object({
  orders: z.array(WireOrder),
  pagination: Pagination.optional(),
  lastUpdatedBefore: z.string().optional(),
  createdBefore: z.string().optional(),
});
export type SearchOrdersResponse = z.infer<typeof SearchOrdersResponse>;
