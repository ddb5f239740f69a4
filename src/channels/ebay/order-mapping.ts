import { decimalToMinor, type Minor } from '../../domain/money.js';
import type { BuyerInfo, Order, OrderLine, OrderStatus } from '../../domain/order.js';
import type { Amount } from './schemas.js';
import type { WireOrder } from './schemas-fulfillment.js';

/**
 * A Fulfillment API order → the domain Order (reference §7). Status: a cancelled order is
 * `cancelled`, a fully refunded one `refunded`, an unpaid one `pending`; otherwise the
 * fulfillment status says unshipped / partially shipped / shipped.
 */
export function orderFromWire(wire: WireOrder, marketplace: string, fallbackCurrency: string): Order {
  const summary = wire.pricingSummary;
  const currency = summary?.total?.currency ?? summary?.priceSubtotal?.currency ?? fallbackCurrency;
  const shipBy = wire.lineItems
    .map((l) => l.lineItemFulfillmentInstructions?.shipByDate)
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  const buyer = buyerFrom(wire);
  const order: Order = {
    channel: 'ebay',
    marketplace,
    orderId: wire.orderId,
    createdAt: wire.creationDate,
    updatedAt: wire.lastModifiedDate,
    status: orderStatus(wire),
    rawStatus: [wire.orderFulfillmentStatus, wire.orderPaymentStatus, wire.cancelStatus?.cancelState]
      .filter(Boolean)
      .join('/'),
    currency,
    lines: wire.lineItems.map(lineFromWire),
  };
  assign(order, 'itemsTotalMinor', minor(summary?.priceSubtotal));
  assign(order, 'shippingMinor', minor(summary?.deliveryCost));
  assign(order, 'totalMinor', minor(summary?.total));
  assign(order, 'feesMinor', minor(wire.totalMarketplaceFee));
  if (shipBy) order.shipBy = shipBy;
  if (buyer) order.buyer = buyer;
  return order;
}

function orderStatus(wire: WireOrder): OrderStatus {
  if (wire.cancelStatus?.cancelState === 'CANCELED') return 'cancelled';
  if (wire.orderPaymentStatus === 'FULLY_REFUNDED') return 'refunded';
  if (wire.orderPaymentStatus === 'PENDING' || wire.orderPaymentStatus === 'FAILED') return 'pending';
  switch (wire.orderFulfillmentStatus) {
    case 'FULFILLED':
      return 'shipped';
    case 'IN_PROGRESS':
      return 'partially_shipped';
    default:
      return 'unshipped';
  }
}

function lineFromWire(line: WireOrder['lineItems'][number]): OrderLine {
  const out: OrderLine = { lineId: line.lineItemId, title: line.title ?? line.sku ?? line.lineItemId, quantity: line.quantity };
  if (line.sku) out.sku = line.sku;
  if (line.legacyItemId) out.remoteItemId = line.legacyItemId;
  const total = minor(line.lineItemCost);
  if (total !== undefined) {
    out.lineTotalMinor = total;
    // lineItemCost is unit price × quantity (contract: LineItem.lineItemCost); keep the unit only when exact.
    if (line.quantity > 0 && total % line.quantity === 0) out.unitPriceMinor = total / line.quantity;
  }
  if (line.lineItemFulfillmentStatus === 'FULFILLED') out.quantityShipped = line.quantity;
  return out;
}

/** Buyer name and shipping address, from the ship-to contact (or the registration address). */
function buyerFrom(wire: WireOrder): BuyerInfo | undefined {
  const contact = wire.fulfillmentStartInstructions?.[0]?.shippingStep?.shipTo ?? wire.buyer?.buyerRegistrationAddress;
  if (!contact) return wire.buyer?.username ? { name: wire.buyer.username } : undefined;
  const a = contact.contactAddress;
  const address = a
    ? [a.addressLine1, a.addressLine2, [a.postalCode, a.city, a.stateOrProvince].filter(Boolean).join(' '), a.countryCode]
        .filter((part) => part?.trim())
        .join(', ')
    : undefined;
  const buyer: BuyerInfo = {};
  if (contact.fullName) buyer.name = contact.fullName;
  if (address) buyer.address = address;
  if (contact.email) buyer.email = contact.email;
  return Object.keys(buyer).length ? buyer : undefined;
}

function minor(amount: Amount | undefined): Minor | undefined {
  return amount ? decimalToMinor(amount.value) : undefined;
}

function assign<K extends 'itemsTotalMinor' | 'shippingMinor' | 'totalMinor' | 'feesMinor'>(
  order: Order,
  key: K,
  value: Minor | undefined,
): void {
  if (value !== undefined) order[key] = value;
}

/**
 * getOrders' filter value: `lastmodifieddate:[<ISO>..]` with `[ ] { } |` percent-encoded by hand
 * (reference §7 and §9 "getOrders filters"). The colon and dots stay as they are.
 */
export function lastModifiedFilter(since: Date): string {
  return `lastmodifieddate:%5B${since.toISOString()}..%5D`;
}

/** Tracking numbers: letters and digits only (reference §7 "Tracking"). */
export function cleanTracking(tracking: string): string {
  return tracking.replace(/[^A-Za-z0-9]/g, '');
}
