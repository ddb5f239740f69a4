import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { eb, ebayAccess, ITEM, LOCATION, offerBody } from './helpers.js';

let sim: Simulator;
let api: ReturnType<typeof eb>;
const INV = '/sell/inventory/v1';

async function listed(sku: string, qty = 3): Promise<string> {
  await api('PUT', `${INV}/inventory_item/${sku}`, { ...ITEM, availability: { shipToLocationAvailability: { quantity: qty } } });
  const created = await api('POST', `${INV}/offer`, offerBody(sku, '24.90', qty));
  expect(created.status).toBe(201);
  return created.body.offerId as string;
}

beforeAll(async () => {
  sim = await startSimulator({ rateLimiting: false, ebay: { locations: [{ merchantLocationKey: 'negozio', ...LOCATION }], revisionCap: 5 } });
  api = eb(sim, await ebayAccess(sim));
});
afterAll(async () => sim.close());

describe('createOffer', () => {
  it('creates an unpublished offer (201 offerId) and refuses a second one for the same SKU × marketplace × format', async () => {
    const offerId = await listed('OFF1');
    expect(offerId).toMatch(/^\d{10}$/);
    const dup = await api('POST', `${INV}/offer`, offerBody('OFF1'));
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]).toMatchObject({ errorId: 25002, domain: 'API_INVENTORY', message: 'A user error has occurred. Offer entity already exists.', parameters: [{ name: 'offerId', value: offerId }] });
    const got = await api('GET', `${INV}/offer?sku=OFF1`);
    expect(got.body).toMatchObject({ total: 1, size: 1, offers: [{ offerId, sku: 'OFF1', status: 'UNPUBLISHED', pricingSummary: { price: { value: '24.90', currency: 'EUR' } } }] });
  });

  it('requires Content-Language, a known SKU, and valid keys', async () => {
    expect((await eb(sim, await ebayAccess(sim), null)('POST', `${INV}/offer`, offerBody('OFF1'))).body.errors[0].errorId).toBe(25709);
    expect((await api('POST', `${INV}/offer`, offerBody('GHOST'))).body.errors[0].errorId).toBe(25702);
    expect((await api('POST', `${INV}/offer`, { ...offerBody('OFF1'), marketplaceId: 'EBAY_XX' })).body.errors[0].errorId).toBe(25709);
    expect((await api('POST', `${INV}/offer`, { ...offerBody('OFF1'), format: 'AUCTION', pricingSummary: { price: { value: 'abc', currency: 'EUR' } } })).body.errors[0].errorId).toBe(25709);
  });

  it('getOffers needs sku; unknown offers are 404 25713', async () => {
    expect((await api('GET', `${INV}/offer`)).body.errors[0].errorId).toBe(25709);
    // A well-formed SKU eBay has never seen is refused as an invalid SKU.
    const never = await api('GET', `${INV}/offer?sku=NEVERSEEN1`);
    expect(never.status).toBe(400);
    expect(never.body.errors[0]).toMatchObject({ errorId: 25707, parameters: [{ name: 'sku', value: 'NEVERSEEN1' }] });
    const none = await api('GET', `${INV}/offer/123`);
    expect(none.status).toBe(404);
    expect(none.body.errors[0].errorId).toBe(25713);
  });
});

