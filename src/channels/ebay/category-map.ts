import type { EbayConfig } from '../../config/schema.js';
import type { StockProduct } from '../../domain/stock-item.js';

/** A shop category resolved to its eBay category, with the item aspects filled from the product. */
export interface ResolvedCategory {
  categoryId: string;
  /** name → values, never a bare string (reference §9: a string gives errorId 2004). */
  aspects: Record<string, string[]>;
  /** `{field}` placeholders that name no product field, or whose product value is empty. */
  unfilled: Array<{ aspect: string; field: string }>;
}

/** The product fields a `{field}` placeholder may name. */
const TEMPLATE_FIELDS: Record<string, (p: StockProduct) => string | undefined> = {
  sku: (p) => p.sku,
  ean: (p) => p.ean,
  title: (p) => p.title,
  brand: (p) => p.brand,
  category: (p) => p.category,
  description: (p) => p.description,
  manufacturer: (p) => p.safety.manufacturer?.name,
};

/**
 * The eBay category of a product: `channels.ebay.categories[product.category]`, either an id or
 * `{ id, aspects }` where a value may hold `{field}` placeholders taking the product's value
 * (`Marca: "{brand}"`). Undefined when the product has no category or it is not mapped.
 */
export function resolveCategory(categories: EbayConfig['categories'], product: StockProduct): ResolvedCategory | undefined {
  if (!product.category) return undefined;
  const target = categories[product.category];
  if (target === undefined) return undefined;
  if (typeof target === 'string') return { categoryId: target, aspects: {}, unfilled: [] };
  const aspects: Record<string, string[]> = {};
  const unfilled: ResolvedCategory['unfilled'] = [];
  for (const [name, raw] of Object.entries(target.aspects)) {
    const values: string[] = [];
    for (const template of Array.isArray(raw) ? raw : [raw]) {
      const filled = fillTemplate(template, product);
      if (filled.missing.length) unfilled.push(...filled.missing.map((field) => ({ aspect: name, field })));
      else if (filled.text.trim()) values.push(filled.text.trim());
    }
    if (values.length) aspects[name] = values;
  }
  return { categoryId: target.id, aspects, unfilled };
}

function fillTemplate(template: string, product: StockProduct): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(/\{(\w+)\}/g, (_, field: string) => {
    const value = TEMPLATE_FIELDS[field]?.(product)?.trim();
    if (!value) missing.push(field);
    return value ?? '';
  });
  return { text, missing };
}
