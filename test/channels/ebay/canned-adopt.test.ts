import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOutcome } from '../../../src/channels/channel.js';
import { cannedEbay, type Canned } from './canned-server.js';
import { offer } from './helpers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

const INV = '/ebay/sell/inventory/v1';

/** bulkCreateOffer's entry refused with 25002 "Offer entity already exists": the offer is adopted, never duplicated. */
describe('an offer entry refused because the offer exists (25002)', () => {
  it('adopts the offer eBay names, gives it civetta\'s price and policies, then publishes it', async () => {
    const SKU = 'CIV8001234567897';
    const { server, channel, api } = await cannedEbay((req): Canned => {
      const path = req.url.split('?')[0] ?? '';
      if (req.method === 'GET' && path.startsWith(`${INV}/location/`)) return { status: 200, body: { merchantLocationKey: 'negozio', merchantLocationStatus: 'ENABLED' } };
      if (path === `${INV}/bulk_get_inventory_item`) return { status: 400, body: { responses: [{ sku: SKU, statusCode: 404, errors: [{ errorId: 25710, message: 'not found' }] }] } };
      if (path === `${INV}/bulk_create_or_replace_inventory_item`) return { status: 200, body: { responses: [{ sku: SKU, locale: 'it_IT', statusCode: 200 }] } };
      if (path === `${INV}/bulk_create_offer`) {
        return { status: 400, body: { responses: [{ sku: SKU, marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE', statusCode: 400, errors: [{ errorId: 25002, message: 'Offer entity already exists.', parameters: [{ name: 'offerId', value: 'O9' }] }] }] } };
      }
      if (req.method === 'GET' && path === `${INV}/offer`) {
        return { status: 200, body: { offers: [{ offerId: 'O9', sku: SKU, marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE', status: 'UNPUBLISHED', availableQuantity: 1, pricingSummary: { price: { value: '9.99', currency: 'EUR' } } }] } };
      }
      if (req.method === 'PUT' && path === `${INV}/offer/O9`) return { status: 204 };
      if (path === `${INV}/bulk_publish_offer`) return { status: 200, body: { responses: [{ offerId: 'O9', statusCode: 200, listingId: 'L9' }] } };
      return { status: 500, body: { errors: [{ errorId: 99999, message: `unexpected ${req.method} ${path}` }] } };
    });
    closers.push(server.close);
    const outcomes: ChangeOutcome[] = [];
    await channel.apply([{ kind: 'create', offer: offer({ priceMinor: 2490, quantity: 3 }) }], (o) => outcomes.push(o));
    expect(outcomes).toEqual([expect.objectContaining({ ok: true, remote: { offerId: 'O9', listingId: 'L9' } })]);
    expect(outcomes[0]?.request).toMatch(/bulkCreateOffer CIV8001234567897 .*; getOffers sku=CIV8001234567897; updateOffer O9 price 24\.90; bulkPublishOffer O9/);
    const update = api().find((r) => r.method === 'PUT' && r.url.startsWith(`${INV}/offer/O9`));
    const body = JSON.parse(update?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({ availableQuantity: 3, pricingSummary: { price: { value: '24.90', currency: 'EUR' } }, merchantLocationKey: 'negozio' });
    const order = api().map((r) => `${r.method} ${r.url.split('?')[0]?.replace(INV, '')}`);
    expect(order.indexOf('PUT /offer/O9')).toBeLessThan(order.indexOf('POST /bulk_publish_offer'));
    expect(order.filter((o) => o === 'POST /bulk_create_offer')).toHaveLength(1);
  });
});