describe('publishOffer / withdrawOffer', () => {
  it('publishes to a listingId; the listing is live with min(item, offer) quantity', async () => {
    const offerId = await listed('PUB1', 4);
    const r = await api('POST', `${INV}/offer/${offerId}/publish`, {});
    expect(r.status).toBe(200);
    expect(r.body.listingId).toMatch(/^\d{12}$/);
    expect(sim.ebay.listingFor('PUB1')).toMatchObject({ listingId: r.body.listingId, listingStatus: 'ACTIVE', quantity: 4, price: { value: '24.90', currency: 'EUR' } });
    const again = await api('POST', `${INV}/offer/${offerId}/publish`, {});
    expect(again.body.listingId).toBe(r.body.listingId);
    expect(again.body.warnings[0].errorId).toBe(25402);
  });

  it('refuses to publish without policies, category, location, price, pictures, required aspects', async () => {
    await api('PUT', `${INV}/inventory_item/BARE1`, { availability: { shipToLocationAvailability: { quantity: 1 } }, product: { title: 't' } });
    const created = await api('POST', `${INV}/offer`, { sku: 'BARE1', marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE' });
    const r = await api('POST', `${INV}/offer/${created.body.offerId}/publish`, {});
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { errorId: number }) => e.errorId)).toEqual([25007, 25008, 25009, 25005, 25002, 25003, 25017, 25014, 25021]);
    await api('PUT', `${INV}/inventory_item/NOASPECT`, { ...ITEM, product: { ...ITEM.product, aspects: {} } });
    const o2 = await api('POST', `${INV}/offer`, offerBody('NOASPECT'));
    const r2 = await api('POST', `${INV}/offer/${o2.body.offerId}/publish`, {});
    expect(r2.body.errors).toEqual([expect.objectContaining({ errorId: 25029, message: 'Marca is required for this category.' })]);
    const o3 = await listed('BADPOL');
    await api('PUT', `${INV}/offer/${o3}`, { ...offerBody('BADPOL'), listingPolicies: { fulfillmentPolicyId: '999', paymentPolicyId: '6200000002', returnPolicyId: '6200000001' } });
    const r3 = await api('POST', `${INV}/offer/${o3}/publish`, {});
    expect(r3.body.errors.map((e: { errorId: number }) => e.errorId)).toEqual([25035, 25036]);
  });

  it('a listing eBay ends (policy) keeps its offer PUBLISHED; it is not revised, and publish lists it again', async () => {
    const offerId = await listed('POL1');
    const first = (await api('POST', `${INV}/offer/${offerId}/publish`, {})).body.listingId;
    sim.ebay.endListing('POL1');
    expect((await api('GET', `${INV}/offer?sku=POL1`)).body.offers[0]).toMatchObject({ status: 'PUBLISHED', listing: { listingId: first, listingStatus: 'EBAY_ENDED' } });
    expect((await api('PUT', `${INV}/offer/${offerId}`, offerBody('POL1', '20.00'))).status).toBe(204);
    expect(sim.ebay.revisions(first)).toBe(0);
    const second = (await api('POST', `${INV}/offer/${offerId}/publish`, {})).body.listingId;
    expect(second).not.toBe(first);
    expect(sim.ebay.listingFor('POL1')).toMatchObject({ listingId: second, listingStatus: 'ACTIVE', offerStatus: 'PUBLISHED' });
  });

  it('withdraw ends the listing; publishing again mints a new listingId', async () => {
    const offerId = await listed('WD1');
    const first = (await api('POST', `${INV}/offer/${offerId}/publish`, {})).body.listingId;
    const w = await api('POST', `${INV}/offer/${offerId}/withdraw`, {});
    expect(w.body).toEqual({ listingId: first, warnings: [] });
    expect(sim.ebay.listingFor('WD1')).toMatchObject({ listingStatus: 'ENDED', offerStatus: 'UNPUBLISHED', quantity: 0 });
    expect((await api('POST', `${INV}/offer/${offerId}/withdraw`, {})).body.errors[0].errorId).toBe(25713);
    const second = (await api('POST', `${INV}/offer/${offerId}/publish`, {})).body.listingId;
    expect(second).not.toBe(first);
  });
});

describe('GPSR: regulatory manufacturer and responsible persons (errors 25110–25119)', () => {
  const address = { addressLine1: 'Via Roma 1', city: 'Milano', postalCode: '20121', country: 'IT' };
  const person = (over: Record<string, unknown> = {}) => ({ companyName: 'Rossi srl', ...address, types: ['EU_RESPONSIBLE_PERSON'], ...over });
  const ids = (r: { body: { errors?: Array<{ errorId: number }> } }) => (r.body.errors ?? []).map((e) => e.errorId);

  it('publish refuses an address without street, city, postal code and country, a party without a name or contact, and no EU party', async () => {
    const publishWith = async (sku: string, regulatory: unknown) => {
      const id = await listed(sku);
      await api('PUT', `${INV}/offer/${id}`, { ...offerBody(sku), regulatory });
      return api('POST', `${INV}/offer/${id}/publish`, {});
    };
    // What civetta sent before: a company name and the whole address in addressLine1.
    const oneLine = await publishWith('GPSR1', { manufacturer: { companyName: 'LEGO A/S', addressLine1: 'Aastvej 1, 7190 Billund, DK' }, responsiblePersons: [{ companyName: 'LEGO Italia', addressLine1: 'Via X 1, Milano', types: ['EU_RESPONSIBLE_PERSON'] }] });
    expect(oneLine.status).toBe(400);
    expect(oneLine.body.errors.map((e: { errorId: number; message: string }) => [e.errorId, e.message])).toEqual([
      [25110, 'Manufacturer address information is incomplete. When providing the address, please provide the street, city, postal code and country'],
      [25113, 'Responsible Person address information is incomplete. When providing the address, please provide the street, city, postal code and country'],
    ]);
    expect(ids(await publishWith('GPSR2', { manufacturer: { ...address }, responsiblePersons: [person({ companyName: undefined })] }))).toEqual([25111, 25114]);
    expect(ids(await publishWith('GPSR3', { manufacturer: { companyName: 'A' }, responsiblePersons: [{ companyName: 'B', types: [] }] }))).toEqual([25118, 25116, 25119]);
    const us = { ...address, city: 'Pawtucket', postalCode: '02861', country: 'US' };
    expect(ids(await publishWith('GPSR4', { manufacturer: { companyName: 'Hasbro', ...us }, responsiblePersons: [person(us)] }))).toEqual([25115]);
    expect(ids(await publishWith('GPSR5', { responsiblePersons: Array.from({ length: 6 }, () => person()) }))).toEqual([25112]);
    const ok = await publishWith('GPSR6', { manufacturer: { companyName: 'Hasbro', ...us, email: 'a@b.example' }, responsiblePersons: [person({ phone: '+39 02 1' })] });
    expect(ok.status).toBe(200);
  });

  it('a revision of a live listing is checked too: updateOffer and createOrReplaceInventoryItem', async () => {
    const id = await listed('GPSR7');
    expect((await api('POST', `${INV}/offer/${id}/publish`, {})).status).toBe(200);
    const bad = await api('PUT', `${INV}/offer/${id}`, { ...offerBody('GPSR7'), regulatory: { manufacturer: { companyName: 'X', city: 'Milano' } } });
    expect(ids(bad)).toEqual([25110]);
    // A listing whose offer holds incomplete data (listed before eBay checked) cannot be revised through its item either.
    const old = await startSimulator({
      rateLimiting: false,
      ebay: {
        locations: [{ merchantLocationKey: 'negozio', ...LOCATION }],
        inventoryItems: [{ sku: 'OLD1', item: ITEM }],
        offers: [{ sku: 'OLD1', listingId: '110000000777', details: { ...offerBody('OLD1'), regulatory: { responsiblePersons: [person({ postalCode: undefined })] } } }],
      },
    });
    try {
      const oldApi = eb(old, await ebayAccess(old));
      expect(ids(await oldApi('PUT', `${INV}/inventory_item/OLD1`, ITEM))).toEqual([25113]);
    } finally {
      await old.close();
    }
  });
});

