import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Order } from '../../src/domain/order.js';
import { openLedger } from '../../src/ledger/database.js';
import { upsertOrders } from '../../src/ledger/orders.js';
import { sampleOrders } from './sample-orders.js';

/** The sample orders as a marketplace would hand them over (no ledger-only fields). */
function asPulled(): Order[] {
  return sampleOrders().map(({ firstSeenAt: _f, shippedAt: _s, piiPurgedAt: _p, lines, ...o }) => ({
    ...o,
    lines: lines.map(({ ean: _e, vatRate: _v, costMinor: _c, ...l }) => l),
  }));
}

/**
 * A shop folder with a config, a two-product stock file (books at 4%, toys at 22%) and a ledger
 * holding the sample orders. The Amazon order was pulled while its product was in the stock
 * file (EAN and VAT snapshotted on the line); the eBay lines get theirs from the current file.
 */
export function knownShop(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'civetta-known-shop-'));
  mkdirSync(join(dir, 'stock'));
  writeFileSync(
    join(dir, 'stock', 'export.csv'),
    'Codice,EAN,Descrizione,Prezzo,Costo,Giacenza,IVA\r\nLIB-010,9788845292613,Il nome della rosa,12.00,7.00,4,4\r\nGIO-002,8009876543217,Costruzioni,10.00,5.50,6,22\r\n',
  );
  const config = join(dir, 'civetta.config.yaml');
  writeFileSync(
    config,
    [
      'shop: { name: "Giocattoli Rossi" }',
      'stock:',
      '  file: ./stock/export.csv',
      '  columns: { sku: Codice, ean: EAN, title: Descrizione, price: Prezzo, cost: Costo, quantity: Giacenza, vat: IVA }',
      'vat: { default: 0.22 }',
      'hooks: { rules: [{ name: best-margin, take: 10 }] }',
      'ledger: ./civetta.db',
      '',
    ].join('\n'),
  );
  const ledger = openLedger(join(dir, 'civetta.db'));
  const [amazon, ...ebay] = asPulled();
  const now = new Date('2026-11-04T00:00:00.000Z');
  upsertOrders(ledger, [amazon!], { now, products: (sku) => (sku === 'GIO-001' ? { ean: '8001234567897', vatRate: 0.22 } : undefined) });
  upsertOrders(ledger, ebay, { now });
  ledger.close();
  return { dir, config };
}
