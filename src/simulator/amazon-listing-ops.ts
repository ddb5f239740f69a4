import type { z } from 'zod';
import { checkAttribute, crossChecks, type ListingIssue, type Patch, type PutBody, validatePut } from './amazon-listing-rules.js';
import { applyPatches } from './amazon-patch.js';
import type { AmazonListingState, SimState } from './state.js';

/** Outcome of one listing submission (API call or feed message). */
export interface ListingOutcome {
  issues: ListingIssue[];
  accepted: boolean;
}

const errorsIn = (issues: ListingIssue[]) => issues.some((i) => i.severity === 'ERROR');

/** Runs an accepted change now, or after the configured delay for API calls (`delayed`). */
function commit(state: SimState, delayed: boolean, apply: () => void): void {
  const delay = delayed ? state.amazon.acceptDelayMs / state.timeScale : 0;
  if (delay <= 0) {
    apply();
    return;
  }
  state.amazon.pending.push({ atMs: state.clock.nowMs() + delay, apply });
}

function notFoundIssue(sku: string): ListingIssue {
  return { code: '4000004', message: `SKU '${sku}' does not exist for this seller.`, severity: 'ERROR', attributeNames: [], categories: [] };
}

/** Full put (putListingsItem, feed UPDATE). Nothing is saved when `preview` or when an ERROR issue exists. */
export function putListing(state: SimState, sku: string, body: z.infer<typeof PutBody>, marketplaceId: string, preview: boolean, delayed = false): ListingOutcome {
  const issues = validatePut(state, body, marketplaceId);
  const ok = !errorsIn(issues);
  if (ok && !preview) {
    const now = state.clock.nowMs();
    const prev = state.amazon.listings.get(sku);
    const next: AmazonListingState = {
      sku, productType: body.productType, attributes: structuredClone(body.attributes),
      marketplaceIds: [marketplaceId], createdMs: prev?.createdMs ?? now, updatedMs: now,
    };
    if (body.requirements) next.requirements = body.requirements;
    commit(state, delayed, () => state.amazon.listings.set(sku, { ...next, updatedMs: Math.max(next.updatedMs, state.clock.nowMs()) }));
  }
  return { issues, accepted: ok };
}

function saveAttributes(state: SimState, prev: AmazonListingState, attributes: Record<string, unknown>, touched: string[], marketplaceId: string, extra: ListingIssue[], preview: boolean, delayed: boolean): ListingOutcome {
  const issues = [
    ...extra,
    ...touched.filter((n) => attributes[n] !== undefined).flatMap((n) => checkAttribute(state, n, attributes[n], marketplaceId)),
    ...crossChecks(attributes),
  ];
  const ok = !errorsIn(issues);
  if (ok && !preview) commit(state, delayed, () => state.amazon.listings.set(prev.sku, { ...prev, attributes, updatedMs: state.clock.nowMs() }));
  return { issues, accepted: ok };
}

/** JSON-Patch submission (patchListingsItem, feed PATCH) on an existing SKU. */
export function patchListing(state: SimState, sku: string, patches: Patch[], marketplaceId: string, preview: boolean, delayed = false): ListingOutcome {
  const prev = state.amazon.listings.get(sku);
  if (!prev) return { issues: [notFoundIssue(sku)], accepted: false };
  const applied = applyPatches(prev.attributes, patches);
  return saveAttributes(state, prev, applied.attributes, applied.touched, marketplaceId, applied.issues, preview, delayed);
}

/** Feed PARTIAL_UPDATE: replaces only the given attributes of an existing SKU. */
export function partialUpdate(state: SimState, sku: string, attributes: Record<string, unknown>, marketplaceId: string): ListingOutcome {
  const prev = state.amazon.listings.get(sku);
  if (!prev) return { issues: [notFoundIssue(sku)], accepted: false };
  const merged = { ...structuredClone(prev.attributes), ...structuredClone(attributes) };
  return saveAttributes(state, prev, merged, Object.keys(attributes), marketplaceId, [], false, false);
}

export function deleteListing(state: SimState, sku: string, delayed = false): ListingOutcome {
  if (!state.amazon.listings.has(sku)) return { issues: [notFoundIssue(sku)], accepted: false };
  commit(state, delayed, () => state.amazon.listings.delete(sku));
  return { issues: [], accepted: true };
}
