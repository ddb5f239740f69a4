import { describe, expect, it } from 'vitest';
import { autoAsin } from '../../src/simulator/index.js';
import { civetta, civettaJson } from '../support/run-cli.js';
import { shopOnSimulator } from '../support/simulator.js';
import { expectedHooks } from './sync-helpers.js';

// The sample shop's Amazon offers sit on Amazon's own products: a new title in the stock file is
// shown from the catalogue (reported once, nothing sent, not an update); a new EAN is looked up
// again and, naming another product, reported until the owner moves the offer.
let hooks: string[];
const world = shopOnSimulator({
  shop: { channels: ['amazon'] },
  prepare: async ({ shop }) => {
    hooks = (await expectedHooks(shop)).amazon;
  },
  firstSync: true,
});

interface Report {
  succeeded: number;
  plan: { actions: Array<{ kind: string; sku: string }>; shownFromCatalogue: Array<{ channel: string; sku: string; rematch?: string }> };
}

describe('content of Amazon offers on catalogue products', () => {
  it('a new title is shown from the catalogue: no update, no write, reported once', async () => {
    const { sim, shop } = world;
    const sku = hooks[0]!;
    const row = shop.rows.find((r) => r.Codice === sku)!;
    shop.setRow(sku, { Descrizione: `${row.Descrizione} (edizione 2026)` });
    const before = sim.writeCount('amazon');
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.actions).toEqual([]);
    expect(run.json.succeeded).toBe(0);
    expect(run.json.plan.shownFromCatalogue).toEqual([{ channel: 'amazon', sku }]);
    expect(sim.writeCount('amazon') - before).toBe(0);
    const again = await civetta(shop, 'sync');
    expect(again.stdout).not.toContain('shown from');
    expect(again.stderr).toMatch(/amazon: 0 create, 0 update, 0 delist, 4 unchanged/);
  }, 120_000);

  it('a new EAN is looked up again; naming another product, it is reported with what to do, and nothing is sent', async () => {
    const { sim, shop } = world;
    const sku = hooks[1]!;
    const row = shop.rows.find((r) => r.Codice === sku)!;
    const ean = '4006381333931';
    sim.amazon.addCatalog([{ ean, asin: autoAsin(ean), title: row.Descrizione ?? '', brand: row.Marca ?? '', productType: 'TOY' }]);
    shop.setRow(sku, { EAN: ean });
    const before = sim.writeCount('amazon');
    const run = await civettaJson<Report>(shop, 'sync');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.plan.actions).toEqual([]);
    const [shown] = run.json.plan.shownFromCatalogue;
    expect(shown?.sku).toBe(sku);
    expect(shown?.rematch).toContain(`EAN ${ean} now finds ${autoAsin(ean)} in the catalogue`);
    expect(shown?.rematch).toContain(`civetta delist ${sku} --channel amazon`);
    expect(sim.writeCount('amazon') - before).toBe(0);
    const text = await civetta(shop, 'plan', '--refresh');
    expect(text.stdout).toContain(`amazon ${sku}: EAN ${ean} now finds ${autoAsin(ean)}`);
  }, 120_000);
});
