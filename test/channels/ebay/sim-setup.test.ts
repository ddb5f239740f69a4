import { describe, expect, it } from 'vitest';
import { ebayOnSimulator, seen } from './sim-harness.js';
import { offer } from './helpers.js';

describe('eBay channel on the simulator: setup check', () => {
  it('all good: programs read, policies found, location present, required aspects filled', async () => {
    const { sim, channel } = await ebayOnSimulator();
    const report = await channel.setupCheck([offer()]);
    expect(report).toEqual({ problems: [], outOfStockControl: false, locationCreated: false });
    expect(seen(sim, 'getFulfillmentPolicies')[0]?.query).toEqual({ marketplace_id: 'EBAY_IT' });
    expect(seen(sim, 'getItemAspectsForCategory')[0]?.query).toEqual({ category_id: '183446' });
    expect(seen(sim, 'getItemAspectsForCategory')[0]?.path).toBe('/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category');
    expect(sim.writeCount('ebay')).toBe(0);
  });

  it('reports a wrong policy id, an unmapped category and a missing required aspect — per SKU', async () => {
    const { channel } = await ebayOnSimulator(
      { ebay: { optedInPrograms: ['SELLING_POLICY_MANAGEMENT', 'OUT_OF_STOCK_CONTROL'] } },
      { policies: { fulfillment: '6200000001', payment: '6200000002', return: 'Reso 30 giorni' }, categories: { LEGO: { id: '183446', aspects: { Tema: 'City' } } } },
    );
    const report = await channel.setupCheck([offer(), offer({ sku: 'CIV2', product: { category: 'Libri' } })]);
    expect(report.outOfStockControl).toBe(true);
    expect(report.problems.map((p) => [p.code, p.sku ?? p.key])).toEqual([
      ['ebay-policy-missing', 'channels.ebay.policies.return'],
      ['ebay-aspect-missing', 'CIV8001234567897'],
      ['ebay-category-unmapped', 'CIV2'],
    ]);
    expect(report.problems[0]?.expected).toBe("the policy id 6200000003 (that name's id)");
    expect(report.problems[1]).toMatchObject({ severity: 'error', key: 'channels.ebay.categories.LEGO.aspects', message: expect.stringContaining('"Marca"') });
  });

  it('without business policies (SELLING_POLICY_MANAGEMENT) says so once and does not read policies', async () => {
    const { sim, channel } = await ebayOnSimulator({ ebay: { optedInPrograms: [] } });
    const report = await channel.setupCheck();
    expect(report.problems.map((p) => p.code)).toEqual(['ebay-business-policies-off']);
    expect(report.problems[0]?.expected).toMatch(/Seller Hub/);
    expect(sim.count('getFulfillmentPolicies') + sim.count('getPaymentPolicies') + sim.count('getReturnPolicies')).toBe(0);
  });

  it('creates the inventory location from config.location when it does not exist', async () => {
    const { sim, channel } = await ebayOnSimulator(
      { ebay: { locations: [] } },
      { merchantLocationKey: 'bottega', location: { name: 'Bottega', addressLine1: 'Via Roma 12', city: 'Bologna', postalCode: '40121', country: 'IT', phone: '+39 051 000000' } },
    );
    const report = await channel.setupCheck();
    expect(report).toMatchObject({ problems: [], locationCreated: true });
    expect(seen(sim, 'createInventoryLocation')[0]?.body).toEqual({
      name: 'Bottega',
      locationTypes: ['WAREHOUSE'],
      merchantLocationStatus: 'ENABLED',
      phone: '+39 051 000000',
      location: { address: { addressLine1: 'Via Roma 12', city: 'Bologna', postalCode: '40121', country: 'IT' } },
    });
    expect(sim.ebay.locations().map((l) => (l as { merchantLocationKey: string }).merchantLocationKey)).toContain('bottega');
  });
});

describe('eBay setup check: per-product warnings', () => {
  it('warns about SKUs eBay may refuse, long titles and pictures that are not https', async () => {
    const { channel } = await ebayOnSimulator();
    const report = await channel.setupCheck([offer({ sku: 'PUZ-0056', product: { title: 'Puzzle '.repeat(15).trim(), images: ['http://negozio.example/p.jpg'] } })]);
    expect(report.problems.map((p) => [p.severity, p.code, p.sku])).toEqual([
      ['error', 'ebay-no-picture', 'PUZ-0056'],
      ['warning', 'ebay-sku-format', 'PUZ-0056'],
      ['warning', 'ebay-title-cut', 'PUZ-0056'],
    ]);
  });
});

describe('eBay apply: the inventory location', () => {
  it('is created from config.location before the first publish, once per run, even without setupCheck', async () => {
    const { sim, channel, log } = await ebayOnSimulator(
      { ebay: { locations: [] } },
      { location: { name: 'Negozio', addressLine1: 'Via Roma 12', city: 'Bologna', postalCode: '40121', country: 'IT' } },
    );
    const { applyAll } = await import('./sim-harness.js');
    const out = await applyAll(channel, [{ kind: 'create', offer: offer() }, { kind: 'create', offer: offer({ sku: 'CIV2' }) }]);
    expect([...out.values()].map((o) => o.ok)).toEqual([true, true]);
    expect(sim.count('createInventoryLocation')).toBe(1);
    await applyAll(channel, [{ kind: 'create', offer: offer({ sku: 'CIV3' }) }]);
    expect(sim.count('getInventoryLocation')).toBe(1);
    expect(log.lines).toContain('info ebay: created the inventory location "negozio" from channels.ebay.location');
  });
});

describe('eBay setup check, read-only', () => {
  it('with createLocation: false only reports the missing location (a warning when sync can create it)', async () => {
    const { sim, channel } = await ebayOnSimulator(
      { ebay: { locations: [] } },
      { location: { name: 'Negozio', addressLine1: 'Via Roma 12', city: 'Bologna', postalCode: '40121', country: 'IT' } },
    );
    const report = await channel.setupCheck([], { createLocation: false });
    expect(report.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'ebay-location-missing']]);
    expect(report.locationCreated).toBe(false);
    expect(sim.writeCount('ebay')).toBe(0);
  });
});
