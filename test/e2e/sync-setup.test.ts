// What a channel needs before its first write is checked at the start of the run (issue 11:
// "a missing inventory location … civetta even warns 'publishing will fail' and then sends 25
// creates that fail").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { createTestShop, type TestShop } from '../support/shop.js';
import { liveSkus, startShopSimulator } from '../support/simulator.js';
import { civetta } from './sync-helpers.js';

let sim: Simulator;
let shop: TestShop;

beforeAll(async () => {
  // A seller account without the shop's inventory location, and a config without its address.
  sim = await startShopSimulator({ rateLimiting: false, ebay: { locations: [] } });
  shop = createTestShop(sim);
  shop.editConfig((c) => {
    delete c.channels.ebay.location;
  });
});
afterAll(async () => {
  shop.cleanup();
  await sim.close();
});

describe('setup before writes', () => {
  it('an eBay account without its inventory location stops eBay with one error and no item write; Amazon goes on', async () => {
    const run = await civetta(shop, 'sync');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/ebay: stopped before its first listing — setup incomplete, nothing sent: ebay: the inventory location "negozio" does not exist \(channels\.ebay\.location: the shop address/);
    expect(run.stdout).toMatch(/Sent: \d+ ok, 0 failed\./);
    const ebayWrites = sim.requests.filter((r) => r.service === 'ebay' && r.write);
    expect(ebayWrites.map((r) => r.operation)).toEqual([]);
    expect(liveSkus(sim).amazon.length).toBeGreaterThan(0);
  }, 120_000);

  it('once the address is configured, the location is created and the listings go out', async () => {
    shop.editConfig((c) => {
      c.channels.ebay.location = { name: 'Giocattoli Rossi', addressLine1: 'Via Roma 1', city: 'Torino', postalCode: '10121', country: 'IT' };
    });
    const run = await civetta(shop, 'sync');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(liveSkus(sim).ebay.length).toBeGreaterThan(0);
  }, 120_000);
});
