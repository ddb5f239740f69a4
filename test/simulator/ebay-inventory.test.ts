import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { eb, ebayAccess, ITEM } from './helpers.js';

let sim: Simulator;
let token: string;
const INV = '/sell/inventory/v1';


beforeAll(async () => {
  sim = await startSimulator({ rateLimiting: false });
  token = await ebayAccess(sim);
});
afterAll(async () => sim.close());

describe('createOrReplaceInventoryItem', () => {
  it('creates with 204 and stores the locale from Content-Language', async () => {
    const r = await eb(sim, token)('PUT', `${INV}/inventory_item/CIV1`, ITEM);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(sim.ebay.inventoryItem('CIV1')).toMatchObject({ sku: 'CIV1', locale: 'it_IT', condition: 'NEW' });
  });

  it('is a full replace: omitted fields are erased', async () => {
    await eb(sim, token)('PUT', `${INV}/inventory_item/CIV2`, ITEM);
    await eb(sim, token)('PUT', `${INV}/inventory_item/CIV2`, { product: { title: 'Solo titolo' } });
    const got = await eb(sim, token)('GET', `${INV}/inventory_item/CIV2`);
    expect(got.body).toEqual({ sku: 'CIV2', locale: 'it_IT', product: { title: 'Solo titolo' } });
  });

  it('requires a valid Content-Language (25709)', async () => {
    const missing = await eb(sim, token, null)('PUT', `${INV}/inventory_item/CIV3`, ITEM);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ errorId: 25709, domain: 'API_INVENTORY', category: 'REQUEST' });
    expect((await eb(sim, token, 'xx-XX')('PUT', `${INV}/inventory_item/CIV3`, ITEM)).body.errors[0].errorId).toBe(25709);
  });

  it('refuses a body eBay cannot read (2004) and an invalid SKU (25707)', async () => {
    const aspects = await eb(sim, token)('PUT', `${INV}/inventory_item/CIV4`, { ...ITEM, product: { ...ITEM.product, aspects: 'Marca: LEGO' } });
    expect(aspects.status).toBe(400);
    expect(aspects.body.errors[0]).toMatchObject({ errorId: 2004, parameters: [{ name: 'reason', value: 'Could not serialize field [product.aspects]' }] });
    expect((await eb(sim, token)('PUT', `${INV}/inventory_item/CIV4`, { ...ITEM, condition: 'BRAND_NEW' })).body.errors[0].errorId).toBe(2004);
    expect((await eb(sim, token)('PUT', `${INV}/inventory_item/CIV4`, '{oops')).body.errors[0].errorId).toBe(2004);
    const sku = await eb(sim, token)('PUT', `${INV}/inventory_item/${encodeURIComponent('A B/C')}`, ITEM);
    expect(sku.body.errors[0].errorId).toBe(25707);
    expect((await eb(sim, token)('PUT', `${INV}/inventory_item/${'X'.repeat(51)}`, ITEM)).body.errors[0].errorId).toBe(25707);
  });

  it('gets, pages and deletes items; unknown SKU is 404 25710', async () => {
    const list = await eb(sim, token)('GET', `${INV}/inventory_item?limit=1`);
    expect(list.status).toBe(200);
    expect(list.body.size).toBe(1);
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    expect(list.body.next).toContain('offset=1');
    expect((await eb(sim, token)('GET', `${INV}/inventory_item?limit=201`)).body.errors[0].errorId).toBe(25706);
    expect((await eb(sim, token)('DELETE', `${INV}/inventory_item/CIV2`)).status).toBe(204);
    const gone = await eb(sim, token)('GET', `${INV}/inventory_item/CIV2`);
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].errorId).toBe(25710);
  });
});

describe('inventory locations', () => {
  const LOC = { name: 'Negozio', locationTypes: ['WAREHOUSE'], merchantLocationStatus: 'ENABLED', phone: '+39 051 000000', location: { address: { addressLine1: 'Via Roma 12', city: 'Bologna', postalCode: '40121', country: 'IT' } } };

  it('creates (204), reads, refuses a duplicate key with 409 25803', async () => {
    expect((await eb(sim, token)('POST', `${INV}/location/negozio`, LOC)).status).toBe(204);
    const got = await eb(sim, token)('GET', `${INV}/location/negozio`);
    expect(got.body).toMatchObject({ merchantLocationKey: 'negozio', merchantLocationStatus: 'ENABLED', location: { address: { country: 'IT' } } });
    const dup = await eb(sim, token)('POST', `${INV}/location/negozio`, LOC);
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].errorId).toBe(25803);
    expect((await eb(sim, token)('GET', `${INV}/location`)).body.total).toBe(1);
  });

  it('needs country and postal code (25801), a short key (25800); unknown key is 404 25805', async () => {
    const noPostal = await eb(sim, token)('POST', `${INV}/location/l2`, { ...LOC, location: { address: { country: 'IT' } } });
    expect(noPostal.body.errors[0].errorId).toBe(25801);
    expect((await eb(sim, token)('POST', `${INV}/location/${'k'.repeat(37)}`, LOC)).body.errors[0].errorId).toBe(25800);
    const unknown = await eb(sim, token)('GET', `${INV}/location/none`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].errorId).toBe(25805);
  });
});
