import { describe, expect, it } from 'vitest';
import { party } from '../../support/party.js';
import { applyAll, ebayOnSimulator, seen } from './sim-harness.js';
import { offer } from './helpers.js';

describe('eBay channel on the simulator: first listing', () => {
  it('creates the full item, creates the offer, publishes with {} and records the listing id', async () => {
    const { sim, channel } = await ebayOnSimulator();
    const outcomes = await applyAll(channel, [{ kind: 'create', offer: offer() }]);
    const o = outcomes.get('CIV8001234567897');
    expect(o?.ok).toBe(true);
    expect(o?.errors).toEqual([]);
    const live = sim.ebay.listingFor('CIV8001234567897');
    expect(o?.remote).toEqual({ offerId: live?.offerId, listingId: live?.listingId });
    expect(live).toMatchObject({ listingStatus: 'ACTIVE', offerStatus: 'PUBLISHED', price: { value: '24.90', currency: 'EUR' }, quantity: 3 });

    const [put] = seen(sim, 'bulkCreateOrReplaceInventoryItem');
    expect(put?.body).toEqual({ requests: [{
      sku: 'CIV8001234567897',
      locale: 'it_IT',
      condition: 'NEW',
      availability: { shipToLocationAvailability: { quantity: 3 } },
      product: {
        title: 'Set costruzioni Stazione di Polizia 60316',
        description: 'Set nuovo, scatola sigillata.',
        aspects: { Marca: ['LEGO'], Tema: ['City'] },
        brand: 'LEGO',
        ean: ['8001234567897'],
        imageUrls: ['https://negozio.example/img/60316.jpg'],
      },
    }] });
    const [create] = seen(sim, 'bulkCreateOffer');
    expect(create?.body).toMatchObject({ requests: [{ sku: 'CIV8001234567897', marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE', listingDuration: 'GTC', includeCatalogProductDetails: false, categoryId: '183446', merchantLocationKey: 'negozio' }] });
    const [publish] = seen(sim, 'bulkPublishOffer');
    expect(publish?.body).toEqual({ requests: [{ offerId: live?.offerId }] });
    expect(publish?.headers['content-type']).toMatch(/^application\/json/);
    // Content-Language and Accept-Language on every call, in the marketplace's language.
    const api = sim.requests.filter((r) => r.operation !== 'getToken');
    // Read items, write items, create offers, publish: one call each for the batch (plus the location check).
    expect(api.map((r) => r.operation)).toEqual(['getInventoryLocation', 'bulkGetInventoryItem', 'bulkCreateOrReplaceInventoryItem', 'bulkCreateOffer', 'bulkPublishOffer']);
    for (const r of api) {
      expect(r.headers['content-language']).toBe('it-IT');
      expect(r.headers['accept-language']).toBe('it-IT');
      expect(r.headers['x-ebay-c-marketplace-id']).toBe('EBAY_IT');
    }
  });

  it('adopts the existing offer of a SKU instead of creating a duplicate', async () => {
    const { sim, channel } = await ebayOnSimulator({
      ebay: {
        inventoryItems: [{ sku: 'CIV8001234567897', item: { condition: 'NEW', product: { title: 'vecchio' } } }],
        offers: [{ offerId: '9100000042', sku: 'CIV8001234567897', details: { pricingSummary: { price: { value: '30.00', currency: 'EUR' } } } }],
      },
    });
    const o = (await applyAll(channel, [{ kind: 'create', offer: offer() }])).get('CIV8001234567897');
    expect(o?.ok).toBe(true);
    expect(o?.remote?.offerId).toBe('9100000042');
    // bulkCreateOffer's entry is refused with 25002 (the offer exists): it is read back and adopted.
    expect(o?.request).toMatch(/bulkCreateOffer .*; getOffers sku=CIV8001234567897; updateOffer 9100000042/);
    expect(sim.count('updateOffer')).toBe(1);
    expect(sim.ebay.offers()).toHaveLength(1);
    expect(sim.ebay.listingFor('CIV8001234567897')).toMatchObject({ offerId: '9100000042', price: { value: '24.90', currency: 'EUR' } });
  });

  it('reports an unmapped category without sending anything, and the eBay errorId with its explanation', async () => {
    const { sim, channel } = await ebayOnSimulator();
    const outcomes = await applyAll(channel, [
      { kind: 'create', offer: offer({ product: { category: 'Libri' } }) },
      { kind: 'create', offer: offer({ sku: 'CIV2', product: { images: [] } }) },
    ]);
    expect(outcomes.get('CIV8001234567897')).toMatchObject({ ok: false, request: 'nothing sent', errors: [{ code: 'category-unmapped' }] });
    const bad = outcomes.get('CIV2');
    expect(bad?.ok).toBe(false);
    expect(bad?.errors.map((e) => e.code)).toContain('25014');
    expect(bad?.errors.find((e) => e.code === '25014')?.explanation).toMatch(/picture/);
    expect(seen(sim, 'bulkCreateOrReplaceInventoryItem').map((r) => (r.body as { requests: Array<{ sku: string }> }).requests.map((x) => x.sku))).toEqual([['CIV2']]);
  });
});

describe('eBay channel on the simulator: delist', () => {
  it('withdraws the offer with an explicit {} body; the offer stays, unpublished', async () => {
    const { sim, channel } = await ebayOnSimulator();
    const created = (await applyAll(channel, [{ kind: 'create', offer: offer() }])).get('CIV8001234567897');
    const remote = created?.remote ?? {};
    const o = (await applyAll(channel, [{ kind: 'delist', sku: 'CIV8001234567897', remote }])).get('CIV8001234567897');
    expect(o).toMatchObject({ kind: 'delist', ok: true, remote: { offerId: remote.offerId }, errors: [] });
    const [withdraw] = seen(sim, 'withdrawOffer');
    expect(withdraw?.path).toBe(`/sell/inventory/v1/offer/${remote.offerId}/withdraw`);
    expect(withdraw?.body).toEqual({});
    expect(withdraw?.headers['content-type']).toMatch(/^application\/json/);
    expect(sim.ebay.listingFor('CIV8001234567897')).toMatchObject({ offerStatus: 'UNPUBLISHED', listingStatus: 'ENDED' });
    expect(sim.ebay.offers()).toHaveLength(1);
  });

  it('finds the offer by SKU when the ledger has no offer id, and leaves other SKUs alone', async () => {
    const { sim, channel } = await ebayOnSimulator({
      ebay: {
        inventoryItems: [
          { sku: 'CIV8001234567897', item: { condition: 'NEW', availability: { shipToLocationAvailability: { quantity: 2 } }, product: { title: 't', imageUrls: ['https://x.example/a.jpg'] } } },
          { sku: 'HANDMADE1', item: { condition: 'NEW', product: { title: 'not ours' } } },
        ],
        offers: [
          { offerId: '9100000001', sku: 'CIV8001234567897', listingId: '110000000001' },
          { offerId: '9100000002', sku: 'HANDMADE1', listingId: '110000000002' },
        ],
      },
    });
    const o = (await applyAll(channel, [{ kind: 'delist', sku: 'CIV8001234567897', remote: {} }])).get('CIV8001234567897');
    expect(o).toMatchObject({ ok: true, remote: { offerId: '9100000001' } });
    expect(seen(sim, 'withdrawOffer').map((r) => r.path)).toEqual(['/sell/inventory/v1/offer/9100000001/withdraw']);
    expect(sim.requests.some((r) => r.path.includes('HANDMADE1') || JSON.stringify(r.query).includes('HANDMADE1'))).toBe(false);
  });
});

describe('eBay channel on the simulator: EU product safety', () => {
  it("sends manufacturer and EU responsible person in the offer's regulatory section and lists fine", async () => {
    const { sim, channel } = await ebayOnSimulator();
    const safety = { manufacturer: party('LEGO A/S', { street: 'Aastvej 1', city: 'Billund', postalCode: '7190', country: 'DK' }), responsiblePerson: party('LEGO Italia srl') };
    const o = (await applyAll(channel, [{ kind: 'create', offer: offer({ product: { safety } }) }])).get('CIV8001234567897');
    expect(o?.ok).toBe(true);
    expect(seen(sim, 'bulkCreateOffer')[0]?.body).toMatchObject({ requests: [{
      regulatory: {
        manufacturer: { companyName: 'LEGO A/S', addressLine1: 'Aastvej 1', city: 'Billund', postalCode: '7190', country: 'DK' },
        responsiblePersons: [{ companyName: 'LEGO Italia srl', addressLine1: 'Via Roma 1', city: 'Milano', postalCode: '20121', country: 'IT', types: ['EU_RESPONSIBLE_PERSON'] }],
      },
    }] });
    expect((seen(sim, 'bulkCreateOrReplaceInventoryItem')[0]!.body as { requests: unknown[] }).requests[0]).not.toHaveProperty('regulatory');
  });
});

describe('eBay channel on the simulator: adopting an item eBay already holds', () => {
  it('a create merges the existing item, so its EAN and pictures survive the full replace', async () => {
    const { sim, channel } = await ebayOnSimulator({
      ebay: { inventoryItems: [{ sku: 'CIV8001234567897', item: { condition: 'NEW', packageWeightAndSize: { weight: { value: 0.4, unit: 'KILOGRAM' } }, product: { title: 'vecchio', ean: ['8001234567897'], imageUrls: ['https://negozio.example/img/old.jpg'] } } }] },
    });
    const o = (await applyAll(channel, [{ kind: 'create', offer: offer({ product: { ean: undefined, images: [] } }) }])).get('CIV8001234567897');
    expect(o?.ok).toBe(true);
    expect(sim.ebay.inventoryItem('CIV8001234567897')).toMatchObject({
      packageWeightAndSize: { weight: { value: 0.4, unit: 'KILOGRAM' } },
      product: { title: 'Set costruzioni Stazione di Polizia 60316', ean: ['8001234567897'], imageUrls: ['https://negozio.example/img/old.jpg'] },
    });
  });
});
