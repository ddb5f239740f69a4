import type { ChannelId } from '../domain/ids.js';
import type { ChannelIssue } from './channel.js';

/**
 * Refusals that come back the same on every run until the product's stock row or the config
 * changes, by channel and code. A failed write whose every error is one of these (or carries
 * `hold: true`) is held: recorded with its inputs' fingerprint and not sent again while they stay
 * the same (`sync --retry-held` sends it anyway). Codes that pass by themselves (5xx, 429,
 * network, a busy listing) never belong here.
 */
const HELD_REFUSALS: Readonly<Record<ChannelId, ReadonlySet<string>>> = {
  amazon: new Set([
    // civetta's catalogue match before any write (match-products.ts).
    'no-catalog-match',
    'ambiguous-catalog-match',
    'catalog-mismatch',
    'no-ean',
    'gpsr-email-missing',
    // Listing issue codes (amazon/error-explanations.ts): required attribute missing, EAN contradicts
    // the catalogue, no product to attach to, brand approval needed.
    '90220',
    '8541',
    '8560',
    '5461',
    '5665',
  ]),
  ebay: new Set([
    'category-unmapped',
    // errorIds (error-explanations.ts): category invalid or not a leaf, condition not allowed in
    // the category, aspect missing, product-safety data missing or malformed, pictures refused,
    // SKU not accepted, category of another marketplace.
    '25005',
    '25021',
    '25029',
    '25108',
    '25109',
    '25014',
    '25015',
    '25707',
    '62005',
    '62009',
  ]),
};

/** Whether one issue is a refusal that holds the item. */
function holdsItem(channel: ChannelId, issue: ChannelIssue): boolean {
  return issue.hold ?? HELD_REFUSALS[channel].has(issue.code);
}

/** The refusal that holds a failed item: its first error, when every error holds; else undefined. */
export function heldRefusal(channel: ChannelId, errors: readonly ChannelIssue[]): ChannelIssue | undefined {
  if (errors.length === 0 || !errors.every((e) => holdsItem(channel, e))) return undefined;
  return errors[0];
}
