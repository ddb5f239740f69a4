import { describe, expect, it } from 'vitest';
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

    const [put] = seen(sim, 'createOrReplaceInventoryItem');
    expect(put?.body).toEqual({
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
    });
    const [create] = seen(sim, 'createOffer');
    expect(create?.body).toMatchObject({ marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE', listingDuration: 'GTC', includeCatalogProductDetails: false, categoryId: '183446', merchantLocationKey: 'negozio' });
    const [publish] = seen(sim, 'publishOffer');
    expect(publish?.body).toEqual({});
    expect(publish?.headers['content-type']).toMatch(/^application\/json/);
    // Content-Language and Accept-Language on every call, in the marketplace's language.
    const api = sim.requests.filter((r) => r.operation !== 'getToken');
    expect(api.length).toBeGreaterThanOrEqual(4);
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
    expect(sim.count('createOffer')).toBe(0);
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
    expect(seen(sim, 'createOrReplaceInventoryItem').map((r) => r.path)).toEqual(['/sell/inventory/v1/inventory_item/CIV2']);
  });
});
