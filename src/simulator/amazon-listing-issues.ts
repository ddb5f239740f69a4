import { createHash } from 'node:crypto';
import { catalogByAsin } from './amazon-catalog.js';
import type { ListingIssue } from './amazon-listing-rules.js';
import type { AmazonListingState, SimState } from './state.js';

/**
 * The stores where Amazon asks for `list_price` on offers of many product types since 24 June
 * 2024, a value of 0 meaning "no list price" (SP-API changelog "Updated date for List Price
 * requirement changes"): ES, UK, FR, BE, NL, DE, IT, SE, PL.
 */
const LIST_PRICE_STORES: ReadonlySet<string> = new Set([
  'A1RKKUPIHCS9HS', 'A1F83G8C2ARO7P', 'A13V1IB3VIYZZH', 'AMEN7PMS3EDWL', 'A1805IZSGTT6HS',
  'A1PA6795UKMFR9', 'APJ6JRA9NG5V4', 'A2NODRKZP88ZB9', 'A1C3SOZRARQ6R3',
]);

/** An issue on a live listing with the enforcement Amazon applies (Issue.enforcements). */
export interface LiveIssue extends ListingIssue {
  enforcements: { actions: Array<{ action: string }>; exemption: { status: 'EXEMPT' | 'EXEMPT_UNTIL_EXPIRY_DATE' | 'NOT_EXEMPT' } };
}

/**
 * Whether offers on this ASIN need `list_price`: the catalogue entry says so, or else a share
 * (`amazon.listPriceShare`) of the ASINs chosen by a hash, so the same ASIN always answers alike.
 */
function needsListPrice(state: SimState, asin: string, marketplaceId: string): boolean {
  if (!LIST_PRICE_STORES.has(marketplaceId)) return false;
  const entry = catalogByAsin(state, asin);
  if (entry?.needsListPrice !== undefined) return entry.needsListPrice;
  const share = state.amazon.listPriceShare;
  if (share <= 0) return false;
  const draw = createHash('sha1').update(asin).digest().readUInt32BE(0) / 0x1_0000_0000;
  return draw < share;
}

function hasEntry(attrs: Record<string, unknown>, name: string, marketplaceId: string): boolean {
  const v = attrs[name];
  return Array.isArray(v) && v.some((e) => typeof e === 'object' && e !== null && ((e as Record<string, unknown>).marketplace_id ?? marketplaceId) === marketplaceId);
}

/**
 * What Amazon's asynchronous checks find on an ACCEPTED listing: an offer on an ASIN whose
 * product type needs `list_price` (or another attribute, `offerRequires`) and has none is
 * suppressed (not BUYABLE) with a MISSING_ATTRIBUTE issue, which getListingsItem shows under
 * `includedData=issues`.
 */
export function liveIssues(state: SimState, l: AmazonListingState, marketplaceId: string, asin: string | undefined): LiveIssue[] {
  if (!asin || !hasEntry(l.attributes, 'purchasable_offer', marketplaceId)) return [];
  const wanted = [
    ...(needsListPrice(state, asin, marketplaceId) ? ['list_price'] : []),
    ...(catalogByAsin(state, asin)?.offerRequires ?? []),
  ];
  return wanted.filter((name) => !hasEntry(l.attributes, name, marketplaceId)).map((name) => ({
    code: '90220',
    message: `'${name}' is required but not supplied.`,
    severity: 'ERROR' as const,
    attributeNames: [name],
    categories: ['MISSING_ATTRIBUTE'],
    enforcements: { actions: [{ action: 'LISTING_SUPPRESSED' }], exemption: { status: 'NOT_EXEMPT' as const } },
  }));
}

/** True when an issue takes the listing off sale. */
export function suppresses(issue: LiveIssue): boolean {
  return issue.enforcements.exemption.status !== 'EXEMPT' && issue.enforcements.actions.some((a) => a.action === 'LISTING_SUPPRESSED');
}
