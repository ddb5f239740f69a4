import { describe, expect, it } from 'vitest';
import { buildExportRows } from '../../src/orders/export-rows.js';
import { formatExport } from '../../src/orders/format-export.js';
import { sampleOrders, sampleProducts } from './sample-orders.js';

const HEADER =
  'channel,marketplace,order_id,order_date,status,shipped_date,line_id,sku,ean,title,quantity,unit_price,line_total,shipping,fees,currency,vat_percent,net,vat,gross';

describe('orders export: exact CSV bytes for a known ledger', () => {
  const rows = buildExportRows(sampleOrders(), { includePii: true, products: sampleProducts, defaultVatRate: 0.22 });

  it('plain style: comma, point, CRLF, RFC 4180 quoting, formula-looking cells neutralised', () => {
    const csv = formatExport(rows, { format: 'csv', style: 'plain', includePii: true });
    expect(csv).toBe(
      [
        `${HEADER},buyer_name,buyer_address`,
        'ebay,EBAY_IT,12-00000-00001,2026-10-31,cancelled,,10000000000009,GIO-001,,Puzzle,1,14.95,14.95,,,EUR,22,0.00,0.00,0.00,,',
        'ebay,EBAY_IT,12-34567-89012,2026-11-01,unshipped,,10000000000001,LIB-010,9788845292613,Il nome della rosa,1,12.00,12.00,0.00,1.64,EUR,4,11.54,0.46,12.00,,',
        "ebay,EBAY_IT,12-34567-89012,2026-11-01,unshipped,,10000000000002,GIO-002,8009876543210,'-20% Costruzioni,1,10.00,10.00,,1.37,EUR,22,8.20,1.80,10.00,,",
        'amazon,APJ6JRA9NG5V4,171-1234567-7654321,2026-11-02,shipped,2026-11-03,11111111111111,GIO-001,8001234567890,"\'=HYPERLINK(""http://x"",""Puzzle 1000, pezzi"")",2,14.95,29.90,4.90,,EUR,22,28.52,6.28,34.80,"Maria ""Mimì"" Rossi","Via Roma 1\n20100 Milano MI"',
        '',
      ].join('\r\n'),
    );
  });

  it('Italian style: BOM, semicolon, decimal comma, DD/MM/YYYY; no PII columns with includePii false', () => {
    const bytes = Buffer.from(formatExport(rows, { format: 'csv', style: 'it', includePii: false }), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        HEADER.replaceAll(',', ';'),
        'ebay;EBAY_IT;12-00000-00001;31/10/2026;cancelled;;10000000000009;GIO-001;;Puzzle;1;14,95;14,95;;;EUR;22;0,00;0,00;0,00',
        'ebay;EBAY_IT;12-34567-89012;01/11/2026;unshipped;;10000000000001;LIB-010;9788845292613;Il nome della rosa;1;12,00;12,00;0,00;1,64;EUR;4;11,54;0,46;12,00',
        "ebay;EBAY_IT;12-34567-89012;01/11/2026;unshipped;;10000000000002;GIO-002;8009876543210;'-20% Costruzioni;1;10,00;10,00;;1,37;EUR;22;8,20;1,80;10,00",
        'amazon;APJ6JRA9NG5V4;171-1234567-7654321;02/11/2026;shipped;03/11/2026;11111111111111;GIO-001;8001234567890;"\'=HYPERLINK(""http://x"",""Puzzle 1000, pezzi"")";2;14,95;29,90;4,90;;EUR;22;28,52;6,28;34,80',
        '',
      ].join('\r\n'),
    );
  });

  it('JSON: one object per line, money as decimal strings, null when unknown', () => {
    const json = JSON.parse(formatExport(rows.slice(0, 1), { format: 'json', style: 'plain', includePii: false })) as unknown;
    expect(json).toEqual([
      {
        channel: 'ebay', marketplace: 'EBAY_IT', order_id: '12-00000-00001', order_date: '2026-10-31', status: 'cancelled',
        shipped_date: null, line_id: '10000000000009', sku: 'GIO-001', ean: null, title: 'Puzzle', quantity: 1,
        unit_price: '14.95', line_total: '14.95', shipping: null, fees: null, currency: 'EUR', vat_percent: 22,
        net: '0.00', vat: '0.00', gross: '0.00',
      },
    ]);
  });

  it('filters by UTC creation day (inclusive) and channel', () => {
    const ids = (f: Parameters<typeof buildExportRows>[1]) => buildExportRows(sampleOrders(), f).map((r) => `${r.orderId}/${r.lineId}`);
    expect(ids({ includePii: false, from: '2026-11-01', to: '2026-11-01' })).toEqual([
      '12-34567-89012/10000000000001',
      '12-34567-89012/10000000000002',
    ]);
    expect(ids({ includePii: false, channel: 'amazon' })).toEqual(['171-1234567-7654321/11111111111111']);
  });
});
