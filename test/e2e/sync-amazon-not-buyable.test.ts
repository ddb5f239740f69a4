import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/simulator/index.js';
import { civetta, civettaJson } from '../support/run-cli.js';
import { liveSkus, shopCatalog, shopOnSimulator } from '../support/simulator.js';
import { expectedHooks, ledgerRows } from './sync-helpers.js';

// Amazon accepts an offer, then does not sell it: one hook's product type needs a list price
// (civetta sends one), another is classed as dangerous goods and needs an attribute a stock
// file does not hold. The first becomes buyable; the second is reported with Amazon's reason
// by sync, plan --refresh and status, and is not sent again until its stock changes.
let listPriced: string;
let dangerous: string;
const world = shopOnSimulator({
  simulator: { amazon: { acceptDelayMs: 0 } },
  shop: { channels: ['amazon'], sync: { quantityDeadBand: 0 } },
  prepare: async ({ sim, shop }) => {
    const hooks = (await expectedHooks(shop)).amazon;
    [listPriced, dangerous] = hooks as [string, string];
    const eanOf = (sku: string) => shop.rows.find((r) => r.Codice === sku)?.EAN;
    sim.amazon.addCatalog(
      shopCatalog().flatMap((e): CatalogEntry[] =>
        e.ean === eanOf(listPriced) ? [{ ...e, needsListPrice: true }]
          : e.ean === eanOf(dangerous) ? [{ ...e, offerRequires: ['supplier_declared_dg_hz_regulation'] }] : [],
      ),
    );
  },
});

interface Report {
  exitCode: number;
  plan: { actions: Array<{ kind: string; sku: string }>; notBuyable: Array<{ sku: string; issues: Array<{ code: string; message: string; field?: string }> }> };
}

describe('Amazon offers ACCEPTED but not BUYABLE', () => {
  it('first sync: list_price and the handling time go with each offer; only the dangerous-goods one stays unbuyable', async () => {
    const { sim, shop } = world;
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(liveSkus(sim).amazon).toContain(listPriced);
    expect(liveSkus(sim).amazon).not.toContain(dangerous);
    const listing = sim.amazon.listing(listPriced);
    expect(listing?.attributes.list_price).toEqual([{ marketplace_id: 'APJ6JRA9NG5V4', currency: 'EUR', value_with_tax: expect.any(Number) }]);
    expect(listing?.leadTimeDays).toBe(2);
    // GPSR contacts from the sample config's parties (productSafety.parties.lego).
    expect(listing?.attributes.dsa_responsible_party_address).toEqual([{ value: 'sicurezza-prodotti@lego.example', marketplace_id: 'APJ6JRA9NG5V4' }]);
    expect(listing?.attributes.gpsr_manufacturer_reference).toEqual([{ gpsr_manufacturer_email_address: 'sicurezza-prodotti@lego.example', marketplace_id: 'APJ6JRA9NG5V4' }]);
  }, 120_000);

  it('the next sync reports it with Amazon\'s reason and sends nothing', async () => {
    const { sim, shop } = world;
    const before = sim.writeCount('amazon');
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.actions).toEqual([]);
    expect(sim.writeCount('amazon') - before).toBe(0);
    expect(run.json.plan.notBuyable).toEqual([
      { channel: 'amazon', sku: dangerous, issues: [expect.objectContaining({ code: '90220', message: "'supplier_declared_dg_hz_regulation' is required but not supplied.", field: 'supplier_declared_dg_hz_regulation' })] },
    ]);
    const text = await civetta(shop, 'sync');
    expect(text.stdout).toContain(`Not buyable (listed, but the marketplace does not sell it`);
    expect(text.stdout).toContain(`amazon ${dangerous}:\n    90220 (supplier_declared_dg_hz_regulation): 'supplier_declared_dg_hz_regulation' is required but not supplied. — Amazon wants an attribute this product type requires and civetta did not send`);
    expect(text.stderr).toMatch(/amazon: 0 create, 0 update, 0 delist, 4 unchanged, 1 not buyable/);
  }, 120_000);

  it('plan --refresh and status show it between runs', async () => {
    const { shop } = world;
    const plan = await civetta(shop, 'plan', '--refresh');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(`amazon ${dangerous}:\n    90220 (supplier_declared_dg_hz_regulation)`);
    const status = await civettaJson<{ notBuyable: Array<{ sku: string }> }>(shop, 'status');
    expect(status.json.notBuyable.map((n) => n.sku)).toEqual([dangerous]);
    const text = await civetta(shop, 'status');
    expect(text.stdout).toMatch(/amazon: 4 active \(0 pinned, 1 not buyable\)/);
    expect(ledgerRows<{ issues: string }>(shop, 'SELECT issues FROM listings WHERE sku = ?', dangerous)[0]?.issues).toContain('90220');
  }, 120_000);

  it('a stock change is sent as a quantity PATCH that keeps the handling time, not as a new listing', async () => {
    const { sim, shop } = world;
    const row = shop.rows.find((r) => r.Codice === dangerous)!;
    shop.setRow(dangerous, { Giacenza: String(Math.min(Number(row.Giacenza), 6) - 2) });
    sim.clearRequests();
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.actions.map((a) => `${a.kind}:${a.sku}`)).toEqual([`update:${dangerous}`]);
    expect(sim.count('putListingsItem')).toBe(0);
    expect(sim.amazon.listing(dangerous)?.leadTimeDays).toBe(2);
  }, 120_000);
});
