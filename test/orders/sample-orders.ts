import type { StoredOrder } from '../../src/domain/stored-order.js';

/** A small known ledger: two eBay lines with fees, an Amazon order whose title looks like a formula, a cancelled order. */
export function sampleOrders(): StoredOrder[] {
  return [
    {
      channel: 'amazon',
      marketplace: 'APJ6JRA9NG5V4',
      orderId: '171-1234567-7654321',
      createdAt: '2026-11-02T09:30:00.000Z',
      updatedAt: '2026-11-03T10:00:00.000Z',
      status: 'shipped',
      rawStatus: 'Shipped',
      currency: 'EUR',
      shippingMinor: 490,
      totalMinor: 3480,
      firstSeenAt: '2026-11-02T10:00:00.000Z',
      shippedAt: '2026-11-03T10:00:00.000Z',
      buyer: { name: 'Maria "Mimì" Rossi', address: 'Via Roma 1\n20100 Milano MI' },
      lines: [
        {
          lineId: '11111111111111',
          sku: 'GIO-001',
          title: '=HYPERLINK("http://x","Puzzle 1000, pezzi")',
          quantity: 2,
          unitPriceMinor: 1495,
          lineTotalMinor: 2990,
          ean: '8001234567897',
          vatRate: 0.22,
        },
      ],
    },
    {
      channel: 'ebay',
      marketplace: 'EBAY_IT',
      orderId: '12-34567-89012',
      createdAt: '2026-11-01T15:00:00.000Z',
      updatedAt: '2026-11-01T15:05:00.000Z',
      status: 'unshipped',
      rawStatus: 'NOT_STARTED',
      currency: 'EUR',
      shippingMinor: 0,
      feesMinor: 301,
      firstSeenAt: '2026-11-01T16:00:00.000Z',
      lines: [
        { lineId: '10000000000001', sku: 'LIB-010', title: 'Il nome della rosa', quantity: 1, unitPriceMinor: 1200, lineTotalMinor: 1200 },
        { lineId: '10000000000002', sku: 'GIO-002', title: '-20% Costruzioni', quantity: 1, unitPriceMinor: 1000, lineTotalMinor: 1000 },
      ],
    },
    {
      channel: 'ebay',
      marketplace: 'EBAY_IT',
      orderId: '12-00000-00001',
      createdAt: '2026-10-31T23:59:00.000Z',
      updatedAt: '2026-11-01T08:00:00.000Z',
      status: 'cancelled',
      rawStatus: 'CANCELED',
      currency: 'EUR',
      firstSeenAt: '2026-11-01T08:00:00.000Z',
      lines: [{ lineId: '10000000000009', sku: 'GIO-001', title: 'Puzzle', quantity: 1, unitPriceMinor: 1495, lineTotalMinor: 1495 }],
    },
  ];
}

/** The current stock file's facts for the sample SKUs (books at 4%, toys at 22%). */
export const sampleProducts = (sku: string) =>
  ({
    'LIB-010': { ean: '9788845292613', vatRate: 0.04, costMinor: 700 },
    'GIO-002': { ean: '8009876543217', vatRate: 0.22, costMinor: 550 },
  })[sku];
