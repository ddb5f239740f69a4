import { describe, expect, it } from 'vitest';
import { buildHookReport, type HookPeriod } from '../../src/reports/hook-report.js';
import type { StoredOrder } from '../../src/domain/stored-order.js';

function order(channel: 'amazon' | 'ebay', id: string, at: string, lines: Array<[string, number, number]>, extra: Partial<StoredOrder> = {}): StoredOrder {
  return {
    channel, marketplace: channel === 'amazon' ? 'APJ6JRA9NG5V4' : 'EBAY_IT', orderId: id, createdAt: at, updatedAt: at,
    status: 'shipped', rawStatus: 'Shipped', currency: 'EUR', firstSeenAt: at,
    lines: lines.map(([sku, qty, total], i) => ({ lineId: `${id}-${i}`, sku, title: `Title ${sku}`, quantity: qty, lineTotalMinor: total })),
    ...extra,
  };
}

const periods: HookPeriod[] = [
  { channel: 'ebay', sku: 'A', since: '2026-11-02T00:00:00.000Z', title: 'Puzzle A' },
  { channel: 'amazon', sku: 'A', since: '2026-11-09T00:00:00.000Z', title: 'Puzzle A' },
  { channel: 'ebay', sku: 'B', since: '2026-11-02T00:00:00.000Z', title: 'Libro B' },
  { channel: 'ebay', sku: 'C', since: '2026-11-02T00:00:00.000Z', until: '2026-11-05T00:00:00.000Z', title: 'Gioco C' },
];

const orders: StoredOrder[] = [
  // eBay fee reported (150 on one line), A at 22% VAT, cost 500
  order('ebay', 'E1', '2026-11-03T10:00:00Z', [['A', 2, 2440]], { feesMinor: 150 }),
  // before A became a hook on amazon: not counted
  order('amazon', 'Z0', '2026-11-04T10:00:00Z', [['A', 1, 1220]]),
  // amazon, no fee reported: estimated 10%
  order('amazon', 'Z1', '2026-11-10T10:00:00Z', [['A', 1, 1220], ['B', 1, 1040]]),
  // cancelled: never a sale
  order('ebay', 'E2', '2026-11-11T10:00:00Z', [['A', 5, 6100]], { status: 'cancelled' }),
  // C sold after its hook period ended: not counted
  order('ebay', 'E3', '2026-11-06T10:00:00Z', [['C', 1, 999]]),
];

const products = (sku: string) =>
  ({ A: { vatRate: 0.22, costMinor: 500 }, B: { vatRate: 0.04, costMinor: 600 }, C: { vatRate: 0.22 } })[sku];

describe('buildHookReport', () => {
  const report = buildHookReport({
    periods, orders, products, now: new Date('2026-11-20T12:00:00Z'), idleDays: 7, currency: 'EUR',
    estimateFees: (channel, gross) => (channel === 'amazon' ? Math.round(gross * 0.1) : undefined),
  });

  it('counts each hook per channel since it became a hook, with contribution margin after fees', () => {
    const a = report.hooks.find((h) => h.sku === 'A');
    expect(a?.channels).toEqual([
      // 1220 → net 1000 − cost 500 − fee 122 (estimated)
      { channel: 'amazon', since: '2026-11-09T00:00:00.000Z', orders: 1, units: 1, revenueMinor: 1220, feesMinor: 122, feesEstimated: true, marginMinor: 378, lastSaleAt: '2026-11-10T10:00:00Z' },
      // 2440 → net 2000 − cost 1000 − fee 150
      { channel: 'ebay', since: '2026-11-02T00:00:00.000Z', orders: 1, units: 2, revenueMinor: 2440, feesMinor: 150, feesEstimated: false, marginMinor: 850, lastSaleAt: '2026-11-03T10:00:00Z' },
    ]);
    expect(a).toMatchObject({ orders: 2, units: 3, revenueMinor: 3660, marginMinor: 1228, idle: true });
    expect(a?.weeks).toEqual([
      { week: '2026-11-02', revenueMinor: 2440, marginMinor: 850 },
      { week: '2026-11-09', revenueMinor: 1220, marginMinor: 378 },
      { week: '2026-11-16', revenueMinor: 0, marginMinor: 0 },
    ]);
  });

  it('sorts by revenue, keeps unknown-cost margins undefined and flags idle hooks', () => {
    expect(report.hooks.map((h) => [h.sku, h.revenueMinor, h.marginMinor, h.idle])).toEqual([
      ['A', 3660, 1228, true],
      // B is a hook on eBay only; its amazon sale does not count
      ['B', 0, 0, true],
      // C ended before its only sale and is no longer a hook anywhere: never a rotation candidate
      ['C', 0, 0, false],
    ]);
    expect(report.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('--since narrows the count and the weeks', () => {
    const r = buildHookReport({ periods, orders, products, now: new Date('2026-11-20T12:00:00Z'), idleDays: 30, currency: 'EUR', since: '2026-11-09' });
    expect(r.weeks).toEqual(['2026-11-09', '2026-11-16']);
    expect(r.hooks.find((h) => h.sku === 'A')).toMatchObject({ units: 1, revenueMinor: 1220, idle: false });
  });
});
