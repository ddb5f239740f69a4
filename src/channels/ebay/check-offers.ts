import type { EbayConfig } from '../../config/schema.js';
import type { Offer } from '../../domain/offer.js';
import type { Problem } from '../../domain/problem.js';
import type { EbayApiContext } from './api-context.js';
import { resolveCategory } from './category-map.js';
import { listingImages, TITLE_MAX } from './mapping.js';
import { getDefaultCategoryTreeId, getItemAspectsForCategory, type AspectInfo } from './taxonomy-api.js';

/**
 * Per hook: its shop category maps to an eBay category, and every aspect the category requires
 * (aspectRequired: true) gets a value; plus what publish would refuse (no https picture) and
 * what civetta will change (a title cut to 80 characters). Aspects are read once per category.
 */
export async function checkOffers(api: EbayApiContext, config: EbayConfig, offers: readonly Offer[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const aspectsByCategory = new Map<string, Promise<AspectInfo[]>>();
  let tree: Promise<string> | undefined;
  for (const offer of offers) {
    const p = offer.product;
    const base = { sku: p.sku, line: p.line };
    if (!listingImages(p.images).length) {
      problems.push({ ...base, severity: 'error', code: 'ebay-no-picture', message: `ebay: ${p.sku} has no picture URL starting with https://`, column: 'image', expected: 'at least one https:// picture URL' });
    }
    if (!/^[A-Za-z0-9]{1,50}$/.test(p.sku)) {
      // The contract's 25707: "sku has to be alphanumeric with upto 50 characters in length".
      problems.push({ ...base, severity: 'warning', code: 'ebay-sku-format', message: `ebay: SKU "${p.sku}" has characters other than letters and digits (or more than 50); eBay may refuse it (errorId 25707)`, column: 'sku', value: p.sku, expected: 'letters and digits only, at most 50' });
    }
    if (p.title.trim().length > TITLE_MAX) {
      problems.push({ ...base, severity: 'warning', code: 'ebay-title-cut', message: `ebay: the title of ${p.sku} is longer than ${TITLE_MAX} characters and will be cut`, column: 'title', value: p.title });
    }
    const category = resolveCategory(config.categories, p);
    if (!category) {
      problems.push({ ...base, severity: 'error', code: 'ebay-category-unmapped', message: `ebay: shop category "${p.category ?? '(none)'}" of ${p.sku} has no eBay category`, key: 'channels.ebay.categories', ...(p.category ? { value: p.category } : {}), expected: 'an eBay category id (find one with `civetta ebay categories QUERY`)' });
      continue;
    }
    for (const u of category.unfilled) {
      problems.push({ ...base, severity: 'warning', code: 'ebay-aspect-field-empty', message: `ebay: aspect "${u.aspect}" of ${p.sku} takes {${u.field}}, which is empty for this product`, key: `channels.ebay.categories.${p.category ?? ''}.aspects.${u.aspect}` });
    }
    tree ??= getDefaultCategoryTreeId(api).then((t) => t.categoryTreeId);
    const treeId = await tree;
    let aspects = aspectsByCategory.get(category.categoryId);
    if (!aspects) {
      aspects = getItemAspectsForCategory(api, treeId, category.categoryId);
      aspectsByCategory.set(category.categoryId, aspects);
    }
    const missing = (await aspects).filter((a) => a.required && !category.aspects[a.name]?.length);
    for (const a of missing) {
      problems.push({
        ...base,
        severity: 'error',
        code: 'ebay-aspect-missing',
        message: `ebay: category ${category.categoryId} requires the aspect "${a.name}", which ${p.sku} does not have`,
        key: `channels.ebay.categories.${p.category ?? ''}.aspects`,
        expected: a.values.length ? `${a.name}: one of ${a.values.slice(0, 8).join(', ')}${a.values.length > 8 ? ', …' : ''}` : `${a.name}: a value (or "{field}")`,
      });
    }
  }
  return problems;
}
