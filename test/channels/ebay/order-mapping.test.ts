import { describe, expect, it } from 'vitest';
import { cleanTracking, lastModifiedFilter, orderFromWire } from '../../../src/channels/ebay/order-mapping.js';
import { WireOrder } from '../../../src/channels/ebay/schemas-fulfillment.js';

const eur = (value: string) => ({ value, currency: 'EUR' });

function wire(over: Record<string, unknown> = {}) {
  return WireOrder.parse({
    orderId: '12-34567-89012',
    creationDate: '2026-08-01T10:00:00.000Z',
    lastModifiedDate: '2026-08-01T10:05:00.000Z',
    orderFulfillmentStatus: 'NOT_STARTED',
    orderPaymentStatus: 'PAID',
    cancelStatus: { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
    pricingSummary: { priceSubtotal: eur('49.80'), deliveryCost: eur('5.00'), total: eur('54.80') },
    totalMarketplaceFee: eur('6.77'),
    fulfillmentStartInstructions: [
      { shippingStep: { shipTo: { fullName: 'Mario Rossi', email: 'm@example.it', contactAddress: { addressLine1: 'Via Roma 1', city: 'Bologna', postalCode: '40121', countryCode: 'IT' } } } },
    ],
    lineItems: [
      {
        lineItemId: '10000000000001',
        sku: 'CIV8001234567897',
        legacyItemId: '110000000001',
        title: 'Stazione di Polizia',
        quantity: 2,
        lineItemCost: eur('49.80'),
        lineItemFulfillmentStatus: 'NOT_STARTED',
        lineItemFulfillmentInstructions: { shipByDate: '2026-08-03T23:59:59.000Z' },
        refunds: [],
      },
    ],
    ...over,
  });
}

describe('wire order → domain order', () => {
  it('maps money to minor units, fees, ship-by, buyer and lines', () => {
    expect(orderFromWire(wire(), 'EBAY_IT', 'EUR')).toEqual({
      channel: 'ebay',
      marketplace: 'EBAY_IT',
      orderId: '12-34567-89012',
      createdAt: '2026-08-01T10:00:00.000Z',
      updatedAt: '2026-08-01T10:05:00.000Z',
      status: 'unshipped',
      rawStatus: 'NOT_STARTED/PAID/NONE_REQUESTED',
      currency: 'EUR',
      itemsTotalMinor: 4980,
      shippingMinor: 500,
      totalMinor: 5480,
      feesMinor: 677,
      shipBy: '2026-08-03T23:59:59.000Z',
      buyer: { name: 'Mario Rossi', address: 'Via Roma 1, 40121 Bologna, IT', email: 'm@example.it' },
      lines: [
        { lineId: '10000000000001', sku: 'CIV8001234567897', remoteItemId: '110000000001', title: 'Stazione di Polizia', quantity: 2, lineTotalMinor: 4980, unitPriceMinor: 2490 },
      ],
    });
  });

  it.each([
    [{ cancelStatus: { cancelState: 'CANCELED' } }, 'cancelled'],
    [{ orderPaymentStatus: 'FULLY_REFUNDED' }, 'refunded'],
    [{ orderPaymentStatus: 'PENDING' }, 'pending'],
    [{ orderFulfillmentStatus: 'IN_PROGRESS' }, 'partially_shipped'],
    [{ orderFulfillmentStatus: 'FULFILLED' }, 'shipped'],
  ])('status from %j → %s', (over, status) => {
    expect(orderFromWire(wire(over), 'EBAY_IT', 'EUR').status).toBe(status);
  });

  it('keeps no unit price when the line cost does not divide evenly', () => {
    const o = orderFromWire(wire({ lineItems: [{ lineItemId: '1', quantity: 3, lineItemCost: eur('10.00') }] }), 'EBAY_IT', 'EUR');
    expect(o.lines[0]).toEqual({ lineId: '1', title: '1', quantity: 3, lineTotalMinor: 1000 });
  });
});

describe('filter and tracking', () => {
  it('encodes the lastmodifieddate brackets by hand', () => {
    expect(lastModifiedFilter(new Date('2026-08-01T00:00:00Z'))).toBe('lastmodifieddate:%5B2026-08-01T00:00:00.000Z..%5D');
  });

  it('keeps only letters and digits of a tracking number', () => {
    expect(cleanTracking(' AB-123 456.789 IT ')).toBe('AB123456789IT');
  });
});
