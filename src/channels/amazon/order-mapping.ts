import { currencyDigits, decimalToMinor, type Minor } from '../../domain/money.js';
import type { BuyerInfo, Order, OrderLine, OrderStatus } from '../../domain/order.js';
import type { Address, Money, WireOrder, WireOrderItem } from './schemas.js';

/**
 * FulfillmentStatus (orders_2026-01-01.json) → civetta's status. PENDING_AVAILABILITY is a
 * pre-order not yet payable; UNFULFILLABLE cannot be shipped by anyone, so it ends like a
 * cancellation. Anything else keeps its raw word and counts as pending.
 */
const STATUS: Record<string, OrderStatus> = {
  PENDING_AVAILABILITY: 'pending',
  PENDING: 'pending',
  UNSHIPPED: 'unshipped',
  PARTIALLY_SHIPPED: 'partially_shipped',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  UNFULFILLABLE: 'cancelled',
};

export function mapOrderStatus(raw: string | undefined): OrderStatus {
  return (raw && STATUS[raw]) || 'pending';
}

function minor(money: Money | undefined): Minor | undefined {
  return money ? decimalToMinor(money.amount, currencyDigits(money.currencyCode)) : undefined;
}

function breakdown(list: ReadonlyArray<{ type: string; subtotal: Money }> | undefined, type: string): Minor | undefined {
  return minor(list?.find((b) => b.type === type)?.subtotal);
}

/**
 * The delivery address as one text; `recipient` (when given) heads it, as on a parcel label.
 * Without a street line there is no address to ship to (an app without the restricted role
 * gets only city, region and country), so there is none.
 */
function formatAddress(a: Address | undefined, recipient: string | undefined): string | undefined {
  if (!a || ![a.addressLine1, a.addressLine2, a.addressLine3].some((l) => l !== undefined && l.trim() !== '')) return undefined;
  const cityLine = [a.postalCode, a.city, a.stateOrRegion].filter(Boolean).join(' ');
  const lines = [recipient, a.companyName, a.addressLine1, a.addressLine2, a.addressLine3, cityLine, a.countryCode].filter(
    (x): x is string => typeof x === 'string' && x.trim() !== '',
  );
  return lines.length > 0 ? lines.join(', ') : undefined;
}

function mapLine(item: WireOrderItem): OrderLine {
  const unit = minor(item.product.price?.unitPrice);
  const shipped = item.fulfillment?.quantityFulfilled;
  const tax = breakdown(item.proceeds?.breakdowns, 'TAX');
  return {
    lineId: item.orderItemId,
    ...(item.product.sellerSku ? { sku: item.product.sellerSku } : {}),
    title: item.product.title ?? item.product.sellerSku ?? item.product.asin ?? item.orderItemId,
    quantity: item.quantityOrdered,
    ...(shipped !== undefined ? { quantityShipped: shipped } : {}),
    // Amazon gives no price while an order is pending: unknown, never zero.
    ...(unit !== undefined ? { unitPriceMinor: unit, lineTotalMinor: unit * item.quantityOrdered } : {}),
    ...(tax !== undefined ? { taxMinor: tax } : {}),
    ...(item.product.asin ? { remoteItemId: item.product.asin } : {}),
  };
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Buyer name, address and e-mail: personal data, kept only in `buyer` (purged on schedule). The
 * name is the buyer's; a gift or an order sent to someone else has another recipient, whose name
 * heads the address text so the parcel can still be addressed.
 */
function mapBuyer(order: WireOrder): BuyerInfo | undefined {
  const address = order.recipient?.deliveryAddress;
  const name = order.buyer?.buyerName ?? address?.name;
  const recipient = address?.name && !(name && sameName(name, address.name)) ? address.name : undefined;
  const formatted = formatAddress(address, recipient);
  const buyer: BuyerInfo = {
    ...(name ? { name } : {}),
    ...(formatted ? { address: formatted } : {}),
    ...(order.buyer?.buyerEmail ? { email: order.buyer.buyerEmail } : {}),
  };
  return Object.keys(buyer).length > 0 ? buyer : undefined;
}

/** A searchOrders order → civetta's order. `fallback` fills what a sparse order leaves out. */
export function mapOrder(order: WireOrder, fallback: { marketplaceId: string; currency: string }): Order {
  const rawStatus = order.fulfillment?.fulfillmentStatus ?? 'UNKNOWN';
  const currency =
    order.proceeds?.grandTotal?.currencyCode ??
    order.orderItems.find((i) => i.product.price?.unitPrice)?.product.price?.unitPrice?.currencyCode ??
    fallback.currency;
  const items = breakdown(order.proceeds?.breakdowns, 'ITEM');
  const shipping = breakdown(order.proceeds?.breakdowns, 'SHIPPING');
  const total = minor(order.proceeds?.grandTotal);
  const shipBy = order.fulfillment?.shipByWindow?.latestDateTime;
  const buyer = mapBuyer(order);
  return {
    channel: 'amazon',
    marketplace: order.salesChannel.marketplaceId ?? fallback.marketplaceId,
    orderId: order.orderId,
    createdAt: order.createdTime,
    updatedAt: order.lastUpdatedTime,
    status: mapOrderStatus(order.fulfillment?.fulfillmentStatus),
    rawStatus,
    currency,
    ...(items !== undefined ? { itemsTotalMinor: items } : {}),
    ...(shipping !== undefined ? { shippingMinor: shipping } : {}),
    ...(total !== undefined ? { totalMinor: total } : {}),
    ...(shipBy ? { shipBy } : {}),
    ...(buyer ? { buyer } : {}),
    lines: order.orderItems.map(mapLine),
  };
}
