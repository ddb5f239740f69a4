import type { Logger } from '../../log.js';
import type { ShipOutcome, ShipRequest } from '../channel.js';
import type { AmazonApi } from './api-context.js';
import { confirmShipment } from './orders-api.js';
import { failureOf } from './outcome.js';

export { orderReader } from './order-reader.js';

/**
 * Tracking for one order (confirmShipment, 204 = done); not resent after an ambiguous failure.
 */
export async function ship(api: AmazonApi, request: ShipRequest, log: Logger): Promise<ShipOutcome> {
  // A positive number unique per package of an order (PackageReferenceId in ordersV0.json).
  const reference = String(Math.floor(request.shippedAt.getTime() / 1000));
  try {
    const status = await confirmShipment(api, request.orderId, {
      marketplaceId: request.marketplace || api.marketplaceId,
      packageDetail: {
        packageReferenceId: reference,
        carrierCode: request.carrier.code,
        // A carrier missing from Amazon's list goes as Other, named (ordersV0.json PackageDetail).
        ...(request.carrier.code === 'Other' ? { carrierName: request.carrier.name } : {}),
        trackingNumber: request.tracking,
        shipDate: request.shippedAt.toISOString(),
        orderItems: request.lines.map((l) => ({ orderItemId: l.lineId, quantity: l.quantity })),
      },
    });
    log.debug(`amazon: confirmShipment ${request.orderId} → ${status}`);
    return { ok: true, reference, errors: [] };
  } catch (error) {
    return { ok: false, errors: failureOf(error).errors };
  }
}
