/**
 * The eBay errorIds civetta meets, in plain words with the fix. Sources: the `x-response-codes`
 * of the contracts in shared/specs/ebay/ and shared/reference/ebay-sell-api.md §8–§9.
 */
const EXPLANATIONS: Record<number, string> = {
  1001: 'eBay no longer accepts the access token. civetta renews it by itself; if this persists, run `civetta auth ebay` again.',
  1100: "The eBay authorisation lacks a permission (scope). Run `civetta auth ebay` again so the token covers selling, orders and account.",
  2001: "eBay's daily call quota for this app is used up. Wait until it resets (midnight US Pacific time) and run again.",
  2003: 'A passing error inside eBay. civetta retries it; if it keeps coming back, try again later.',
  2004: 'eBay could not read a field civetta sent (wrong type or value). Report this to the civetta maintainers with the message.',
  25001: 'A passing error inside eBay. civetta retries it; if it keeps coming back, try again later.',
  25002: "eBay refused the item; its message says why (for example a missing detail, or an offer that already exists).",
  25003: 'The price is not valid for eBay (too low, too high, or wrong currency). Check the pricing settings of the eBay channel.',
  25004: 'The quantity is not valid for eBay. Check the stock settings (reserve, max) of the eBay channel.',
  25005: 'The eBay category is not valid (or not a leaf category). Pick another id with `civetta ebay categories` and put it in channels.ebay.categories.',
  25007: 'The shipping (fulfillment) policy is not valid for this marketplace. Check channels.ebay.policies.fulfillment in Seller Hub → Business policies.',
  25008: 'The payment policy is not valid for this marketplace. Check channels.ebay.policies.payment.',
  25009: 'The return policy is not valid for this marketplace. Check channels.ebay.policies.return.',
  25012: "The inventory location is not valid. Check channels.ebay.merchantLocationKey and channels.ebay.location, then run `civetta validate`.",
  25014: 'eBay refused the pictures. Give each product at least one picture URL starting with https://.',
  25015: 'A picture URL is not valid. Picture URLs must start with https:// and be reachable by eBay.',
  25019: 'eBay will not revise this listing now (see its message): it may be ending, on hold, or revised too often today (250 revisions a day).',
  25020: 'The shipping policy uses calculated shipping, which needs the package weight. Use a flat-rate shipping policy, or add the weight in Seller Hub.',
  25021: "The item condition is not allowed in this category. Choose another category for the product's shop category.",
  25025: 'Someone else changed this item at the same moment. civetta retries it; run again if it persists.',
  25029: "The category needs an item detail (aspect) that is missing. Add it under the category's `aspects` in channels.ebay.categories (`civetta ebay categories` lists the required ones).",
  25035: 'A business policy id does not exist on this marketplace. Copy the ids of this marketplace from Seller Hub into channels.ebay.policies.',
  25036: 'A business policy id is of the wrong kind (for example a return policy given as the payment policy). Check channels.ebay.policies.',
  25038: 'The listing cannot be revised now: it has a bid or a best offer, or ends within 12 hours.',
  25096: 'eBay put this listing on hold for a policy violation. Read the e-mail from eBay and fix the listing in Seller Hub.',
  25097: 'eBay put this listing on hold for a policy violation and it cannot be revised. Read the e-mail from eBay.',
  25108: 'The product-safety data is not in the shape eBay expects (too many entries).',
  25109: 'This category needs product-safety pictograms or statements. Add the safety data for the product or its brand (productSafety in the config).',
  25604: 'eBay refused the language of the request. Check channels.ebay.marketplaceId: civetta sends that marketplace’s language.',
  25702: 'eBay does not know this SKU in its Inventory API. If the product was listed by hand, civetta does not manage it.',
  25707: 'eBay only accepts SKUs of up to 50 letters and digits (no spaces, dashes or other signs). Change the SKU in the shop file.',
  25709: 'A field has a value eBay does not accept; its message names the field.',
  25710: 'eBay does not find this item or offer any more (removed in Seller Hub?). civetta will create it again on the next run.',
  25713: 'eBay says this offer is not available: it was removed, or the marketplace or its policies do not fit. Check channels.ebay.policies for this marketplace.',
  25803: 'The inventory location already exists.',
  25805: 'The inventory location does not exist. Add channels.ebay.location (the shop address) so civetta can create it.',
  30500: 'A passing error inside eBay orders. Try again later.',
  31100: 'civetta asked for too many orders in one page. Report this to the civetta maintainers.',
  32100: 'eBay does not know this order id. Check the order number.',
  32200: 'One of the order lines is not part of this order.',
  32300: 'eBay refused the tracking number or the carrier. Give a carrier civetta knows (--carrier BRT, "Poste Italiane", GLS, SDA, DHL …: it sends eBay\'s own code) or eBay\'s code itself with --carrier-code (Bartolini, PosteItaliane …), and a tracking number of letters and digits.',
  32500: 'The shipping date is not valid (in the future, or before the order).',
  34500: 'Tracking was already sent for these lines.',
  62004: 'The category tree of this marketplace was not found.',
  62005: 'The category id does not belong to this marketplace.',
  62009: 'The category is not a leaf category: choose one of its subcategories.',
};

/** Found inside 500 answers of the Inventory API: worth another try (reference §8). */
export const RETRYABLE_ERROR_IDS: ReadonlySet<number> = new Set([25001, 25025]);

/** The plain explanation of an errorId, or undefined when civetta has none. */
export function explainErrorId(errorId: number): string | undefined {
  return EXPLANATIONS[errorId];
}
