import { describe, expect, it } from 'vitest';
import { applyAll, ebayOnSimulator, seen } from './sim-harness.js';
import { offer } from './helpers.js';

const skusOf = (body: unknown) => (body as { requests: Array<{ sku?: string; offerId?: string }> }).requests.map((r) => r.sku ?? r.offerId);

describe('eBay first listings in bulk: every SKU judged by its own entry', () => {
  it('one batch: listed, adopted (25002), refused at the item, refused at publish, not published at 0', async () => {
    const { sim, channel } = await ebayOnSimulator({
      ebay: {
        inventoryItems: [{ sku: 'ADOPT1', item: { condition: 'NEW', product: { title: 'vecchio' } } }],
        offers: [{ offerId: '9100000042', sku: 'ADOPT1', details: { pricingSummary: { price: { value: '30.00', currency: 'EUR' } } } }],
      },
    });
    const out = await applyAll(channel, [
      { kind: 'create', offer: offer({ sku: 'OK1' }) },
      { kind: 'create', offer: offer({ sku: 'ADOPT1' }) },
      { kind: 'create', offer: offer({ sku: 'BAD SKU' }) },
      { kind: 'create', offer: offer({ sku: 'NOPIC1', product: { images: [] } }) },
      { kind: 'create', offer: offer({ sku: 'ZERO1', quantity: 0 }) },
    ]);
    // One call per step for the whole batch.
    expect(sim.count('bulkGetInventoryItem')).toBe(1);
    expect(sim.count('bulkCreateOrReplaceInventoryItem')).toBe(1);
    expect(skusOf(seen(sim, 'bulkCreateOffer')[0]?.body)).toEqual(['OK1', 'ADOPT1', 'NOPIC1', 'ZERO1']);
    expect(seen(sim, 'bulkCreateOffer')[0]?.status).toBe(207);
    expect(sim.count('bulkPublishOffer')).toBe(1);
    expect(seen(sim, 'bulkPublishOffer')[0]?.status).toBe(207);

    const live = sim.ebay.listingFor('OK1');
    expect(out.get('OK1')).toMatchObject({ ok: true, remote: { offerId: live?.offerId, listingId: live?.listingId }, errors: [] });

    expect(out.get('ADOPT1')).toMatchObject({ ok: true, remote: { offerId: '9100000042' } });
    expect(out.get('ADOPT1')?.request).toMatch(/bulkCreateOffer ADOPT1 .*; getOffers sku=ADOPT1; updateOffer 9100000042 price 24\.90; bulkPublishOffer 9100000042/);
    expect(sim.ebay.listingFor('ADOPT1')).toMatchObject({ offerId: '9100000042', listingStatus: 'ACTIVE', price: { value: '24.90', currency: 'EUR' } });
    expect(sim.ebay.offers().filter((o) => o.sku === 'ADOPT1')).toHaveLength(1);

    expect(out.get('BAD SKU')).toMatchObject({ ok: false, errors: [{ code: '25707' }] });
    expect(out.get('BAD SKU')?.request).not.toMatch(/bulkCreateOffer/);

    const nopic = out.get('NOPIC1');
    expect(nopic?.ok).toBe(false);
    expect(nopic?.errors.map((e) => e.code)).toContain('25014');
    expect(nopic?.errors.find((e) => e.code === '25014')?.explanation).toMatch(/picture/);

    expect(out.get('ZERO1')).toMatchObject({ ok: false, errors: [{ code: 'zero-quantity' }], remote: { offerId: expect.any(String) } });
    expect(skusOf(seen(sim, 'bulkPublishOffer')[0]?.body)).not.toContain(out.get('ZERO1')?.remote?.offerId);
  });

  it('30 new hooks: two batches (25 + 5) per step, 6 writes in all', async () => {
    const { sim, channel } = await ebayOnSimulator();
    const changes = Array.from({ length: 30 }, (_, i) => ({ kind: 'create' as const, offer: offer({ sku: `H${String(i).padStart(3, '0')}` }) }));
    const out = await applyAll(channel, changes);
    expect([...out.values()].filter((o) => o.ok)).toHaveLength(30);
    for (const op of ['bulkCreateOrReplaceInventoryItem', 'bulkCreateOffer', 'bulkPublishOffer']) {
      expect(seen(sim, op).map((r) => skusOf(r.body).length).sort((a, b) => a - b)).toEqual([5, 25]);
    }
    expect(sim.writeCount('ebay')).toBe(6);
  });
});
