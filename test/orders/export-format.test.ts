import { describe, expect, it } from 'vitest';
import { buildExportRows } from '../../src/orders/export-rows.js';
import { formatExport } from '../../src/orders/format-export.js';
import { EXPECTED_IT, EXPECTED_PLAIN } from './expected-export.js';
import { sampleOrders, sampleProducts } from './sample-orders.js';

describe('orders export: exact CSV bytes for a known ledger', () => {
  const rows = buildExportRows(sampleOrders(), { includePii: true, timeZone: 'Europe/Rome', products: sampleProducts, defaultVatRate: 0.22 });

  it('plain style: comma, point, CRLF, RFC 4180 quoting, formula-looking cells neutralised', () => {
    const csv = formatExport(rows, { format: 'csv', style: 'plain', includePii: true });
    expect(csv).toBe(
      EXPECTED_PLAIN,
    );
  });

  it('Italian style: BOM, semicolon, decimal comma, DD/MM/YYYY; no PII columns with includePii false', () => {
    const bytes = Buffer.from(formatExport(rows, { format: 'csv', style: 'it', includePii: false }), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      EXPECTED_IT,
    );
  });

  it('JSON: one object per line, money as decimal strings, null when unknown', () => {
    const json = JSON.parse(formatExport(rows.slice(0, 1), { format: 'json', style: 'plain', includePii: false })) as unknown;
    expect(json).toEqual([
      {
        channel: 'ebay', marketplace: 'EBAY_IT', order_id: '12-00000-00001', order_date: '2026-11-01', status: 'cancelled',
        shipped_date: null, line_id: '10000000000009', sku: 'GIO-001', ean: null, title: 'Puzzle', quantity: 1,
        unit_price: '14.95', line_total: '14.95', shipping: null, fees: null, currency: 'EUR', vat_percent: 22,
        net: '0.00', vat: '0.00', gross: '0.00',
      },
    ]);
  });

  it('filters by creation day (inclusive) and channel', () => {
    const ids = (f: Parameters<typeof buildExportRows>[1]) => buildExportRows(sampleOrders(), f).map((r) => `${r.orderId}/${r.lineId}`);
    expect(ids({ includePii: false, timeZone: 'UTC', from: '2026-11-01', to: '2026-11-01' })).toEqual([
      '12-34567-89012/10000000000001',
      '12-34567-89012/10000000000002',
    ]);
    expect(ids({ includePii: false, timeZone: 'UTC', channel: 'amazon' })).toEqual(['171-1234567-7654321/11111111111111']);
  });

  it("days are the shop's (shop.timeZone): 23:59 UTC on 31 October is 1 November in Rome", () => {
    const rome = buildExportRows(sampleOrders(), { includePii: false, timeZone: 'Europe/Rome', from: '2026-11-01', to: '2026-11-01' });
    expect(rome.map((r) => [r.orderId, r.orderDate])).toEqual([
      ['12-00000-00001', '2026-11-01'],
      ['12-34567-89012', '2026-11-01'],
      ['12-34567-89012', '2026-11-01'],
    ]);
  });
});
