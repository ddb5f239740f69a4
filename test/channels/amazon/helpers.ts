import { AmazonConfig } from '../../../src/config/schema.js';
import type { Offer } from '../../../src/domain/offer.js';
import type { StockProduct } from '../../../src/domain/stock-item.js';
import { imageFacts } from '../../../src/domain/stock-item.js';

export const IT = 'APJ6JRA9NG5V4';

export function stockItem(over: Partial<StockProduct> = {}): StockProduct {
  const product = {
    sku: 'CIV-1',
    line: 2,
    ean: '8001234567890',
    title: 'LEGO City Stazione dei pompieri',
    brand: 'LEGO',
    priceMinor: 2490,
    quantity: 5,
    images: [],
    safety: {},
    ...over,
  };
  return { ...product, ...imageFacts(product.images) };
}

export function offer(over: Omit<Partial<Offer>, 'product'> & { product?: Partial<StockProduct> } = {}): Offer {
  const { product, ...rest } = over;
  const item = stockItem({ sku: rest.sku ?? 'CIV-1', ...product });
  return {
    channel: 'amazon',
    sku: item.sku,
    priceMinor: 2490,
    currency: 'EUR',
    quantity: 3,
    product: item,
    contentHash: 'h1',
    reason: 'rule lego',
    ...rest,
  };
}

export function amazonConfig(over: Record<string, unknown> = {}): AmazonConfig {
  return AmazonConfig.parse({ marketplaceIds: [IT], sellerId: 'A1SELLER', ...over });
}
