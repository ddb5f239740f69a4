import type { RemoteRef } from '../../domain/listing.js';
import type { Offer } from '../../domain/offer.js';
import type { ChangeOutcome, ChannelIssue, ListingChange, MatchResult } from '../channel.js';
import type { AmazonApi } from './api-context.js';
import { issue } from './error-explanations.js';
import { deleteListingsItem, patchListingsItem, putListingsItem } from './listings-api.js';
import { GENERIC_PRODUCT_TYPE, offerOnlyAttributes, type Attributes, type ListingContext } from './mapping.js';
import { updatePatches, zeroQuantityPatches } from './patches.js';
import { newProductAttributes } from './product-attributes.js';
import { failureOf, judgeSubmission, offerSummary } from './outcome.js';
import type { SubmissionResponse } from './schemas.js';

/** What per-item calls need besides the change itself. */
export interface ItemContext {
  api: AmazonApi;
  listing: ListingContext;
  delistBy: 'delete' | 'zero';
  /** config.createProducts: an EAN Amazon does not know becomes a new catalogue product. */
  createProducts: boolean;
}

/** What a create sends: an offer on a matched ASIN, or (createProducts) a whole new product. */
export interface CreatePlan {
  requirements: 'LISTING' | 'LISTING_OFFER_ONLY';
  productType: string;
  attributes: Attributes;
  warnings: ChannelIssue[];
  remote?: RemoteRef;
  /** `LISTING_OFFER_ONLY asin=B0…` or `LISTING new product ean=…`. */
  summary: string;
}

/** The create to send for this verdict; undefined when nothing may be sent. */
export function planCreate(offer: Offer, match: MatchResult | undefined, ctx: Pick<ItemContext, 'listing' | 'createProducts'>): CreatePlan | undefined {
  const target = matchedRemote(match);
  if (target) {
    const { attributes, warnings } = offerOnlyAttributes(offer, target.asin, ctx.listing);
    return { requirements: 'LISTING_OFFER_ONLY', productType: target.productType, attributes, warnings, remote: target, summary: `LISTING_OFFER_ONLY asin=${target.asin}` };
  }
  if (ctx.createProducts && match?.outcome === 'none' && offer.product.ean) {
    const { attributes, warnings } = newProductAttributes(offer, ctx.listing);
    return {
      requirements: 'LISTING', productType: GENERIC_PRODUCT_TYPE, attributes, warnings,
      remote: { productType: GENERIC_PRODUCT_TYPE, ownsProduct: true }, summary: `LISTING new product ean=${offer.product.ean}`,
    };
  }
  return undefined;
}

const MATCH_CODES: Record<Exclude<MatchResult['outcome'], 'matched'>, string> = {
  none: 'no-catalog-match',
  ambiguous: 'ambiguous-catalog-match',
  mismatch: 'catalog-mismatch',
  'no-ean': 'no-ean',
};

/** A create whose product has no single ASIN: nothing is sent, the verdict is the outcome. */
export function unmatchedOutcome(offer: Offer, match: MatchResult | undefined): ChangeOutcome {
  const code = match && match.outcome !== 'matched' ? MATCH_CODES[match.outcome] : 'no-catalog-match';
  return {
    sku: offer.sku,
    kind: 'create',
    ok: false,
    request: `match ean=${offer.product.ean ?? '-'} (nothing sent)`,
    errors: [issue(code, match?.message ?? 'the product was not matched to an Amazon product')],
    warnings: [],
  };
}

/** The ASIN and product type a create attaches to, when the match found exactly one product. */
function matchedRemote(match: MatchResult | undefined): Required<Pick<RemoteRef, 'asin' | 'productType'>> | undefined {
  if (match?.outcome !== 'matched' || !match.remote?.asin) return undefined;
  return { asin: match.remote.asin, productType: match.remote.productType ?? GENERIC_PRODUCT_TYPE };
}

function fromSubmission(
  base: Pick<ChangeOutcome, 'sku' | 'kind' | 'request'> & { remote?: RemoteRef },
  res: SubmissionResponse,
  extraWarnings: ChangeOutcome['warnings'] = [],
): ChangeOutcome {
  const verdict = judgeSubmission(res);
  const asin = res.identifiers?.find((i) => i.asin)?.asin;
  const remote = base.remote || asin ? { ...base.remote, ...(asin ? { asin } : {}) } : undefined;
  return {
    sku: base.sku,
    kind: base.kind,
    ok: verdict.ok,
    ...(remote ? { remote } : {}),
    request: base.request,
    response: verdict.response,
    errors: verdict.errors,
    warnings: [...extraWarnings, ...verdict.warnings],
  };
}

/** One change as one Listings Items call. Never rejects for the item's own failure. */
export async function applyOne(change: ListingChange, match: MatchResult | undefined, ctx: ItemContext): Promise<ChangeOutcome> {
  const sku = change.kind === 'delist' ? change.sku : change.offer.sku;
  let request = '';
  try {
    if (change.kind === 'create') {
      const plan = planCreate(change.offer, match, ctx);
      if (!plan) return unmatchedOutcome(change.offer, match);
      request = `putListingsItem ${plan.summary} ${offerSummary(change.offer)}`;
      const res = await putListingsItem(ctx.api, sku, { productType: plan.productType, requirements: plan.requirements, attributes: plan.attributes });
      return fromSubmission({ sku, kind: 'create', request, ...(plan.remote ? { remote: plan.remote } : {}) }, res.data, plan.warnings);
    }
    const productType = change.remote.productType ?? GENERIC_PRODUCT_TYPE;
    if (change.kind === 'update') {
      const patches = updatePatches(change, ctx.listing);
      request = `patchListingsItem ${offerSummary(change.offer, change.fields)}`;
      if (patches.length === 0) {
        const note = issue('nothing-to-send', 'offer-only listings show the catalogue content: no offer attribute changed');
        return { sku, kind: 'update', ok: true, remote: change.remote, request: `${request} (nothing sent)`, errors: [], warnings: [note] };
      }
      const res = await patchListingsItem(ctx.api, sku, { productType, patches });
      return fromSubmission({ sku, kind: 'update', request, remote: change.remote }, res.data);
    }
    if (ctx.delistBy === 'zero') {
      request = `patchListingsItem sku=${sku} qty=0 (delist)`;
      const res = await patchListingsItem(ctx.api, sku, { productType, patches: zeroQuantityPatches(ctx.listing.handlingDays) });
      return fromSubmission({ sku, kind: 'delist', request, remote: change.remote }, res.data);
    }
    request = `deleteListingsItem sku=${sku}`;
    const res = await deleteListingsItem(ctx.api, sku);
    return fromSubmission({ sku, kind: 'delist', request, remote: change.remote }, res.data);
  } catch (error) {
    const failure = failureOf(error);
    // Deleting what Amazon no longer has leaves the wanted state: done, with a note.
    if (change.kind === 'delist' && ctx.delistBy === 'delete' && failure.response.startsWith('HTTP 404')) {
      return { sku, kind: 'delist', ok: true, remote: change.remote, request, response: failure.response, errors: [], warnings: failure.errors };
    }
    return { sku, kind: change.kind, ok: false, request: request || `${change.kind} sku=${sku}`, response: failure.response, errors: failure.errors, warnings: [] };
  }
}
