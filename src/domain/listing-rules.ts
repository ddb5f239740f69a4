/**
 * What one marketplace accepts of a product, as data: each channel folder states its own
 * (`channels/<name>/marketplaces.ts`, collected in `channels/registry.ts`), and hook selection
 * checks every product against them without knowing which marketplace it is.
 */
export interface ListingRules {
  /** The marketplace's name in messages. */
  name: string;
  skuMax: number;
  /** The characters a SKU may hold, and the same in words for the message. */
  sku: RegExp;
  skuChars: string;
  titleMax: number;
  /** An offer attaches to a catalogue product by EAN, so a product without one cannot be listed. */
  needsEan: boolean;
  /** Publishing needs at least one https image. */
  needsImage: boolean;
  /** Publishing needs the shop category mapped to the marketplace's, under this `categories` key of the channel's config section. */
  needsMappedCategory: boolean;
  /** How the marketplace counts revisions of a live listing. */
  revisions: RevisionRules;
}

export interface RevisionRules {
  /** The most it accepts per listing per calendar day (Infinity: no cap of its own, only request rates). */
  perDayCap: number;
  /** Revisions a content update costs (price and quantity go in one). */
  contentUpdate: number;
}
