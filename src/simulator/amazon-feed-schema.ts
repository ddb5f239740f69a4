import { z } from 'zod';

/**
 * The JSON_LISTINGS_FEED document (listings-feed-schema-v2.json + listings-feed-message-schema-v2.json).
 * Objects are strict: properties outside the schema make Amazon fail the whole document
 * (reference/amazon-sp-api.md §5), so they make the simulated feed FATAL too.
 */
const PatchOp = z.strictObject({
  op: z.enum(['add', 'replace', 'merge', 'delete']),
  path: z.string(),
  value: z.array(z.record(z.string(), z.unknown())).optional(),
});

export const FeedMessage = z.strictObject({
  messageId: z.number().int().min(1).max(2_147_483_647),
  sku: z.string().min(1),
  operationType: z.enum(['UPDATE', 'PARTIAL_UPDATE', 'PATCH', 'DELETE']),
  productType: z.string().min(1).optional(),
  requirements: z.enum(['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY']).optional(),
  attributes: z.record(z.string(), z.unknown()).refine((a) => Object.keys(a).length >= 1, 'attributes needs at least one property').optional(),
  patches: z.array(PatchOp).min(1).optional(),
});
export type FeedMessage = z.infer<typeof FeedMessage>;

export const FeedDocument = z.strictObject({
  header: z.strictObject({
    sellerId: z.string(),
    version: z.literal('2.0'),
    issueLocale: z.string().optional(),
    report: z.strictObject({
      includedData: z.array(z.enum(['summaries', 'attributes', 'issues', 'offers', 'fulfillmentAvailability', 'procurement', 'relationships', 'productTypes'])).min(1),
      apiVersion: z.literal('2021-08-01'),
    }).optional(),
  }),
  // 25,000 messages per feed (raised from 10,000 in May 2025; listings-feed-schema-v2 maxItems).
  messages: z.array(FeedMessage).min(1).max(25_000),
});
export type FeedDocument = z.infer<typeof FeedDocument>;

/** The message schema's oneOf: which fields each operationType needs or forbids. */
export function messageShapeProblem(m: FeedMessage): string | undefined {
  const has = (k: keyof FeedMessage) => m[k] !== undefined;
  switch (m.operationType) {
    case 'UPDATE':
      if (!has('productType') || !has('attributes')) return "UPDATE requires 'productType' and 'attributes'.";
      if (has('patches')) return "'patches' is not applicable to UPDATE.";
      return undefined;
    case 'PARTIAL_UPDATE':
      if (!has('productType') || !has('attributes')) return "PARTIAL_UPDATE requires 'productType' and 'attributes'.";
      if (has('patches') || has('requirements')) return "'patches' and 'requirements' are not applicable to PARTIAL_UPDATE.";
      return undefined;
    case 'PATCH':
      if (!has('productType') || !has('patches')) return "PATCH requires 'productType' and 'patches'.";
      if (has('attributes') || has('requirements')) return "'attributes' and 'requirements' are not applicable to PATCH.";
      return undefined;
    case 'DELETE':
      if (has('productType') || has('attributes') || has('patches') || has('requirements')) return 'DELETE takes only messageId, sku and operationType.';
      return undefined;
  }
}