describe('updateOffer and stock', () => {
  it('quantity 0 ends the listing without OUT_OF_STOCK_CONTROL, hides it with the opt-in', async () => {
    const a = await listed('Z1');
    await api('POST', `${INV}/offer/${a}/publish`, {});
    expect((await api('PUT', `${INV}/offer/${a}`, { ...offerBody('Z1'), availableQuantity: 0 })).status).toBe(204);
    // eBay ends the listing but the offer stays PUBLISHED; stock coming back does not revive it.
    const first = sim.ebay.listingFor('Z1')?.listingId;
    expect(sim.ebay.listingFor('Z1')).toMatchObject({ listingStatus: 'ENDED', offerStatus: 'PUBLISHED', quantity: 0 });
    expect((await api('PUT', `${INV}/offer/${a}`, { ...offerBody('Z1'), availableQuantity: 2 })).status).toBe(204);
    expect((await api('GET', `${INV}/offer?sku=Z1`)).body.offers[0]).toMatchObject({ status: 'PUBLISHED', listing: { listingId: first, listingStatus: 'ENDED' } });
    // Only publishing again lists it, under a new listingId.
    const again = await api('POST', `${INV}/offer/${a}/publish`, {});
    expect(again.body.listingId).not.toBe(first);
    expect(again.body.warnings ?? []).toEqual([]);
    expect(sim.ebay.listingFor('Z1')).toMatchObject({ listingId: again.body.listingId, listingStatus: 'ACTIVE', quantity: 2 });
    sim.ebay.optIn('OUT_OF_STOCK_CONTROL');
    const b = await listed('Z2');
    await api('POST', `${INV}/offer/${b}/publish`, {});
    await api('PUT', `${INV}/offer/${b}`, { ...offerBody('Z2'), availableQuantity: 0 });
    expect(sim.ebay.listingFor('Z2')).toMatchObject({ listingStatus: 'OUT_OF_STOCK', offerStatus: 'PUBLISHED' });
    await api('PUT', `${INV}/offer/${b}`, { ...offerBody('Z2'), availableQuantity: 2 });
    expect(sim.ebay.listingFor('Z2')).toMatchObject({ listingStatus: 'ACTIVE', quantity: 2 });
    sim.ebay.optOut('OUT_OF_STOCK_CONTROL');
  });

  it('counts revisions per listing per day and refuses past the cap (25019); the next day is fresh', async () => {
    const id = await listed('REV1');
    const listingId = (await api('POST', `${INV}/offer/${id}/publish`, {})).body.listingId as string;
    for (let i = 0; i < 5; i++) expect((await api('PUT', `${INV}/offer/${id}`, offerBody('REV1', `2${i}.00`))).status).toBe(204);
    expect(sim.ebay.revisions(listingId)).toBe(5);
    const refused = await api('PUT', `${INV}/offer/${id}`, offerBody('REV1', '30.00'));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].errorId).toBe(25019);
    expect(sim.ebay.listingFor('REV1')?.price?.value).toBe('24.00');
    sim.clock.advance(24 * 3_600_000);
    api = eb(sim, await ebayAccess(sim)); // the old token expired meanwhile
    expect((await api('PUT', `${INV}/offer/${id}`, offerBody('REV1', '30.00'))).status).toBe(204);
  });

  it('deleteOffer removes it (204) and a second delete is 404', async () => {
    const id = await listed('DEL1');
    expect((await api('DELETE', `${INV}/offer/${id}`)).status).toBe(204);
    expect((await api('DELETE', `${INV}/offer/${id}`)).status).toBe(404);
  });
});
