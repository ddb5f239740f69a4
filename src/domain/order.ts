import type { ChannelId } from './ids.js';
import type { Minor } from './money.js';

/** Order status normalised across channels; `rawStatus` keeps the marketplace's own word. */
export type OrderStatus =
  | 'pending'
  | 'unshipped'
  | 'partially_shipped'
  | 'shipped'
  | 'cancelled'
  | 'refunded';

export interface OrderLine {
  /** Amazon orderItemId / eBay lineItemId: needed to confirm shipment. */
  lineId: string;
  sku?: string;
  title: string;
  quantity: number;
  quantityShipped?: number;
  /** Unit price, VAT included, in minor units; unknown while an Amazon order is pending. */
  unitPriceMinor?: Minor;
  /** Line total (unit × quantity, before discounts), VAT included. */
  lineTotalMinor?: Minor;
  taxMinor?: Minor;
  /** eBay legacyItemId / Amazon ASIN. */
  remoteItemId?: string;
}

/** Buyer's personal data: kept only as long as configured, then purged. */
export interface BuyerInfo {
  name?: string;
  address?: string;
  email?: string;
}

/** An order as civetta keeps it, whatever channel it came from. */
export interface Order {
  channel: ChannelId;
  /** Amazon marketplace id (APJ6JRA9NG5V4) or eBay marketplace id (EBAY_IT). */
  marketplace: string;
  orderId: string;
  createdAt: string;
  updatedAt: string;
  status: OrderStatus;
  rawStatus: string;
  currency: string;
  itemsTotalMinor?: Minor;
  shippingMinor?: Minor;
  totalMinor?: Minor;
  /** Marketplace fees, where the API reports them (eBay totalMarketplaceFee). */
  feesMinor?: Minor;
  /** Latest date the order must ship by. */
  shipBy?: string;
  buyer?: BuyerInfo;
  lines: OrderLine[];
}
