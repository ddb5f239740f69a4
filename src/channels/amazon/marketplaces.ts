import type { ListingRules } from '../../domain/listing-rules.js';
import { InputError } from '../../errors.js';

/**
 * What Amazon accepts of an EU seller's product (handed to hook selection as data):
 * - SKU ≤ 40 characters (Listings Items API sku limit, issue 2); path SKUs with spaces, `/` or
 *   `&` fail, so only [A-Za-z0-9._-] (reference/amazon-sp-api.md §9).
 * - Title: item_name ≤ 200.
 * - EAN: offer-only listings attach to the ASIN found by EAN (reference/amazon-sp-api.md §3), so
 *   Amazon needs one.
 */
export const AMAZON_LISTING_RULES: ListingRules = {
  name: 'Amazon',
  skuMax: 40,
  sku: /^[A-Za-z0-9._-]+$/,
  skuChars: 'letters, digits, ".", "_" and "-"',
  titleMax: 200,
  needsEan: true,
  needsImage: false,
  needsMappedCategory: false,
  // No per-listing cap of its own, only request rates; a content update is one PATCH.
  revisions: { perDayCap: Number.POSITIVE_INFINITY, contentUpdate: 1 },
};

/**
 * The currency each Amazon store sells in, by marketplace id (reference §2: the EU stores IT, DE,
 * FR, ES, NL and BE in EUR; PL PLN, SE SEK, UK GBP, US USD).
 */
const MARKETPLACE_CURRENCY: Readonly<Record<string, string>> = {
  APJ6JRA9NG5V4: 'EUR', // Italy
  A1PA6795UKMFR9: 'EUR', // Germany
  A13V1IB3VIYZZH: 'EUR', // France
  A1RKKUPIHCS9HS: 'EUR', // Spain
  A1805IZSGTT6HS: 'EUR', // Netherlands
  AMEN7PMS3EDWL: 'EUR', // Belgium
  A1C3SOZRARQ6R3: 'PLN', // Poland
  A2NODRKZP88ZB9: 'SEK', // Sweden
  A1F83G8C2ARO7P: 'GBP', // United Kingdom
  ATVPDKIKX0DER: 'USD', // United States
};

/** Language of each store (`language_tag` of text attributes, and the `issueLocale` asked for). Ids: reference §2. */
const LANGUAGE: Readonly<Record<string, string>> = {
  APJ6JRA9NG5V4: 'it_IT',
  A1PA6795UKMFR9: 'de_DE',
  A13V1IB3VIYZZH: 'fr_FR',
  A1RKKUPIHCS9HS: 'es_ES',
  A1805IZSGTT6HS: 'nl_NL',
  AMEN7PMS3EDWL: 'fr_BE',
  A1C3SOZRARQ6R3: 'pl_PL',
  A2NODRKZP88ZB9: 'sv_SE',
  A1F83G8C2ARO7P: 'en_GB',
  ATVPDKIKX0DER: 'en_US',
};

/** The store's language; `en_US` for a store civetta does not know (Amazon's own fallback for issues). */
export function marketplaceLanguage(marketplaceId: string): string {
  return LANGUAGE[marketplaceId] ?? 'en_US';
}

/**
 * Stores that want `list_price` on offers of many product types (0 = "no list price") since 24
 * June 2024 (SP-API changelog "Updated date for List Price requirement changes"): ES, UK, FR, BE,
 * NL, DE, IT, SE, PL.
 */
export const LIST_PRICE_MARKETPLACES: ReadonlySet<string> = new Set([
  'A1RKKUPIHCS9HS', 'A1F83G8C2ARO7P', 'A13V1IB3VIYZZH', 'AMEN7PMS3EDWL', 'A1805IZSGTT6HS',
  'A1PA6795UKMFR9', 'APJ6JRA9NG5V4', 'A2NODRKZP88ZB9', 'A1C3SOZRARQ6R3',
]);

/**
 * Refuses, before any request, offers priced in a currency the store does not sell in: Amazon
 * would reject every price (or worse, read the number in its own currency). A marketplace civetta
 * does not know is not checked.
 */
export function assertMarketplaceCurrency(marketplaceId: string, currency: string): void {
  const expected = MARKETPLACE_CURRENCY[marketplaceId];
  if (expected === undefined || expected === currency.toUpperCase()) return;
  throw new InputError(
    `amazon: offers are priced in ${currency}, but marketplace ${marketplaceId} (the first of channels.amazon.marketplaceIds) sells in ${expected}: ` +
      `set channels.amazon.currency (or shop.currency) to ${expected}, or list in a ${currency} marketplace first`,
  );
}
