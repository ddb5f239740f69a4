import type { Minor } from './money.js';
import type { Order, OrderLine } from './order.js';

/**
 * Facts about the product behind an order line, snapshotted at pull time when the stock file is
 * at hand (so a later price list, VAT change or a product leaving the file does not rewrite past
 * sales), and otherwise resolved from the current stock file when a report or export needs them.
 */
export interface ProductFacts {
  /** The stock file's title (reports only; lines keep the marketplace's title). */
  title?: string;
  ean?: string;
  /** VAT rate as a fraction (0.22). */
  vatRate?: number;
  /** Purchase cost per unit, in minor units (VAT excluded, as the stock file holds it). */
  costMinor?: Minor;
}

/** Looks a SKU up in the stock file (and the config's VAT rates); undefined when unknown. */
export type ProductLookup = (sku: string) => ProductFacts | undefined;

/** An order line as the ledger keeps it: the marketplace's line plus the product facts known. */
export interface StoredOrderLine extends OrderLine, Omit<ProductFacts, 'title'> {}

/** An order as the ledger keeps it. */
export interface StoredOrder extends Omit<Order, 'lines'> {
  lines: StoredOrderLine[];
  /** When civetta first stored the order. */
  firstSeenAt: string;
  /** When the order was first seen shipped (marketplace update time) or shipped with `civetta orders ship`. */
  shippedAt?: string;
  /** When the buyer's name and address were erased; the buyer fields are then absent for good. */
  piiPurgedAt?: string;
}
