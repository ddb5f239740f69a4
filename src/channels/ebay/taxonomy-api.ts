import { joinUrl } from '../../http/client.js';
import { languageHeaders, type EbayApiContext } from './api-context.js';
import { BASE_PATHS } from './endpoints.js';
import { AspectsAnswer, CategorySuggestionsAnswer, CategoryTreeAnswer } from './schemas-taxonomy.js';

/** One thin function per Taxonomy call (commerce_taxonomy_v1_oas3.json); application token. */
const url = (ctx: EbayApiContext, p: string, query?: Record<string, string>) =>
  joinUrl(ctx.endpoint, `${BASE_PATHS.taxonomy}${p}`, query);

/** GET /get_default_category_tree_id?marketplace_id=… */
export async function getDefaultCategoryTreeId(ctx: EbayApiContext) {
  const res = await ctx.appHttp.request({
    operation: 'getDefaultCategoryTreeId',
    method: 'GET',
    url: url(ctx, '/get_default_category_tree_id', { marketplace_id: ctx.marketplaceId }),
    headers: languageHeaders(ctx),
    schema: CategoryTreeAnswer,
    idempotent: true,
  });
  return res.data;
}

/** Category suggestions for keywords, best first (204 = none). */
export async function getCategorySuggestions(ctx: EbayApiContext, treeId: string, q: string) {
  const res = await ctx.appHttp.request({
    operation: 'getCategorySuggestions',
    method: 'GET',
    url: url(ctx, `/category_tree/${encodeURIComponent(treeId)}/get_category_suggestions`, { q }),
    headers: languageHeaders(ctx),
    schema: CategorySuggestionsAnswer,
    idempotent: true,
  });
  return res.data?.categorySuggestions ?? [];
}

/** A category aspect, reduced to what civetta checks and shows. */
export interface AspectInfo {
  name: string;
  required: boolean;
  mode?: string;
  multi: boolean;
  values: string[];
}

/** The item aspects of a leaf category (names localized: "Marca" on EBAY_IT). */
export async function getItemAspectsForCategory(ctx: EbayApiContext, treeId: string, categoryId: string): Promise<AspectInfo[]> {
  const res = await ctx.appHttp.request({
    operation: 'getItemAspectsForCategory',
    method: 'GET',
    url: url(ctx, `/category_tree/${encodeURIComponent(treeId)}/get_item_aspects_for_category`, { category_id: categoryId }),
    headers: languageHeaders(ctx),
    schema: AspectsAnswer,
    idempotent: true,
  });
  return (res.data?.aspects ?? []).map((a) => ({
    name: a.localizedAspectName,
    // Required means aspectRequired: true; aspectUsage reads RECOMMENDED even then (reference §4).
    required: a.aspectConstraint?.aspectRequired === true,
    ...(a.aspectConstraint?.aspectMode ? { mode: a.aspectConstraint.aspectMode } : {}),
    multi: a.aspectConstraint?.itemToAspectCardinality === 'MULTI',
    values: (a.aspectValues ?? []).map((v) => v.localizedValue),
  }));
}
