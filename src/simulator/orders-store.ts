import type { SimState } from './state.js';

/** Order life cycle shared by both marketplaces; each API maps it to its own vocabulary. */
export type OrderStatus = 'PENDING' | 'UNSHIPPED' | 'SHIPPED' | 'CANCELLED';

export interface SimOrderLine {
  lineId: string;
  sku: string;
  title: string;
  asin?: string;
  listingId?: string;
  quantity: number;
  /** Unit price in minor units (cents), VAT included. */
  unitMinor: number;
  shippedQuantity: number;
}

interface SimShipment {
  id: string;
  carrier: string;
  trackingNumber: string;
  shippedMs: number;
  lines: Array<{ lineId: string; quantity: number }>;
}

export interface SimBuyer {
  name: string;
  email: string;
  username: string;
  address: { line1: string; city: string; postalCode: string; province: string; countryCode: string; phone: string };
}

export interface SimOrder {
  channel: 'amazon' | 'ebay';
  orderId: string;
  marketplaceId: string;
  currency: string;
  createdMs: number;
  updatedMs: number;
  status: OrderStatus;
  lines: SimOrderLine[];
  shippingMinor: number;
  buyer: SimBuyer;
  shipByMs: number;
  shipments: SimShipment[];
  cancelledMs?: number;
  /** Scheduled automatic status changes, applied lazily when simulated time reaches them. */
  schedule: Array<{ atMs: number; status: OrderStatus }>;
}

/** Orders of both channels; reading them first applies every due scheduled change. */
export class OrderBook {
  private readonly orders: SimOrder[] = [];
  private readonly state: SimState;

  constructor(state: SimState) {
    this.state = state;
  }

  add(o: SimOrder): void {
    this.orders.push(o);
  }

  /** Every order of both channels, as held (for `--state`). */
  everything(): readonly SimOrder[] {
    this.settle();
    return this.orders;
  }

  private settle(): void {
    const now = this.state.clock.nowMs();
    for (const o of this.orders) {
      o.schedule.sort((a, b) => a.atMs - b.atMs);
      while (o.schedule.length > 0 && (o.schedule[0]?.atMs ?? Infinity) <= now) {
        const step = o.schedule.shift();
        if (step && canMove(o.status, step.status)) setStatus(o, step.status, step.atMs);
      }
    }
  }

  all(channel: 'amazon' | 'ebay'): SimOrder[] {
    this.settle();
    return this.orders.filter((o) => o.channel === channel);
  }

  get(channel: 'amazon' | 'ebay', orderId: string): SimOrder | undefined {
    return this.all(channel).find((o) => o.orderId === orderId);
  }
}

const NEXT: Record<OrderStatus, OrderStatus[]> = {
  PENDING: ['UNSHIPPED', 'CANCELLED'],
  UNSHIPPED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: [],
  CANCELLED: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to) || (from === 'PENDING' && to === 'SHIPPED');
}

/** Moves an order and stamps lastUpdated (each change moves it, as both marketplaces do). */
export function setStatus(o: SimOrder, status: OrderStatus, atMs: number): void {
  o.status = status;
  o.updatedMs = Math.max(o.updatedMs + 1, atMs);
  if (status === 'CANCELLED') {
    o.cancelledMs = o.updatedMs;
    o.schedule = [];
  }
  if (status === 'SHIPPED') for (const l of o.lines) l.shippedQuantity = l.quantity;
}
