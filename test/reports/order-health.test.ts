import { describe, expect, it } from 'vitest';
import type { StoredOrder } from '../../src/domain/stored-order.js';
import { addWorkingDays, assessOrderHealth } from '../../src/reports/assess-order-health.js';

function o(channel: 'amazon' | 'ebay', id: string, createdAt: string, status: StoredOrder['status'], extra: Partial<StoredOrder> = {}): StoredOrder {
  return { channel, marketplace: 'M', orderId: id, createdAt, updatedAt: createdAt, status, rawStatus: status, currency: 'EUR', firstSeenAt: createdAt, lines: [], ...extra };
}

describe('order health', () => {
  it('counts working days, skipping the weekend', () => {
    // Friday + 2 working days = Tuesday
    expect(addWorkingDays(new Date('2026-11-20T10:00:00Z'), 2).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('lists unshipped orders past their ship-by date or handling time, and rates each channel against its targets', () => {
    const now = new Date('2026-11-25T12:00:00Z'); // a Wednesday
    const orders = [
      // due Tue 24th by handling time (Fri + 2 working days): overdue 1 day
      o('ebay', 'E1', '2026-11-20T10:00:00Z', 'unshipped'),
      // ship-by given and not yet reached
      o('ebay', 'E2', '2026-11-24T10:00:00Z', 'unshipped', { shipBy: '2026-11-26T23:59:00Z' }),
      // shipped on time
      o('ebay', 'E3', '2026-11-16T10:00:00Z', 'shipped', { shippedAt: '2026-11-17T10:00:00Z' }),
      // amazon: one late shipment, one on time, one cancelled in the last 7 days
      o('amazon', 'Z1', '2026-11-10T10:00:00Z', 'shipped', { shipBy: '2026-11-11T23:59:00Z', shippedAt: '2026-11-13T10:00:00Z' }),
      o('amazon', 'Z2', '2026-11-10T10:00:00Z', 'shipped', { shipBy: '2026-11-11T23:59:00Z', shippedAt: '2026-11-11T10:00:00Z' }),
      o('amazon', 'Z3', '2026-11-22T10:00:00Z', 'cancelled'),
      o('amazon', 'Z4', '2026-11-23T10:00:00Z', 'pending'),
    ];
    const h = assessOrderHealth(orders, now, 2);
    expect(h.overdue).toEqual([{ channel: 'ebay', orderId: 'E1', createdAt: '2026-11-20T10:00:00Z', dueBy: '2026-11-24T10:00:00.000Z', daysLate: 1 }]);
    expect(h.channels).toEqual([
      { channel: 'amazon', lateWindowDays: 30, dueOrders: 2, lateOrders: 1, lateRate: 0.5, lateTarget: 0.04, cancelWindowDays: 7, orders: 2, cancelled: 1, cancelRate: 0.5, cancelTarget: 0.025, ok: false },
      { channel: 'ebay', lateWindowDays: 90, dueOrders: 2, lateOrders: 1, lateRate: 0.5, lateTarget: 0.07, cancelWindowDays: 90, orders: 3, cancelled: 0, cancelRate: 0, cancelTarget: 0.02, ok: false },
    ]);
  });
});
