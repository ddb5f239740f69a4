import { EBAY_MARKETPLACES } from './marketplaces.js';
import type { SimOrder, SimOrderLine } from './orders-store.js';

type Obj = Record<string, unknown>;

const money = (minor: number, currency: string) => ({ value: (minor / 100).toFixed(2), currency });
const t = (ms: number) => new Date(ms).toISOString();

/**
 * eBay's fees on an order: illustrative (11 % of the total plus 0.35 per order), not eBay's fee
 * table; enough for margin reports to have a realistic non-zero `totalMarketplaceFee`.
 */
function ebayFeeMinor(totalMinor: number): number {
  return Math.round(totalMinor * 0.11) + 35;
}

function lineStatus(l: SimOrderLine): string {
  if (l.shippedQuantity >= l.quantity) return 'FULFILLED';
  return l.shippedQuantity > 0 ? 'IN_PROGRESS' : 'NOT_STARTED';
}

function orderFulfillmentStatus(o: SimOrder): string {
  if (o.status === 'SHIPPED' || o.lines.every((l) => l.shippedQuantity >= l.quantity)) return 'FULFILLED';
  return o.lines.some((l) => l.shippedQuantity > 0) ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** An `Order` of sell_fulfillment_v1 as getOrders/getOrder return it. */
export function ebayOrderView(o: SimOrder, origin: string): Obj {
  const c = o.currency;
  const itemsMinor = o.lines.reduce((s, l) => s + l.unitMinor * l.quantity, 0);
  const totalMinor = itemsMinor + o.shippingMinor;
  const a = o.buyer.address;
  const contact = {
    fullName: o.buyer.name,
    contactAddress: { addressLine1: a.line1, city: a.city, stateOrProvince: a.province, postalCode: a.postalCode, countryCode: a.countryCode },
    primaryPhone: { phoneNumber: a.phone },
    email: o.buyer.email,
  };
  const delivery = { min: t(o.shipByMs + 86_400_000), max: t(o.shipByMs + 4 * 86_400_000) };
  const paid = o.status !== 'PENDING';
  const cancelled = o.status === 'CANCELLED';
  return {
    orderId: o.orderId,
    legacyOrderId: `${o.lines[0]?.listingId ?? '0'}-${o.lines[0]?.lineId ?? '0'}`,
    creationDate: t(o.createdMs),
    lastModifiedDate: t(o.updatedMs),
    orderFulfillmentStatus: orderFulfillmentStatus(o),
    orderPaymentStatus: cancelled ? 'FULLY_REFUNDED' : paid ? 'PAID' : 'PENDING',
    sellerId: 'civetta_negozio',
    buyer: { username: o.buyer.username, buyerRegistrationAddress: contact },
    pricingSummary: { priceSubtotal: money(itemsMinor, c), deliveryCost: money(o.shippingMinor, c), total: money(totalMinor, c) },
    cancelStatus: cancelled ? { cancelState: 'CANCELED', cancelledDate: t(o.cancelledMs ?? o.updatedMs), cancelRequests: [] } : { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
    paymentSummary: {
      payments: paid ? [{ paymentMethod: 'EBAY', paymentReferenceId: `PAY-${o.orderId}`, paymentDate: t(o.createdMs), amount: money(totalMinor, c), paymentStatus: 'PAID' }] : [],
      refunds: [],
      totalDueSeller: money(totalMinor - ebayFeeMinor(totalMinor), c),
    },
    fulfillmentStartInstructions: [{
      fulfillmentInstructionsType: 'SHIP_TO',
      minEstimatedDeliveryDate: delivery.min,
      maxEstimatedDeliveryDate: delivery.max,
      ebaySupportedFulfillment: false,
      shippingStep: { shippingCarrierCode: 'PosteItaliane', shippingServiceCode: 'IT_Posta1', shipTo: contact },
    }],
    fulfillmentHrefs: o.shipments.map((s) => `${origin}/ebay/sell/fulfillment/v1/order/${o.orderId}/shipping_fulfillment/${s.id}`),
    lineItems: o.lines.map((l) => ({
      lineItemId: l.lineId,
      legacyItemId: l.listingId ?? '',
      sku: l.sku,
      title: l.title,
      lineItemCost: money(l.unitMinor * l.quantity, c),
      quantity: l.quantity,
      soldFormat: 'FIXED_PRICE',
      listingMarketplaceId: o.marketplaceId,
      purchaseMarketplaceId: o.marketplaceId,
      lineItemFulfillmentStatus: lineStatus(l),
      total: money(l.unitMinor * l.quantity, c),
      deliveryCost: { shippingCost: money(0, c) },
      appliedPromotions: [],
      taxes: [],
      properties: { buyerProtection: true },
      lineItemFulfillmentInstructions: { minEstimatedDeliveryDate: delivery.min, maxEstimatedDeliveryDate: delivery.max, shipByDate: t(o.shipByMs), guaranteedDelivery: false },
      itemLocation: { location: 'Bologna', countryCode: EBAY_MARKETPLACES[o.marketplaceId]?.country ?? 'IT', postalCode: '40121' },
      refunds: [],
    })),
    salesRecordReference: String(o.lines[0]?.lineId.slice(-4) ?? '0'),
    totalFeeBasisAmount: money(totalMinor, c),
    totalMarketplaceFee: money(ebayFeeMinor(totalMinor), c),
  };
}
