import type { ChannelIssue } from '../channel.js';

/**
 * Plain-words meaning and fix of the submission issues a shop owner meets most. Codes 90220 and
 * 99022 are the examples of listings-feed-processing-report-schema-v2.example.json; the others
 * are Amazon's long-standing listing error codes as Seller Central help pages explain them.
 */
const BY_CODE: Record<string, string> = {
  '90220':
    'Amazon wants an attribute this product type requires and civetta did not send (civetta sends price, stock, list price, handling time and the GPSR contacts). Amazon keeps the offer but does not sell it: add the attribute in Seller Central (Inventory → Suppressed listings), then `civetta list SKU` sends the offer again; or tell the civetta maintainers which attribute it was.',
  '99022':
    'An attribute was sent with too few values (for a price: no our_price schedule). This is a civetta bug if it happens for price or stock: report it with the SKU.',
  '8541':
    "The product details Amazon holds for this EAN contradict what was sent. civetta only sends offer data, so the EAN in the stock file probably belongs to a different product: check the EAN and the matched ASIN.",
  '8560':
    'Amazon could not attach the offer to a product: the EAN or ASIN matches nothing in its catalogue, or required data is missing. Check the EAN; products Amazon does not sell yet need to be created in Seller Central.',
  '8057':
    'The condition sent differs from the condition of the existing offer on this SKU. Set channels.amazon.condition to the condition you sell it in, or delete the old offer in Seller Central first.',
  '5461':
    "The brand owner restricts who may sell this brand, and your account is not approved. Apply for approval in Seller Central (Catalogue → Add products → 'Listing limitations apply') or exclude the product from the Amazon rules.",
  '5665':
    'The brand is not approved for your account. Apply for approval in Seller Central, or exclude the product from the Amazon rules.',
  // HTTP-level error codes from the models' ErrorList (reference §7).
  InvalidInput: 'Amazon refused the request as malformed. This is a civetta bug unless the SKU contains unusual characters: report it with the SKU.',
  NOT_FOUND: 'Amazon has no listing under this SKU (it may have been deleted in Seller Central).',
  Unauthorized:
    'Amazon refused access: the app may lack the role for this call, or the seller id does not match the authorised account. Check channels.amazon.sellerId and re-authorise the app in Seller Central.',
  QuotaExceeded: 'Amazon throttled civetta even after it slowed down and retried; the next run will try again.',
  // civetta's own codes.
  'unexpected-response':
    "Amazon's answer did not have the shape its published contract promises. Nothing was assumed; the next run will try again. If it persists, report it with the request id.",
  network: 'Amazon could not be reached (connection refused, reset or timed out) after the retries; the next run will try again.',
  'no-catalog-match':
    'Amazon\'s catalogue has no product with this EAN, so there is nothing to attach an offer to. Check the EAN, or create the product in Seller Central (civetta creates offers only, unless createProducts is on).',
  'ambiguous-catalog-match':
    'Several Amazon products carry this EAN, and civetta will not guess. Pick the right ASIN in Seller Central, or fix the EAN.',
  'catalog-mismatch':
    "The only Amazon product with this EAN has a different brand or title than the stock file. Check the EAN: listing on the wrong product gets offers suppressed.",
  'no-ean': 'The product has no EAN, which Amazon needs to find it in its catalogue. Add the EAN to the stock file.',
  'feed-fatal': 'Amazon aborted the whole feed; some, none or all of its changes may have been applied. The next run re-reads the listings and converges.',
  'feed-cancelled': 'The feed was cancelled before Amazon processed it; nothing in it was applied. The next run sends the changes again.',
  'invalid-feed-document': 'civetta built a feed document that does not match the feed schema, so it was not sent. This is a civetta bug: report it.',
  'feed-unconfirmed':
    "Amazon's feed report counts fewer messages processed or accepted than it names errors for, so it cannot say whether this change went through. Nothing is assumed: the next sync reads the listing back and sends what is still different.",
  'feed-timeout': 'Amazon had not finished the feed within the wait civetta allows; it may still apply it. The next run re-reads the listings and converges.',
};

/**
 * Explanations by issue category, for codes not in the table. The categories and their meaning
 * are those of the Issue definition in listingsItems_2021-08-01.json.
 */
const BY_CATEGORY: Record<string, string> = {
  MISSING_ATTRIBUTE: 'A required attribute is missing for this product type.',
  INVALID_ATTRIBUTE: 'An attribute value is not accepted for this product type; the message names it.',
  INVALID_PRICE: 'Amazon does not accept the price (outside its allowed range, or below the minimum advertised price).',
  MISSING_PRICE: 'The offer has no price.',
  INVALID_IMAGE: 'An image was refused.',
  MISSING_IMAGE: 'The product needs an image.',
  DUPLICATE: 'Amazon thinks this product duplicates another catalogue entry.',
  QUALIFICATION_REQUIRED: 'Selling this product needs approval: apply in Seller Central.',
};

/** The explanation for an issue code, falling back to its categories; undefined when unknown. */
export function explainIssue(code: string, categories: readonly string[] = []): string | undefined {
  const known = BY_CODE[code];
  if (known) return known;
  const byCategory = categories.map((c) => BY_CATEGORY[c]).filter((x): x is string => x !== undefined);
  return byCategory.length > 0 ? byCategory.join(' ') : undefined;
}

/** A ChannelIssue with its explanation attached when one is known. */
export function issue(code: string, message: string, extra: { categories?: readonly string[]; field?: string } = {}): ChannelIssue {
  const explanation = explainIssue(code, extra.categories);
  return {
    code,
    message,
    ...(explanation ? { explanation } : {}),
    ...(extra.field ? { field: extra.field } : {}),
  };
}
