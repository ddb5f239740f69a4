// What a channel needs before its first write is checked at the start of the run (issue 11:
// "a missing inventory location … civetta even warns 'publishing will fail' and then sends 25
// creates that fail").
import { describe, expect, it } from 'vitest';
import { civetta } from '../support/run-cli.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';

// A seller account without the shop's inventory location, and a config without its address.
const world = shopOnSimulator({
  simulator: { rateLimiting: false, ebay: { locations: [] } },
  prepare: ({ shop }) =>
    shop.editConfig((c) => {
      delete c.channels.ebay.location;
    }),
});

describe('setup before writes', () => {
  it('an eBay account without its inventory location stops eBay with one error and no item write; Amazon goes on', async () => {
    const { sim, shop } = world;
    const run = await civetta(shop, 'sync');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/ebay: stopped before its first listing — setup incomplete, nothing sent: ebay: the inventory location "negozio" does not exist \(channels\.ebay\.location: the shop address/);
    expect(run.stdout).toMatch(/Sent: \d+ ok, 0 failed\./);
    const ebayWrites = sim.requests.filter((r) => r.service === 'ebay' && r.write);
    expect(ebayWrites.map((r) => r.operation)).toEqual([]);
    expect(liveSkus(sim).amazon.length).toBeGreaterThan(0);
  }, 120_000);

  it('once the address is configured, the location is created and the listings go out', async () => {
    const { sim, shop } = world;
    shop.editConfig((c) => {
      c.channels.ebay.location = { name: 'Giocattoli Rossi', addressLine1: 'Via Roma 1', city: 'Torino', postalCode: '10121', country: 'IT' };
    });
    const run = await civetta(shop, 'sync');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(liveSkus(sim).ebay.length).toBeGreaterThan(0);
  }, 120_000);
});
