import { ebayEntry, ebayError } from './ebay-errors.js';
import { CATEGORIES, categoryById, localized, type SimCategory, TREE_VERSION } from './ebay-taxonomy-data.js';
import { json, type Route } from './http-types.js';
import { EBAY_MARKETPLACES } from './marketplaces.js';

const TAX = 'API_TAXONOMY';
const P = '/commerce/taxonomy/v1';

function languageOfTree(treeId: string): string | undefined {
  const m = Object.values(EBAY_MARKETPLACES).find((x) => x.treeId === treeId);
  return m?.language.slice(0, 2);
}

function ancestors(c: SimCategory, language: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let parent = c.parentId ? categoryById(c.parentId) : undefined;
  while (parent) {
    out.push({ categoryId: parent.categoryId, categoryName: localized(parent.name, language) });
    parent = parent.parentId ? categoryById(parent.parentId) : undefined;
  }
  return out.map((a, i) => ({ ...a, categoryTreeNodeLevel: out.length - i }));
}

export function ebayTaxonomyRoutes(): Route[] {
  const r = (pattern: string, operation: string, handler: Route['handler']): Route =>
    ({ service: 'ebay', method: 'GET', pattern: `${P}${pattern}`, operation, write: false, auth: true, scope: 'api_scope', handler });
  const badTree = (id: string) => ebayError(400, ebayEntry(62004, TAX, 'The specified category tree ID was not found.', { categoryTreeId: id }));
  return [
    r('/get_default_category_tree_id', 'getDefaultCategoryTreeId', (req) => {
      const mp = req.query.get('marketplace_id');
      if (!mp) return ebayError(400, ebayEntry(62002, TAX, 'Missing marketplace ID.'));
      const m = EBAY_MARKETPLACES[mp];
      if (!m) return ebayError(400, ebayEntry(62003, TAX, 'The specified marketplace ID was not found.', { marketplaceId: mp }));
      return json(200, { categoryTreeId: m.treeId, categoryTreeVersion: TREE_VERSION });
    }),
    r('/category_tree/{category_tree_id}/get_category_suggestions', 'getCategorySuggestions', (req) => {
      const tree = req.params.category_tree_id ?? '';
      const language = languageOfTree(tree);
      if (!language) return badTree(tree);
      const q = req.query.get('q');
      if (!q) return ebayError(400, ebayEntry(62007, TAX, "Missing keyword 'q'. Please specify a valid set of keywords that best describes the item."));
      const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
      const scored = CATEGORIES.filter((c) => c.leaf)
        .map((c) => ({ c, score: words.filter((w) => c.keywords.some((k) => k.startsWith(w) || w.startsWith(k))).length }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || a.c.categoryId.localeCompare(b.c.categoryId));
      if (scored.length === 0) return { status: 204 };
      return json(200, {
        categorySuggestions: scored.map(({ c }) => {
          const anc = ancestors(c, language);
          return { category: { categoryId: c.categoryId, categoryName: localized(c.name, language) }, categoryTreeNodeAncestors: anc, categoryTreeNodeLevel: anc.length + 1, relevancy: 'HIGH' };
        }),
        categoryTreeId: tree,
        categoryTreeVersion: TREE_VERSION,
      });
    }),
    r('/category_tree/{category_tree_id}/get_item_aspects_for_category', 'getItemAspectsForCategory', (req) => {
      const tree = req.params.category_tree_id ?? '';
      const language = languageOfTree(tree);
      if (!language) return badTree(tree);
      const id = req.query.get('category_id');
      if (!id) return ebayError(400, ebayEntry(62006, TAX, 'Missing category ID.'));
      if (id === '0') return ebayError(400, ebayEntry(62008, TAX, 'The specified category ID is the root for the category tree.', { categoryId: id }));
      const c = categoryById(id);
      if (!c) return ebayError(400, ebayEntry(62005, TAX, 'The specified category ID does not belong to specified category tree.', { categoryId: id }));
      if (!c.leaf) return ebayError(400, ebayEntry(62009, TAX, 'The specified category ID must be a leaf category.', { categoryId: id }));
      return json(200, {
        aspects: c.aspects.map((a) => ({
          localizedAspectName: localized(a.name, language),
          aspectConstraint: {
            aspectDataType: 'STRING', itemToAspectCardinality: 'SINGLE', aspectMode: a.mode, aspectRequired: a.required,
            // eBay reports RECOMMENDED even for required aspects (reference §4).
            aspectUsage: 'RECOMMENDED', aspectEnabledForVariations: false, ...(a.maxLength ? { aspectMaxLength: a.maxLength } : {}),
          },
          ...(a.values ? { aspectValues: a.values.map((localizedValue) => ({ localizedValue })) } : {}),
        })),
      });
    }),
  ];
}
