import { describe, expect, it } from 'vitest';
import { civettaJson } from '../support/run-cli.js';
import { shopOnSimulator } from '../support/simulator.js';
import { expectedHooks, ledgerRows } from './sync-helpers.js';

// eBay counts every call that revises a live listing: a content update is two (item + offer).
// With a budget equal to eBay's own cap, counting one per update would send a third content
// update into eBay's refusal (25019); counting per call defers it.
const world = shopOnSimulator({ simulator: { ebay: { revisionCap: 4 } }, shop: { channels: ['ebay'], sync: { maxRevisionsPerDay: { ebay: 4 } } } });

interface Report {
  failed: unknown[];
  plan: { actions: Array<{ kind: string; sku: string }>; deferred: Array<{ channel: string; sku: string; why: string }> };
}

describe('eBay revisions per call', () => {
  it('a content update spends two revisions; the one that would pass eBay\'s cap waits for tomorrow', async () => {
    const { sim, shop } = world;
    const [sku] = (await expectedHooks(shop)).ebay;
    expect((await civettaJson<Report>(shop, 'sync')).code).toBe(0);
    const listingId = sim.ebay.listingFor(sku!)!.listingId;
    const title = shop.rows.find((r) => r.Codice === sku)!.Descrizione!;
    for (const n of [1, 2]) {
      shop.setRow(sku!, { Descrizione: `${title} v${n}` });
      const run = await civettaJson<Report>(shop, 'sync');
      expect(run.code, run.stderr).toBe(0);
      expect(run.json.plan.actions.map((a) => [a.kind, a.sku])).toEqual([['update', sku]]);
      expect(sim.ebay.revisions(listingId)).toBe(2 * n);
      expect(ledgerRows<{ n: number }>(shop, "SELECT revisions_today AS n FROM listings WHERE channel = 'ebay' AND sku = ?", sku)[0]?.n).toBe(2 * n);
    }
    shop.setRow(sku!, { Descrizione: `${title} v3` });
    const before = sim.writeCount('ebay');
    const capped = await civettaJson<Report>(shop, 'sync');
    expect(capped.code, capped.stderr).toBe(0);
    expect(capped.json.failed).toEqual([]);
    expect(capped.json.plan.actions).toEqual([]);
    expect(capped.json.plan.deferred).toEqual([expect.objectContaining({ channel: 'ebay', sku, why: 'revision-cap' })]);
    expect(sim.writeCount('ebay') - before).toBe(0);
  }, 180_000);
});
