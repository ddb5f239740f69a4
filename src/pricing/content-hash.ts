import { createHash } from 'node:crypto';
import type { StockProduct } from '../domain/stock-item.js';

/** JSON with object keys sorted at every level, so equal content always hashes alike. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 of the content a channel shows (title, description, images, EAN, brand, category,
 * safety data, VAT rate): a changed hash means the listing's content must be sent again.
 * Price and quantity are not part of it; they are compared on their own.
 */
export function contentHash(product: StockProduct): string {
  const content = {
    title: product.title,
    description: product.description,
    images: product.images,
    ean: product.ean,
    brand: product.brand,
    category: product.category,
    safety: product.safety,
    vatRate: product.vatRate,
  };
  return createHash('sha256').update(stableJson(content)).digest('hex');
}
