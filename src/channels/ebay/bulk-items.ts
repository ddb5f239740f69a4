import type { ChangeOutcome, ListingChange } from '../channel.js';
import type { ListingContext } from './apply-context.js';
import { bulkCreateOrReplaceInventoryItem, bulkGetInventoryItem } from './bulk-api.js';
import { resolveCategory, type ResolvedCategory } from './category-map.js';
import { issuesFromDetails } from './issues.js';
import { inventoryItemPayload, mergeInventoryItem } from './mapping.js';
import { Trace } from './outcome.js';
import type { InventoryItemRead } from './schemas.js';

/** A create or content update on its way to eBay: its category and the story of its calls. */
export interface ItemWrite {
  change: Extract<ListingChange, { kind: 'create' | 'update' }>;
  category: ResolvedCategory;
  trace: Trace;
}

/**
 * Each create or content update with its product's eBay category and a fresh trace. A product
 * whose shop category has no eBay category gets its failed outcome at once: nothing is sent.
 */
export function withCategories<C extends ItemWrite['change']>(ctx: ListingContext, changes: readonly C[], onOutcome: (o: ChangeOutcome) => void): Array<{ change: C; category: ResolvedCategory; trace: Trace }> {
  const ready: Array<{ change: C; category: ResolvedCategory; trace: Trace }> = [];
  for (const change of changes) {
    const trace = new Trace();
    const category = resolveCategory(ctx.config.categories, change.offer.product);
    if (!category) onOutcome(trace.outcome(change, false, [unmappedCategoryIssue(change.offer.product.category)]));
    else ready.push({ change, category, trace });
  }
  return ready;
}

function unmappedCategoryIssue(category: string | undefined) {
  return {
    code: 'category-unmapped',
    message: `shop category "${category ?? '(none)'}" has no eBay category`,
    explanation: 'Add it under channels.ebay.categories (find the id with `civetta ebay categories QUERY`). Nothing was sent to eBay.',
    field: 'channels.ebay.categories',
  };
}

/**
 * Whole inventory items for up to 25 SKUs (reference §5, §9 "Replace, not patch"): the items
 * eBay holds are read in one bulkGetInventoryItem, civetta's fields laid over them (EAN,
 * pictures, other aspects and package data eBay has are kept), and written back in one
 * bulkCreateOrReplaceInventoryItem. Returns the entries eBay accepted; each refused SKU gets its
 * outcome with eBay's own errors. A failure of the whole call is thrown.
 */
export async function writeItems<P extends ItemWrite>(ctx: ListingContext, batch: readonly P[], onOutcome: (o: ChangeOutcome) => void): Promise<P[]> {
  const skus = batch.map((p) => p.change.offer.sku);
  for (const p of batch) p.trace.sent(`bulkGetInventoryItem ${p.change.offer.sku}`);
  const read = await bulkGetInventoryItem(ctx.api, skus);
  const existing = new Map<string, InventoryItemRead>();
  for (const entry of read) {
    if (entry.sku && entry.statusCode === 200 && entry.inventoryItem) existing.set(entry.sku, entry.inventoryItem);
  }
  const items = batch.map((p) => ({
    sku: p.change.offer.sku,
    item: mergeInventoryItem(existing.get(p.change.offer.sku), inventoryItemPayload(p.change.offer, p.category, ctx.api.facts)),
  }));
  for (const p of batch) {
    p.trace.answered(existing.has(p.change.offer.sku) ? 'item read' : 'no item yet');
    p.trace.sent(`bulkCreateOrReplaceInventoryItem ${p.change.offer.sku} qty ${p.change.offer.quantity}`);
  }
  const entries = await bulkCreateOrReplaceInventoryItem(ctx.api, items);
  const accepted: P[] = [];
  for (const p of batch) {
    const entry = entries.find((e) => e.sku === p.change.offer.sku);
    const ok = entry !== undefined && entry.statusCode >= 200 && entry.statusCode < 300;
    p.trace.answered(entry ? `${entry.statusCode}` : 'no entry', entry?.warnings);
    if (ok) accepted.push(p);
    else onOutcome(p.trace.outcome(p.change, false, entry ? issuesFromDetails(entry.errors) : [{ code: 'unexpected-response', message: `no entry for ${p.change.offer.sku}` }]));
  }
  return accepted;
}

/** Groups of at most `size`, in order. */
export function batches<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
