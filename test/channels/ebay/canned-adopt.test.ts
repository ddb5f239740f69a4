import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOutcome } from '../../../src/channels/channel.js';
import { cannedEbay, type Canned } from './canned-server.js';
import { offer } from './helpers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

const INV = '/ebay/sell/inventory/v1';

/** createOffer refused with 25002: the simulator never leaves an offer behind that civetta does not know about. */
describe('createOffer refused because the offer exists (25002)', () => {
  it('adopts the offer eBay names, gives it civetta\'s price and policies, then publishes it', async () => {
    let offerReads = 0;
    const { server, channel, api } = await cannedEbay((req): Canned => {
      const path = req.url.split('?')[0] ?? '';
      if (req.method === 'GET' && path.startsWith(`${INV}/location/`)) return { status: 200, body: { merchantLocationKey: 'negozio', merchantLocationStatus: 'ENABLED' } };
      if (req.method === 'GET' && path.startsWith(`${INV}/inventory_item/`)) return { status: 404, body: { errors: [{ errorId: 25710, message: 'not found' }] } };
      if (req.method === 'PUT' && path.startsWith(`${INV}/inventory_item/`)) return { status: 204 };
      if (req.method === 'GET' && path === `${INV}/offer`) {
        offerReads += 1;
        return offerReads === 1
          ? { status: 404, body: { errors: [{ errorId: 25713, message: 'This Offer is not available.' }] } }
          : { status: 200, body: { offers: [{ offerId: 'O9', sku: 'CIV8001234567897', marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE', status: 'UNPUBLISHED', availableQuantity: 1, pricingSummary: { price: { value: '9.99', currency: 'EUR' } } }] } };
      }
      if (req.method === 'POST' && path === `${INV}/offer`) return { status: 400, body: { errors: [{ errorId: 25002, message: 'Offer entity already exists.', parameters: [{ name: 'offerId', value: 'O9' }] }] } };
      if (req.method === 'PUT' && path === `${INV}/offer/O9`) return { status: 204 };
      if (req.method === 'POST' && path === `${INV}/offer/O9/publish`) return { status: 200, body: { listingId: 'L9' } };
      return { status: 500, body: { errors: [{ errorId: 99999, message: `unexpected ${req.method} ${path}` }] } };
    });
    closers.push(server.close);
    const outcomes: ChangeOutcome[] = [];
    await channel.apply([{ kind: 'create', offer: offer({ priceMinor: 2490, quantity: 3 }) }], (o) => outcomes.push(o));
    expect(outcomes).toEqual([expect.objectContaining({ ok: true, remote: { offerId: 'O9', listingId: 'L9' } })]);
    const update = api().find((r) => r.method === 'PUT' && r.url.startsWith(`${INV}/offer/O9`));
    const body = JSON.parse(update?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({ availableQuantity: 3, pricingSummary: { price: { value: '24.90', currency: 'EUR' } }, merchantLocationKey: 'negozio' });
    const order = api().map((r) => `${r.method} ${r.url.split('?')[0]?.replace(INV, '')}`);
    expect(order.indexOf('PUT /offer/O9')).toBeLessThan(order.indexOf('POST /offer/O9/publish'));
  });
});
