import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { eb, ebayAccess, ITEM, LOCATION, offerBody } from './helpers.js';

let sim: Simulator;
let api: ReturnType<typeof eb>;
const INV = '/sell/inventory/v1';
const bulkItem = (sku: string, qty = 2) => ({ sku, locale: 'it_IT', ...ITEM, availability: { shipToLocationAvailability: { quantity: qty } } });

beforeAll(async () => {
  sim = await startSimulator({ rateLimiting: false, ebay: { locations: [{ merchantLocationKey: 'negozio', ...LOCATION }] } });
  api = eb(sim, await ebayAccess(sim));
});
afterAll(async () => sim.close());

describe('bulk inventory calls', () => {
  it('bulkCreateOrReplaceInventoryItem: 200 with per-entry statusCode, 207 when mixed', async () => {
    const ok = await api('POST', `${INV}/bulk_create_or_replace_inventory_item`, { requests: [bulkItem('B1'), bulkItem('B2')] });
    expect(ok.status).toBe(200);
    expect(ok.body.responses).toEqual([{ sku: 'B1', locale: 'it_IT', statusCode: 204 }, { sku: 'B2', locale: 'it_IT', statusCode: 204 }]);
    const mixed = await api('POST', `${INV}/bulk_create_or_replace_inventory_item`, { requests: [bulkItem('B3'), { ...bulkItem('B4'), condition: 'SHINY' }] });
    expect(mixed.status).toBe(207);
    expect(mixed.body.responses[1]).toMatchObject({ sku: 'B4', statusCode: 400, errors: [{ errorId: 2004 }] });
    expect(sim.ebay.inventoryItem('B3')).toBeDefined();
  });

  it('refuses more than 25 items (25727), duplicates (25728), no Content-Language (25709)', async () => {
    const many = Array.from({ length: 26 }, (_, i) => bulkItem(`M${i}`));
    expect((await api('POST', `${INV}/bulk_create_or_replace_inventory_item`, { requests: many })).body.errors[0].errorId).toBe(25727);
    expect((await api('POST', `${INV}/bulk_create_or_replace_inventory_item`, { requests: [bulkItem('D'), bulkItem('D')] })).body.errors[0].errorId).toBe(25728);
    const noLang = await eb(sim, await ebayAccess(sim), null)('POST', `${INV}/bulk_create_or_replace_inventory_item`, { requests: [bulkItem('L1')] });
    expect(noLang.body.errors[0].errorId).toBe(25709);
  });

  it('bulkGetInventoryItem returns items and per-entry 404s', async () => {
    const r = await api('POST', `${INV}/bulk_get_inventory_item`, { requests: [{ sku: 'B1' }, { sku: 'NONE' }] });
    expect(r.status).toBe(207);
    expect(r.body.responses[0]).toMatchObject({ sku: 'B1', statusCode: 200, inventoryItem: { sku: 'B1', condition: 'NEW' } });
    expect(r.body.responses[1]).toMatchObject({ sku: 'NONE', statusCode: 404, errors: [{ errorId: 25710 }] });
    expect((await api('POST', `${INV}/bulk_get_inventory_item`, { requests: [{ sku: 'B1' }, { sku: 'B1' }] })).body.errors[0].errorId).toBe(25734);
  });

  it('bulkCreateOffer and bulkPublishOffer give offerIds and listingIds per entry', async () => {
    const created = await api('POST', `${INV}/bulk_create_offer`, { requests: [offerBody('B1'), offerBody('B2'), offerBody('GHOST')] });
    expect(created.status).toBe(207);
    expect(created.body.responses.map((r: { statusCode: number }) => r.statusCode)).toEqual([200, 200, 400]);
    expect(created.body.responses[2].errors[0].errorId).toBe(25702);
    const ids = created.body.responses.slice(0, 2).map((r: { offerId: string }) => r.offerId);
    const dup = await api('POST', `${INV}/bulk_create_offer`, { requests: [offerBody('B3'), offerBody('B3')] });
    expect(dup.body.errors[0].errorId).toBe(25729);
    const published = await api('POST', `${INV}/bulk_publish_offer`, { requests: ids.map((offerId: string) => ({ offerId })) });
    expect(published.status).toBe(200);
    expect(published.body.responses).toEqual([
      expect.objectContaining({ offerId: ids[0], statusCode: 200, listingId: expect.stringMatching(/^\d{12}$/) }),
      expect.objectContaining({ offerId: ids[1], statusCode: 200 }),
    ]);
    expect((await api('POST', `${INV}/bulk_publish_offer`, { requests: [{ offerId: ids[0] }, { offerId: ids[0] }] })).body.errors[0].errorId).toBe(25731);
  });

  it('bulkUpdatePriceQuantity revises price and stock; unknown offers fail per entry', async () => {
    const offerId = sim.ebay.listingFor('B1')?.offerId as string;
    const r = await api('POST', `${INV}/bulk_update_price_quantity`, {
      requests: [
        { sku: 'B1', shipToLocationAvailability: { quantity: 1 }, offers: [{ offerId, availableQuantity: 1, price: { value: '22.90', currency: 'EUR' } }] },
        { sku: 'B2', offers: [{ offerId: '1', price: { value: '9.90', currency: 'EUR' } }] },
      ],
    });
    expect(r.status).toBe(207);
    expect(r.body.responses[0]).toEqual({ sku: 'B1', offerId, statusCode: 200 });
    expect(r.body.responses[1]).toMatchObject({ sku: 'B2', offerId: '1', statusCode: 400, errors: [{ errorId: 25713 }] });
    expect(sim.ebay.listingFor('B1')).toMatchObject({ price: { value: '22.90', currency: 'EUR' }, quantity: 1, listingStatus: 'ACTIVE' });
    const listingId = sim.ebay.listingFor('B1')?.listingId as string;
    expect(sim.ebay.revisions(listingId)).toBe(1);
  });
});
