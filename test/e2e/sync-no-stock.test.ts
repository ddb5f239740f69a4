// Only listable hooks (issue 11: "a rule with quantity: { min: 1 } picked products whose channel
// quantity (stock − reserve) is 0: eBay's offer is created, not published, and the item is reported
// failed ('not published: quantity 0') on every run, so cron exits 1").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { civetta, civettaJson, type CliRun } from '../support/run-cli.js';
import { createTestShop, type TestShop } from '../support/shop.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';
import { expectedHooks } from './sync-helpers.js';

const world = shopOnSimulator({
  simulator: { rateLimiting: false },
  shop: { channels: ['ebay'], hooksLimit: 4 },
  // As in the issue: a rule that asks for no stock level of its own.
  prepare: ({ shop }) =>
    shop.editConfig((c) => {
      delete c.hooks.rules[0].where.quantity;
    }),
});

/**
 * The hook sells out and two runs follow, then its stock comes back: every run exits 0, the
 * second neither fails nor delists it nor lists another product in its place, and the hook is
 * live again at the end. `whileOut` looks further at the second run's output.
 */
async function sellOutThenRestock(sim: Simulator, shop: TestShop, hook: string, restock: string, whileOut?: (run: CliRun) => void): Promise<void> {
  shop.setRow(hook, { Giacenza: '0' });
  const out = await civetta(shop, 'sync');
  expect(out.code, out.stdout + out.stderr).toBe(0);
  const again = await civetta(shop, 'sync');
  expect(again.code, again.stdout + again.stderr).toBe(0);
  expect(again.stdout).not.toMatch(/failed:|Failed:/);
  expect(again.stdout).not.toMatch(new RegExp(`${hook}\\s+(delist|create)`));
  whileOut?.(again);
  shop.setRow(hook, { Giacenza: restock });
  const back = await civetta(shop, 'sync');
  expect(back.code, back.stdout + back.stderr).toBe(0);
  expect(liveSkus(sim).ebay).toContain(hook);
}

describe('hooks at channel quantity 0', () => {
  it('a product with stock equal to the reserve takes no hook slot; the run lists the rest and exits 0', async () => {
    const { sim, shop } = world;
    const [first] = (await expectedHooks(shop)).ebay;
    // eBay keeps 1 unit for the shop floor (stock.reserve 1): one unit left means 0 to sell.
    shop.setRow(first!, { Giacenza: '1' });
    const hooks = (await expectedHooks(shop)).ebay;
    expect(hooks).not.toContain(first);
    expect(hooks).toHaveLength(4);
    const run = await civetta(shop, 'sync');
    // Before: the product was a hook, created unpublished and reported failed on every run (exit 1).
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(liveSkus(sim).ebay.sort()).toEqual([...hooks].sort());
    expect(sim.ebay.offers().map((o) => (o as { sku: string }).sku)).not.toContain(first);
  }, 120_000);

  it('a listed hook that sells out keeps its slot, waits for stock without failing, and is back when stock comes', async () => {
    const { sim, shop } = world;
    const [hook] = liveSkus(sim).ebay.sort();
    const before = shop.rows.find((r) => r.Codice === hook)!.Giacenza!;
    await sellOutThenRestock(sim, shop, hook!, before, (again) => {
      expect(again.stdout).toMatch(new RegExp(`${hook}: channel quantity 0: waits for stock`));
    });
  }, 180_000);
});

// The fixture's own rules ask for a quantity of their own (lego-under-60: `quantity: { min: 3 }`).
describe("a rule's own quantity minimum and a hook that sells down", () => {
  let shop2: TestShop;
  beforeAll(() => {
    shop2 = createTestShop(world.sim, { channels: ['ebay'], hooksLimit: 4 });
  });
  afterAll(() => shop2.cleanup());

  it('chooses new hooks only; a listed hook below it sells what is left, waits at 0 without failing, and is back with stock', async () => {
    const { sim } = world;
    expect((await civetta(shop2, 'sync')).code).toBe(0);
    const hooks = (await expectedHooks(shop2)).ebay;
    const hook = hooks.find((s) => shop2.rows.find((r) => r.Codice === s)?.Categoria === 'LEGO')!;
    expect(hook).toBeDefined();
    const before = shop2.rows.find((r) => r.Codice === hook)!.Giacenza!;
    // 2 in stock, under the rule's 3: before, the hook was delisted and the next LEGO listed.
    shop2.setRow(hook, { Giacenza: '2' });
    const low = await civettaJson<{ plan: { actions: Array<{ kind: string; sku: string }> } }>(shop2, 'sync');
    expect(low.code, low.stderr).toBe(0);
    expect(low.json.plan.actions.map((a) => [a.kind, a.sku])).toEqual([['update', hook]]);
    // Stock 2 − reserve 1: one unit left to sell.
    expect(sim.ebay.listingFor(hook)?.quantity).toBe(1);
    const explain = await civetta(shop2, 'hooks', '--explain', '--channel', 'ebay');
    expect(explain.stdout).toContain("below the rule's quantity minimum: a hook already, it sells what is left and waits for stock");
    // A product that never was a hook still needs the minimum.
    expect((await expectedHooks(shop2)).ebay).not.toContain(hook);

    await sellOutThenRestock(sim, shop2, hook, before);
  }, 180_000);
});
