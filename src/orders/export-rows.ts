import type { ChannelId } from '../domain/ids.js';
import type { Minor } from '../domain/money.js';
import type { OrderStatus } from '../domain/order.js';
import { shopDay } from '../domain/shop-day.js';
import { allocate } from './allocate.js';
import type { ProductLookup, StoredOrder } from '../domain/stored-order.js';
import { splitVat } from './vat-split.js';

/** One order line for the accountant. Money in minor units; undefined when the marketplace has not said. */
export interface ExportRow {
  channel: ChannelId;
  marketplace: string;
  orderId: string;
  /** The order's creation day in the shop's time zone (YYYY-MM-DD). */
  orderDate: string;
  status: OrderStatus;
  /** The day the order shipped, in the shop's time zone (YYYY-MM-DD). */
  shippedDate?: string;
  lineId: string;
  sku?: string;
  ean?: string;
  title: string;
  quantity: number;
  unitPriceMinor?: Minor;
  lineTotalMinor?: Minor;
  /** The order's shipping charge, on the order's first line only, so the column adds up. */
  shippingMinor?: Minor;
  /** The order's marketplace fees, spread over its lines by line total (eBay reports them; Amazon's orders API does not). */
  feesMinor?: Minor;
  currency: string;
  vatRate?: number;
  /**
   * The accountant's split of line total + shipping (shipping follows the VAT rate of the goods it
   * carries); zero for cancelled and refunded orders. Net and VAT are absent when the rate is unknown.
   */
  netMinor?: Minor;
  vatMinor?: Minor;
  grossMinor?: Minor;
  buyerName?: string;
  buyerAddress?: string;
}

/** Which orders to export, and what to resolve lines against. */
export interface ExportFilter {
  /** First day, inclusive (YYYY-MM-DD in the shop's time zone, on the order's creation date). */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  channel?: ChannelId;
  /** The shop's time zone (`shop.timeZone`): days are the shop's, not UTC's. */
  timeZone: string;
  includePii: boolean;
  /** The current stock file, for lines stored without EAN or VAT rate. */
  products?: ProductLookup;
  /** The config's `vat.default`, for SKUs neither the line nor the stock file knows. */
  defaultVatRate?: number;
}

const NO_REVENUE: ReadonlySet<OrderStatus> = new Set(['cancelled', 'refunded']);

function inRange(order: StoredOrder, f: ExportFilter): boolean {
  const d = shopDay(order.createdAt, f.timeZone);
  return (!f.channel || order.channel === f.channel) && (!f.from || d >= f.from) && (!f.to || d <= f.to);
}

/** The rows of one order, one per line, in line order. */
function orderRows(order: StoredOrder, f: ExportFilter): ExportRow[] {
  const fees =
    order.feesMinor === undefined ? undefined : allocate(order.feesMinor, order.lines.map((l) => l.lineTotalMinor ?? 0));
  return order.lines.map((line, i) => {
    const facts = line.sku ? f.products?.(line.sku) : undefined;
    const vatRate = line.vatRate ?? facts?.vatRate ?? f.defaultVatRate;
    const ean = line.ean ?? facts?.ean;
    const shippingMinor = i === 0 ? order.shippingMinor : undefined;
    const row: ExportRow = {
      channel: order.channel,
      marketplace: order.marketplace,
      orderId: order.orderId,
      orderDate: shopDay(order.createdAt, f.timeZone),
      status: order.status,
      lineId: line.lineId,
      title: line.title,
      quantity: line.quantity,
      currency: order.currency,
    };
    if (order.shippedAt) row.shippedDate = shopDay(order.shippedAt, f.timeZone);
    if (line.sku !== undefined) row.sku = line.sku;
    if (ean !== undefined) row.ean = ean;
    if (line.unitPriceMinor !== undefined) row.unitPriceMinor = line.unitPriceMinor;
    if (line.lineTotalMinor !== undefined) row.lineTotalMinor = line.lineTotalMinor;
    if (shippingMinor !== undefined) row.shippingMinor = shippingMinor;
    const fee = fees?.[i];
    if (fee !== undefined) row.feesMinor = fee;
    if (vatRate !== undefined) row.vatRate = vatRate;
    if (line.lineTotalMinor !== undefined) {
      const gross = NO_REVENUE.has(order.status) ? 0 : line.lineTotalMinor + (shippingMinor ?? 0);
      row.grossMinor = gross;
      if (vatRate !== undefined) {
        const split = splitVat(gross, vatRate);
        row.netMinor = split.netMinor;
        row.vatMinor = split.vatMinor;
      }
    }
    if (f.includePii && order.buyer?.name !== undefined) row.buyerName = order.buyer.name;
    if (f.includePii && order.buyer?.address !== undefined) row.buyerAddress = order.buyer.address;
    return row;
  });
}

/**
 * Ledger orders → accountant rows for a date range and channel, oldest order first (ties by
 * channel and order id), so the same ledger always gives the same bytes.
 */
export function buildExportRows(orders: readonly StoredOrder[], filter: ExportFilter): ExportRow[] {
  return orders
    .filter((o) => inRange(o, filter))
    .sort(
      (a, b) =>
        Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.channel.localeCompare(b.channel) || a.orderId.localeCompare(b.orderId),
    )
    .flatMap((o) => orderRows(o, filter));
}
