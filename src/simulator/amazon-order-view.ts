import { AMAZON_MARKETPLACES } from './marketplaces.js';
import type { SimOrder } from './orders-store.js';

type Obj = Record<string, unknown>;

/** Amazon prints instants without milliseconds (orders_2026-01-01 sandbox examples). */
export const amzTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const money = (minor: number, currencyCode: string) => ({ amount: (minor / 100).toFixed(2), currencyCode });

/** FulfillmentStatus of orders_2026-01-01. */
export function amazonStatus(o: SimOrder): string {
  if (o.status === 'UNSHIPPED' && o.lines.some((l) => l.shippedQuantity > 0)) return 'PARTIALLY_SHIPPED';
  return o.status;
}

/**
 * An `Order` of Orders API v2026-01-01 with the datasets asked through includedData. With
 * `withheld`, the personal fields ("Access Orders PII": buyer name and e-mail, recipient name,
 * address lines, postal code, phone) are left out, as for an app without the restricted roles.
 */
export function amazonOrderView(o: SimOrder, included: string[], withheld = false): Obj {
  const c = o.currency;
  const pending = o.status === 'PENDING';
  const view: Obj = {
    orderId: o.orderId,
    createdTime: amzTime(o.createdMs),
    lastUpdatedTime: amzTime(o.updatedMs),
    programs: [],
    salesChannel: { channelName: 'AMAZON', marketplaceId: o.marketplaceId, marketplaceName: AMAZON_MARKETPLACES[o.marketplaceId]?.name ?? 'Amazon' },
  };
  // Amazon releases buyer data only once the order is no longer pending.
  if (included.includes('BUYER') && !pending && !withheld) view.buyer = { buyerName: o.buyer.name, buyerEmail: o.buyer.email };
  if (included.includes('RECIPIENT') && !pending) {
    const a = o.buyer.address;
    view.recipient = {
      deliveryAddress: withheld
        ? { city: a.city, stateOrRegion: a.province, countryCode: a.countryCode, addressType: 'RESIDENTIAL' }
        : { name: o.buyer.name, addressLine1: a.line1, city: a.city, stateOrRegion: a.province, postalCode: a.postalCode, countryCode: a.countryCode, phone: a.phone, addressType: 'RESIDENTIAL' },
    };
  }
  const itemsMinor = o.lines.reduce((s, l) => s + l.unitMinor * l.quantity, 0);
  if (included.includes('PROCEEDS')) {
    view.proceeds = {
      grandTotal: money(itemsMinor + o.shippingMinor, c),
      breakdowns: [{ type: 'ITEM', subtotal: money(itemsMinor, c) }, { type: 'SHIPPING', subtotal: money(o.shippingMinor, c) }],
    };
  }
  if (included.includes('FULFILLMENT')) {
    view.fulfillment = {
      fulfillmentStatus: amazonStatus(o),
      fulfilledBy: 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
      shipByWindow: { earliestDateTime: amzTime(o.createdMs), latestDateTime: amzTime(o.shipByMs) },
      deliverByWindow: { earliestDateTime: amzTime(o.shipByMs + 86_400_000), latestDateTime: amzTime(o.shipByMs + 4 * 86_400_000) },
    };
  }
  view.orderItems = o.lines.map((l) => {
    const item: Obj = {
      orderItemId: l.lineId,
      quantityOrdered: l.quantity,
      product: { asin: l.asin ?? '', title: l.title, sellerSku: l.sku, condition: { conditionType: 'NEW', conditionSubtype: 'NEW' }, price: { unitPrice: money(l.unitMinor, c) } },
    };
    if (included.includes('PROCEEDS')) {
      item.proceeds = { proceedsTotal: money(l.unitMinor * l.quantity, c), breakdowns: [{ type: 'ITEM', subtotal: money(l.unitMinor * l.quantity, c) }] };
    }
    if (included.includes('FULFILLMENT')) item.fulfillment = { quantityFulfilled: l.shippedQuantity, quantityUnfulfilled: l.quantity - l.shippedQuantity };
    return item;
  });
  if (included.includes('PACKAGES')) {
    view.packages = o.shipments.map((s) => ({
      packageReferenceId: s.id, createdTime: amzTime(s.shippedMs), packageStatus: { status: 'SHIPPED' }, carrier: s.carrier,
      shipTime: amzTime(s.shippedMs), trackingNumber: s.trackingNumber, packageItems: s.lines.map((x) => ({ orderItemId: x.lineId, quantity: x.quantity })),
    }));
  }
  if (included.includes('CANCELLATION') && o.status === 'CANCELLED') {
    for (const item of view.orderItems as Obj[]) item.cancellation = { cancellationExecution: { cancelledBy: 'BUYER', cancelReason: 'BUYER_CANCELLED' } };
  }
  return view;
}
