import type { ListingRules } from '../../domain/listing-rules.js';

/**
 * What eBay accepts of an EU seller's product (handed to hook selection as data):
 * - SKU ≤ 50 (sell_inventory_v1 `sku` Max length 50). eBay's error 25707 says "only
 *   alphanumeric", yet shop SKUs like `LEGO-69525` are the norm and the simulator
 *   (src/simulator/ebay-common.ts) accepts `-`, `_` and `.`: we refuse only what surely fails
 *   (spaces, `/`, `&`, accents…).
 * - Title ≤ 80 (Inventory API product.title, reference/ebay-sell-api.md §5).
 * - EAN: eBay accepts "does not apply".
 * - Publish needs an https image (1–24) and an eBay category (reference/ebay-sell-api.md §5).
 */
export const EBAY_LISTING_RULES: ListingRules = {
  name: 'eBay',
  skuMax: 50,
  sku: /^[A-Za-z0-9._-]+$/,
  skuChars: 'letters, digits, ".", "_" and "-"',
  titleMax: 80,
  needsEan: false,
  needsImage: true,
  needsMappedCategory: true,
  // 250 revisions a listing a calendar day (ebay-sell-api.md §5, "Revision cap"); a content
  // update revises twice (the inventory item, then the offer).
  revisions: { perDayCap: 250, contentUpdate: 2 },
};

/**
 * Per-marketplace language facts. Source: shared/reference/ebay-sell-api.md §2 (headers take a
 * hyphen, body `locale` an underscore) and §5 ("No GTIN → the marketplace's 'does not apply'
 * text", Trading GeteBayDetails ProductIdentifierUnavailableText).
 */
export interface MarketplaceFacts {
  /** Content-Language and Accept-Language. */
  language: string;
  /** The `locale` of bulk inventory item entries. */
  locale: string;
  currency: string;
  /** What eBay accepts in place of a missing EAN. */
  doesNotApply: string;
}

const MARKETPLACES: Record<string, MarketplaceFacts> = {
  EBAY_IT: { language: 'it-IT', locale: 'it_IT', currency: 'EUR', doesNotApply: 'Non applicabile' },
  EBAY_DE: { language: 'de-DE', locale: 'de_DE', currency: 'EUR', doesNotApply: 'Nicht zutreffend' },
  EBAY_FR: { language: 'fr-FR', locale: 'fr_FR', currency: 'EUR', doesNotApply: 'Non applicable' },
  EBAY_ES: { language: 'es-ES', locale: 'es_ES', currency: 'EUR', doesNotApply: 'No aplicable' },
  EBAY_GB: { language: 'en-GB', locale: 'en_GB', currency: 'GBP', doesNotApply: 'Does not apply' },
  EBAY_US: { language: 'en-US', locale: 'en_US', currency: 'USD', doesNotApply: 'Does not apply' },
};

/** The marketplaces civetta knows the language of; one language per channel (reference §9 "Language headers"). */
export const SUPPORTED_MARKETPLACES = Object.keys(MARKETPLACES);

export function marketplaceFacts(marketplaceId: string): MarketplaceFacts | undefined {
  return MARKETPLACES[marketplaceId];
}
