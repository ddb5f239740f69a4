import { z } from 'zod';
import { FEED_MAX_MESSAGES } from './rate-limits.js';

/**
 * The JSON_LISTINGS_FEED document civetta uploads, as listings-feed-schema-v2.json shapes it.
 * Strict objects on purpose: Amazon rejects the whole document when a message carries a
 * property outside the schema, so civetta refuses it locally first.
 */
const Attributes = z
  .record(z.string(), z.array(z.record(z.string(), z.unknown())))
  .refine((value) => Object.keys(value).length >= 1, 'attributes need at least one attribute');

export const PatchOperation = z.strictObject({
  op: z.enum(['add', 'replace', 'merge', 'delete']),
  path: z.string().regex(/^\/attributes\/[a-z0-9_]+$/, 'only top-level attributes can be patched'),
  value: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type PatchOperation = z.infer<typeof PatchOperation>;

const base = {
  messageId: z.number().int().min(1).max(2147483647),
  sku: z.string().min(1),
};

export const FeedMessage = z.discriminatedUnion('operationType', [
  z.strictObject({
    ...base,
    operationType: z.literal('UPDATE'),
    productType: z.string().min(1),
    requirements: z.enum(['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY']).optional(),
    attributes: Attributes,
  }),
  z.strictObject({ ...base, operationType: z.literal('PARTIAL_UPDATE'), productType: z.string().min(1), attributes: Attributes }),
  z.strictObject({
    ...base,
    operationType: z.literal('PATCH'),
    productType: z.string().min(1),
    patches: z.array(PatchOperation).min(1),
  }),
  z.strictObject({ ...base, operationType: z.literal('DELETE') }),
]);
export type FeedMessage = z.infer<typeof FeedMessage>;

export const ListingsFeedDocument = z
  .strictObject({
    header: z.strictObject({
      sellerId: z.string().min(1),
      version: z.literal('2.0'),
      issueLocale: z.string().optional(),
    }),
    messages: z.array(FeedMessage).min(1).max(FEED_MAX_MESSAGES),
  })
  .refine(
    (doc) => new Set(doc.messages.map((m) => m.messageId)).size === doc.messages.length,
    'messageId must be unique within the feed',
  );
export type ListingsFeedDocument = z.infer<typeof ListingsFeedDocument>;
