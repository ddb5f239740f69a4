import type { StockItem } from '../../domain/stock-item.js';
import type { MatchResult } from '../channel.js';
import type { CatalogItem } from './schemas.js';

/** Share of the shop title's words that must appear in Amazon's title when no brand can be compared (civetta's choice). */
const TITLE_MATCH_SHARE = 0.5;

/** GTIN forms of one code differ by leading zeros (EAN-13 in GTIN-14, UPC-12 in EAN-13). */
function normalizeGtin(code: string): string {
  return code.trim().replace(/^0+/, '');
}

/** Which catalogue items answer which EAN, read from each item's own identifiers. */
export function groupByEan(items: readonly CatalogItem[], eans: readonly string[]): Map<string, CatalogItem[]> {
  const wanted = new Map(eans.map((ean) => [normalizeGtin(ean), ean] as const));
  const groups = new Map<string, CatalogItem[]>(eans.map((ean) => [ean, []]));
  for (const item of items) {
    const codes = new Set(
      (item.identifiers ?? []).flatMap((m) => m.identifiers.map((id) => normalizeGtin(id.identifier))),
    );
    // An item without identifiers can only be attributed when the search asked for one EAN.
    const owners =
      codes.size === 0 && eans.length === 1
        ? [eans[0] as string]
        : [...codes].map((code) => wanted.get(code)).filter((ean): ean is string => ean !== undefined);
    for (const ean of new Set(owners)) {
      const group = groups.get(ean);
      if (group && !group.some((c) => c.asin === item.asin)) group.push(item);
    }
  }
  return groups;
}

function candidateOf(item: CatalogItem, marketplaceId: string): MatchResult['candidates'][number] {
  const summary = item.summaries?.find((s) => s.marketplaceId === marketplaceId) ?? item.summaries?.[0];
  const productType =
    item.productTypes?.find((p) => p.marketplaceId === marketplaceId)?.productType ?? item.productTypes?.[0]?.productType;
  return {
    id: item.asin,
    ...(summary?.itemName ? { title: summary.itemName } : {}),
    ...(summary?.brand ? { brand: summary.brand } : {}),
    ...(productType ? { productType } : {}),
  };
}

const simplify = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);

/** true/false when both brands are known, undefined when one is missing. */
function brandsAgree(shop: string | undefined, amazon: string | undefined): boolean | undefined {
  if (!shop || !amazon) return undefined;
  const a = simplify(shop);
  const b = simplify(amazon);
  if (!a || !b) return undefined;
  return a === b || a.includes(b) || b.includes(a);
}

/** Share of the shop title's words (3+ letters) found in Amazon's title. */
function titleShare(shop: string, amazon: string | undefined): number {
  const mine = words(shop);
  if (mine.length === 0 || !amazon) return 0;
  const theirs = simplify(amazon);
  return mine.filter((w) => theirs.includes(simplify(w))).length / mine.length;
}

/** The match verdict for one product, from the catalogue items found for its EAN. Never guesses. */
export function decideMatch(
  product: StockItem,
  found: readonly CatalogItem[] | undefined,
  ctx: { marketplaceId: string; createProducts: boolean },
): MatchResult {
  const sku = product.sku;
  if (!product.ean) return { sku, outcome: 'no-ean', candidates: [], message: 'no EAN: cannot look it up in the Amazon catalogue' };
  const candidates = (found ?? []).map((item) => candidateOf(item, ctx.marketplaceId));
  const [only] = candidates;
  if (!only) {
    const message = ctx.createProducts
      ? `no match for EAN ${product.ean}: will create a new catalogue product`
      : `no match for EAN ${product.ean}: will not create`;
    return { sku, outcome: 'none', candidates, message };
  }
  if (candidates.length > 1) {
    return {
      sku,
      outcome: 'ambiguous',
      candidates,
      message: `${candidates.length} Amazon products carry EAN ${product.ean} (${candidates.map((c) => c.id).join(', ')}): will not guess`,
    };
  }
  const brand = brandsAgree(product.brand, only.brand);
  const share = titleShare(product.title, only.title);
  const ok = brand ?? share >= TITLE_MATCH_SHARE;
  const described = `${only.id} "${only.title ?? '?'}"${only.brand ? ` (${only.brand})` : ''}`;
  if (!ok) {
    const why = brand === false ? `brand "${product.brand}" differs` : `title shares ${Math.round(share * 100)}% of its words`;
    return { sku, outcome: 'mismatch', candidates, message: `EAN ${product.ean} is ${described}: ${why}; will not list` };
  }
  return {
    sku,
    outcome: 'matched',
    candidates,
    remote: { asin: only.id, ...(only.productType ? { productType: only.productType } : {}) },
    message: `matched ${described}`,
  };
}
