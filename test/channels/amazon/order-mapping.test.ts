import { describe, expect, it } from 'vitest';
import { mapOrder, mapOrderStatus } from '../../../src/channels/amazon/order-mapping.js';
import { WireOrder } from '../../../src/channels/amazon/schemas.js';
import { IT } from './helpers.js';

const wire = WireOrder.parse({
  orderId: '171-1234567-1234567',
  createdTime: '2026-11-20T10:00:00Z',
  lastUpdatedTime: '2026-11-20T11:00:00Z',
  salesChannel: { channelName: 'AMAZON', marketplaceId: IT },
  buyer: { buyerName: 'Maria Bianchi', buyerEmail: 'abc@marketplace.amazon.it' },
  recipient: { deliveryAddress: { name: 'Maria Bianchi', addressLine1: 'Via Roma 1', city: 'Torino', postalCode: '10121', countryCode: 'IT' } },
  proceeds: {
    grandTotal: { amount: '54.70', currencyCode: 'EUR' },
    breakdowns: [
      { type: 'ITEM', subtotal: { amount: '49.80', currencyCode: 'EUR' } },
      { type: 'SHIPPING', subtotal: { amount: '4.90', currencyCode: 'EUR' } },
    ],
  },
  fulfillment: { fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'MERCHANT', shipByWindow: { latestDateTime: '2026-11-22T23:59:59Z' } },
  orderItems: [
    {
      orderItemId: '11111111111111',
      quantityOrdered: 2,
      product: { asin: 'B0TEST0001', title: 'LEGO City', sellerSku: 'CIV-1', price: { unitPrice: { amount: '24.90', currencyCode: 'EUR' } } },
      proceeds: { breakdowns: [{ type: 'TAX', subtotal: { amount: '8.98', currencyCode: 'EUR' } }] },
      fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: 2 },
      somethingNew: true,
    },
  ],
  packages: [],
});

describe('searchOrders order → domain order', () => {
  it('maps money to minor units, lines, ship-by and buyer data into buyer only', () => {
    expect(mapOrder(wire, { marketplaceId: IT, currency: 'EUR' })).toEqual({
      channel: 'amazon',
      marketplace: IT,
      orderId: '171-1234567-1234567',
      createdAt: '2026-11-20T10:00:00Z',
      updatedAt: '2026-11-20T11:00:00Z',
      status: 'unshipped',
      rawStatus: 'UNSHIPPED',
      currency: 'EUR',
      itemsTotalMinor: 4980,
      shippingMinor: 490,
      totalMinor: 5470,
      shipBy: '2026-11-22T23:59:59Z',
      buyer: { name: 'Maria Bianchi', address: 'Via Roma 1, 10121 Torino, IT', email: 'abc@marketplace.amazon.it' },
      lines: [
        { lineId: '11111111111111', sku: 'CIV-1', title: 'LEGO City', quantity: 2, quantityShipped: 0, unitPriceMinor: 2490, lineTotalMinor: 4980, taxMinor: 898, remoteItemId: 'B0TEST0001' },
      ],
    });
  });

  it('a recipient other than the buyer: the buyer stays the name, the recipient heads the address', () => {
    const gift = WireOrder.parse({
      ...wire,
      recipient: { deliveryAddress: { ...wire.recipient?.deliveryAddress, name: 'Luca Rossi', companyName: 'Rossi Srl' } },
    });
    expect(mapOrder(gift, { marketplaceId: IT, currency: 'EUR' }).buyer).toEqual({
      name: 'Maria Bianchi',
      address: 'Luca Rossi, Rossi Srl, Via Roma 1, 10121 Torino, IT',
      email: 'abc@marketplace.amazon.it',
    });
    // Same person spelled with other case: not repeated.
    const same = WireOrder.parse({ ...wire, recipient: { deliveryAddress: { ...wire.recipient?.deliveryAddress, name: ' maria bianchi' } } });
    expect(mapOrder(same, { marketplaceId: IT, currency: 'EUR' }).buyer?.address).toBe('Via Roma 1, 10121 Torino, IT');
    // No buyer name given: the recipient is the name, once.
    const noBuyer = WireOrder.parse({ ...wire, buyer: { buyerEmail: 'abc@marketplace.amazon.it' } });
    expect(mapOrder(noBuyer, { marketplaceId: IT, currency: 'EUR' }).buyer).toMatchObject({ name: 'Maria Bianchi', address: 'Via Roma 1, 10121 Torino, IT' });
  });

  it('a pending order without prices keeps them unknown, not zero', () => {
    const pending = WireOrder.parse({
      orderId: '1', createdTime: 't', lastUpdatedTime: 't', salesChannel: { channelName: 'AMAZON' },
      fulfillment: { fulfillmentStatus: 'PENDING' },
      orderItems: [{ orderItemId: 'L1', quantityOrdered: 1, product: { sellerSku: 'CIV-2' } }],
    });
    const order = mapOrder(pending, { marketplaceId: IT, currency: 'EUR' });
    expect(order.status).toBe('pending');
    expect(order.marketplace).toBe(IT);
    expect(order.buyer).toBeUndefined();
    expect(order.lines).toEqual([{ lineId: 'L1', sku: 'CIV-2', title: 'CIV-2', quantity: 1 }]);
  });

  it('maps every FulfillmentStatus of the model', () => {
    expect(['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE', 'SOMETHING_NEW'].map(mapOrderStatus)).toEqual([
      'pending', 'pending', 'unshipped', 'partially_shipped', 'shipped', 'cancelled', 'cancelled', 'pending',
    ]);
  });
});
