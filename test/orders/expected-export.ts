/**
 * The exact export of the sample ledger (sample-orders.ts), in both CSV styles, with the default
 * shop.timeZone Europe/Rome: the order created 23:59 UTC on 31 October is dated 1 November.
 */
const HEADER =
  'channel,marketplace,order_id,order_date,status,shipped_date,line_id,sku,ean,title,quantity,unit_price,line_total,shipping,fees,currency,vat_percent,net,vat,gross';

/** Plain style with buyer columns. */
export const EXPECTED_PLAIN =
  [
    `${HEADER},buyer_name,buyer_address`,
    'ebay,EBAY_IT,12-00000-00001,2026-11-01,cancelled,,10000000000009,GIO-001,,Puzzle,1,14.95,14.95,,,EUR,22,0.00,0.00,0.00,,',
    'ebay,EBAY_IT,12-34567-89012,2026-11-01,unshipped,,10000000000001,LIB-010,9788845292613,Il nome della rosa,1,12.00,12.00,0.00,1.64,EUR,4,11.54,0.46,12.00,,',
    "ebay,EBAY_IT,12-34567-89012,2026-11-01,unshipped,,10000000000002,GIO-002,8009876543217,'-20% Costruzioni,1,10.00,10.00,,1.37,EUR,22,8.20,1.80,10.00,,",
    'amazon,APJ6JRA9NG5V4,171-1234567-7654321,2026-11-02,shipped,2026-11-03,11111111111111,GIO-001,8001234567897,"\'=HYPERLINK(""http://x"",""Puzzle 1000, pezzi"")",2,14.95,29.90,4.90,,EUR,22,28.52,6.28,34.80,"Maria ""Mimì"" Rossi","Via Roma 1\n20100 Milano MI"',
    '',
  ].join('\r\n');

/** Italian style without buyer columns, after the BOM; long digit codes as ="…" so spreadsheets keep them as text. */
export const EXPECTED_IT =
  [
    HEADER.replaceAll(',', ';'),
    'ebay;EBAY_IT;12-00000-00001;01/11/2026;cancelled;;"=""10000000000009""";GIO-001;;Puzzle;1;14,95;14,95;;;EUR;22;0,00;0,00;0,00',
    'ebay;EBAY_IT;12-34567-89012;01/11/2026;unshipped;;"=""10000000000001""";LIB-010;"=""9788845292613""";Il nome della rosa;1;12,00;12,00;0,00;1,64;EUR;4;11,54;0,46;12,00',
    `ebay;EBAY_IT;12-34567-89012;01/11/2026;unshipped;;"=""10000000000002""";GIO-002;"=""8009876543217""";'-20% Costruzioni;1;10,00;10,00;;1,37;EUR;22;8,20;1,80;10,00`,
    'amazon;APJ6JRA9NG5V4;171-1234567-7654321;02/11/2026;shipped;03/11/2026;"=""11111111111111""";GIO-001;"=""8001234567897""";"\'=HYPERLINK(""http://x"",""Puzzle 1000, pezzi"")";2;14,95;29,90;4,90;;EUR;22;28,52;6,28;34,80',
    '',
  ].join('\r\n');
