import { EbayConfig } from '../../../src/config/schema.js';
import type { Offer } from '../../../src/domain/offer.js';
import type { StockProduct } from '../../../src/domain/stock-item.js';
import { imageFacts } from '../../../src/domain/stock-item.js';

export function stockItem(over: Partial<StockProduct> = {}): StockProduct {
  const product = {
    sku: 'CIV8001234567897',
    line: 2,
    ean: '8001234567897',
    title: 'Set costruzioni Stazione di Polizia 60316',
    brand: 'LEGO',
    category: 'LEGO',
    description: 'Set nuovo, scatola sigillata.',
    priceMinor: 2490,
    quantity: 5,
    images: ['https://negozio.example/img/60316.jpg'],
    safety: {},
    ...over,
  };
  return { ...product, ...imageFacts(product.images) };
}

export function offer(over: Omit<Partial<Offer>, 'product'> & { product?: Partial<StockProduct> } = {}): Offer {
  const { product, ...rest } = over;
  const item = stockItem({ ...(rest.sku ? { sku: rest.sku } : {}), ...product });
  return {
    channel: 'ebay',
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

export function ebayConfig(over: Record<string, unknown> = {}): EbayConfig {
  return EbayConfig.parse({
    environment: 'simulator',
    endpoint: 'http://127.0.0.1:9/ebay',
    merchantLocationKey: 'negozio',
    policies: { fulfillment: '6200000001', payment: '6200000002', return: '6200000003' },
    categories: { LEGO: { id: '183446', aspects: { Marca: '{brand}', Tema: ['City'] } }, Puzzle: '2550' },
    ...over,
  });
}
