import { describe, expect, it } from 'vitest';
import { applyAll, ebayOnSimulator, seen } from './sim-harness.js';
import { offer } from './helpers.js';

const SKU = 'CIV8001234567897';

describe('eBay channel on the simulator: a SKU eBay has never seen', () => {
  it('getOffers answering 400 25707 is "no offer" for that SKU only: delist and update judge it alone', async () => {
    const { sim, channel } = await ebayOnSimulator();
    const listed = (await applyAll(channel, [{ kind: 'create', offer: offer() }])).get(SKU);
    expect(listed?.ok).toBe(true);
    const out = await applyAll(channel, [
      { kind: 'delist', sku: 'NEVERSEEN1', remote: {} },
      // The ledger knows a listing id but no offer id: the offer is looked up by SKU.
      { kind: 'update', offer: offer({ sku: 'NEVERSEEN2' }), fields: ['price'], remote: { listingId: '110000000999' } },
      { kind: 'update', offer: offer({ priceMinor: 2590 }), fields: ['price'], remote: listed?.remote ?? {} },
    ]);
    expect(seen(sim, 'getOffers').filter((r) => String(r.query.sku).startsWith('NEVERSEEN')).map((r) => r.status)).toEqual([400, 400]);
    // Nothing to end is what delist wanted; an update without an offer is reported, not thrown.
    expect(out.get('NEVERSEEN1')).toMatchObject({ ok: true, errors: [] });
    expect(out.get('NEVERSEEN2')).toMatchObject({ ok: false, errors: [{ code: 'offer-missing' }] });
    expect(out.get(SKU)).toMatchObject({ ok: true });
    expect(sim.ebay.listingFor(SKU)?.price).toEqual({ value: '25.90', currency: 'EUR' });
  });
});

describe('eBay channel on the simulator: a listing eBay ended while its offer stays PUBLISHED', () => {
  for (const end of ['sold out without out-of-stock control', 'ended by eBay (policy)'] as const) {
    it(`${end}: read back as ended, published again under a new listing id, then live`, async () => {
      const { sim, channel } = await ebayOnSimulator();
      const first = (await applyAll(channel, [{ kind: 'create', offer: offer({ quantity: 2 }) }])).get(SKU);
      const firstId = first?.remote?.listingId;
      expect(firstId).toMatch(/^\d{12}$/);
      if (end === 'ended by eBay (policy)') sim.ebay.endListing(SKU, 'EBAY_ENDED');
      else {
        sim.buyers.placeOrder({ channel: 'ebay', sku: SKU, quantity: 2 });
        // Stock comes back on eBay's side too; the listing stays ended.
        await applyAll(channel, [{ kind: 'update', offer: offer({ quantity: 3 }), fields: ['quantity'], remote: first?.remote ?? {} }]);
      }
      expect(sim.ebay.listingFor(SKU)).toMatchObject({ offerStatus: 'PUBLISHED', listingId: firstId });
      expect(sim.ebay.listingFor(SKU)?.listingStatus).toMatch(/ENDED/);
      expect((await channel.readListings([SKU])).get(SKU)?.status).toBe('ended');

      const relist = (await applyAll(channel, [{ kind: 'create', offer: offer({ quantity: 3 }) }])).get(SKU);
      expect(relist).toMatchObject({ ok: true });
      expect(relist?.remote?.listingId).toMatch(/^\d{12}$/);
      expect(relist?.remote?.listingId).not.toBe(firstId);
      expect(sim.ebay.listingFor(SKU)).toMatchObject({ listingId: relist?.remote?.listingId, listingStatus: 'ACTIVE', quantity: 3 });
      expect((await channel.readListings([SKU])).get(SKU)).toMatchObject({ status: 'active', remote: { listingId: relist?.remote?.listingId } });
    });
  }
});
