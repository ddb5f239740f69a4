import { Config } from '../../src/config/schema.js';
import type { StockProduct } from '../../src/domain/stock-item.js';
import { imageFacts } from '../../src/domain/stock-item.js';
import { party } from '../support/party.js';

/** A stock product with sensible defaults; amounts in minor units. */
export function item(sku: string, over: Partial<StockProduct> = {}): StockProduct {
  const product = {
    sku,
    line: 2,
    title: `Prodotto ${sku}`,
    priceMinor: 2000,
    quantity: 5,
    images: ['https://img.example/a.jpg'],
    safety: { manufacturer: party('Fabbrica S.p.A.'), responsiblePerson: party('Fabbrica S.p.A.'), warnings: 'Attenzione.' },
    vatRate: 0.22,
    ean: '8001234567897',
    ...over,
  };
  return { ...product, ...imageFacts(product.images) };
}

/** A valid config (schema defaults applied) with `over` merged at the top level. */
export function config(over: Record<string, unknown> = {}): Config {
  return Config.parse({
    shop: { name: 'Test' },
    stock: { file: '/shop/stock.csv', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza', cost: 'Costo', ean: 'EAN', image: 'Immagine', category: 'Categoria', brand: 'Marca' } },
    hooks: { rules: [] },
    ...over,
  });
}
