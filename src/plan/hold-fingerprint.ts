import { createHash } from 'node:crypto';
import type { Offer } from '../domain/offer.js';
import { stableJson } from '../pricing/content-hash.js';

/**
 * What a held item was refused with: the product's content (title, EAN, brand, category, images,
 * description, safety data, VAT: its content hash) and the channel's config section (category
 * map, aspects, policies, product type). A change to either may cure the refusal, so the item is
 * sent again. Price and quantity are left out on purpose: they move every few hours and cure none
 * of the refusals that hold an item. Pure.
 */
export function holdFingerprint(offer: Offer, channelConfig: unknown): string {
  return createHash('sha256').update(offer.contentHash).update('\u0000').update(stableJson(channelConfig ?? null)).digest('hex').slice(0, 32);
}
