// A config under which no product can be listed must not be a silent no-op (issue 11: "validate
// exits 0 with 'a run is safe' … sync exits 0 having listed nothing. A cron job would do nothing forever").
import { describe, expect, it } from 'vitest';
import { civetta, civettaJson } from '../support/run-cli.js';
import { shopOnSimulator } from '../support/simulator.js';

const world = shopOnSimulator({
  simulator: { rateLimiting: false },
  // The GPSR columns are no longer mapped and the brand defaults are gone: every product lacks them.
  prepare: ({ shop }) =>
    shop.editConfig((c) => {
      delete c.stock.columns.manufacturer;
      delete c.stock.columns.responsiblePerson;
      c.productSafety = { brands: {} };
    }),
});

describe('nothing listable', () => {
  it('validate exits 2 naming the top reasons with their counts', async () => {
    const { shop } = world;
    const run = await civetta(shop, 'validate');
    expect(run.code, run.stdout).toBe(2);
    // The grouped summary leads with it, naming the top reason with its counts.
    expect(run.stdout).toMatch(/^1\. ERROR: nothing can be listed until the causes below are fixed: GPSR manufacturer missing for \d+ products of \d+ brands — \d+ products on amazon, ebay$/m);
    expect(run.stdout).toMatch(/a run would be unsafe \(exit 2\)/);
    const all = await civetta(shop, 'validate', '--all');
    expect(all.code).toBe(2);
    expect(all.stdout).toMatch(/amazon: nothing can be listed \(\d+ products, 0 eligible, 0 hooks\); top reasons:\n\s+GPSR manufacturer missing for \d+ products of \d+ brands/);
    expect(all.stdout).toMatch(/ebay: nothing can be listed/);
    const json = await civettaJson<{ channels: { ebay: { listability: { nothingListable: boolean; reasons: Array<{ code: string; products: number }> } } } }>(shop, 'validate');
    expect(json.code).toBe(2);
    expect(json.json.channels.ebay.listability.nothingListable).toBe(true);
    expect(json.json.channels.ebay.listability.reasons.map((r) => r.code)).toContain('gpsr-manufacturer');
  }, 60_000);

  it('sync exits 2 with the reasons and sends nothing', async () => {
    const { sim, shop } = world;
    const run = await civetta(shop, 'sync');
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toMatch(/ebay: nothing can be listed .*\n\s+GPSR manufacturer missing/);
    expect(run.stdout).toMatch(/Nothing was sent to ebay; its listings are left as they are/);
    expect(run.stderr).toMatch(/nothing listable on amazon, ebay; exit 2/);
    expect(sim.writeCount()).toBe(0);
  }, 60_000);
});
