import type { Channel, ShipOutcome } from '../channels/channel.js';
import type { ShipCarrier } from '../domain/carrier.js';
import type { ChannelId } from '../domain/ids.js';
import { InputError } from '../errors.js';
import type { Ledger } from '../ledger/database.js';
import { readOrders, recordShipment } from '../ledger/orders.js';
import { checkCarrierName, shipCarrier } from './carriers.js';

export interface ShipOrderRequest {
  orderId: string;
  /** `--carrier NAME`: a carrier civetta knows (src/orders/carriers.ts). */
  carrier?: string;
  /** `--carrier-code CODE`: the marketplace's own code, passed through unchanged. */
  carrierCode?: string;
  tracking: string;
  now: Date;
}

export interface ShipOrderResult {
  channel: ChannelId;
  /** The carrier as the order's marketplace got it. */
  carrier: ShipCarrier;
  marketplace: string;
  orderId: string;
  lines: Array<{ lineId: string; quantity: number }>;
  outcome: ShipOutcome;
}

/**
 * Sends carrier and tracking for every unshipped line of an order to the channel it came from,
 * in that marketplace's own carrier code, and records the shipment when the marketplace accepts
 * it. An unknown carrier name, an unknown order, an order not paid yet, an order with nothing left
 * to ship, a carrier the marketplace has no code for, or a channel not configured → InputError (exit 2), before
 * anything is sent. `adapterOf` is asked for the order's channel alone, once the order is known
 * to be shippable: shipping needs no other channel's credentials.
 */
export async function shipOrder(ledger: Ledger, adapterOf: (channel: ChannelId) => Channel | undefined, r: ShipOrderRequest): Promise<ShipOrderResult> {
  if (!r.tracking.trim()) throw new InputError('--tracking must not be empty.');
  if (!r.carrierCode?.trim()) {
    if (!r.carrier?.trim()) throw new InputError('Give the carrier: --carrier NAME (or --carrier-code CODE).');
    checkCarrierName(r.carrier);
  }
  const found = readOrders(ledger, { orderId: r.orderId });
  const order = found[0];
  if (!order) {
    throw new InputError(`Order ${r.orderId} is not in the ledger.`, ['Run `civetta orders pull` first, and check the order number.']);
  }
  if (found.length > 1) throw new InputError(`Order ${r.orderId} exists on several channels (${found.map((o) => o.channel).join(', ')}).`);
  if (order.status === 'cancelled' || order.status === 'refunded') throw new InputError(`Order ${r.orderId} is ${order.status}: nothing to ship.`);
  if (order.status === 'pending') {
    // The marketplace refuses tracking for an order not yet paid (Amazon: Pending), with an
    // answer that reads like a bug; nothing is sent.
    throw new InputError(`Order ${r.orderId} is not paid yet (${order.channel}: ${order.rawStatus}): it cannot be shipped before the marketplace confirms payment.`, [
      'Wait for the payment (Amazon confirms most within 30 minutes, some methods take up to a few days), run `civetta orders pull`, and ship it once it shows as unshipped. Do not send the parcel before.',
    ]);
  }
  const lines = order.lines
    .map((l) => ({ lineId: l.lineId, quantity: l.quantity - (l.quantityShipped ?? 0) }))
    .filter((l) => l.quantity > 0);
  if (lines.length === 0 || order.status === 'shipped') throw new InputError(`Order ${r.orderId} is already shipped.`);
  const carrier = shipCarrier(order.channel, r);
  const channel = adapterOf(order.channel);
  if (!channel) throw new InputError(`Order ${r.orderId} came from ${order.channel}, which is not configured and enabled.`);
  const outcome = await channel.ship({
    orderId: order.orderId, marketplace: order.marketplace, lines, carrier, tracking: r.tracking.trim(), shippedAt: r.now,
  });
  if (outcome.ok) {
    recordShipment(ledger, {
      channel: order.channel, orderId: order.orderId, carrier: carrier.name, tracking: r.tracking.trim(), lines, sentAt: r.now,
      ...(outcome.reference ? { reference: outcome.reference } : {}),
    });
  }
  return { channel: order.channel, carrier, marketplace: order.marketplace, orderId: order.orderId, lines, outcome };
}
