// Items refused for a reason that cannot change by itself are held, not sent again every run
// (issue 11: "the same writes fail on every run, so cron exits 1 every few minutes").
import { describe, expect, it } from 'vitest';
import { civetta, civettaJson } from '../support/run-cli.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';
import { ledgerRows } from './sync-helpers.js';

let lego: string[];
const world = shopOnSimulator({
  simulator: { rateLimiting: false },
  shop: { channels: ['ebay'], hooksLimit: 4 },
  prepare: ({ shop }) => {
    // The owner mapped LEGO to eBay's "LEGO e costruzioni", which is not a leaf category.
    shop.editConfig((c) => {
      c.channels.ebay.categories.LEGO.id = '19006';
    });
    lego = shop.rows.filter((r) => r.Categoria === 'LEGO').map((r) => r.Codice!);
  },
});

const heldRows = () => ledgerRows<{ sku: string; reason: string }>(world.shop, 'SELECT sku, reason FROM held_items ORDER BY sku');

describe('held items', () => {
  it('a refusal that needs an input change is held: the next runs do not send it and exit 0', async () => {
    const { sim, shop } = world;
    const first = await civetta(shop, 'sync');
    // The first refusal is news: exit 1, and it says the item is held.
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/ebay LEGO-\S+ \(create\) — held until its stock row or the config changes:\n\s+25005: .*invalid category ID/);
    const held = heldRows();
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((h) => h.reason === '25005' && lego.includes(h.sku))).toBe(true);

    // Before: the same creates failed on every run and cron exited 1 every few minutes.
    const writes = sim.writeCount();
    const second = await civetta(shop, 'sync');
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(sim.writeCount()).toBe(writes);
    expect(second.stdout).toMatch(/Held \(refused before; not sent until the stock row or the config changes, or `sync --retry-held`\):\n\s+ebay 25005 \(\d+\)/);
    expect(second.stderr).toMatch(new RegExp(`ebay: 0 create, 0 update, 0 delist, \\d+ unchanged, ${held.length} held`));
  }, 180_000);

  it('status lists held items once, grouped by reason, and not among the failures', async () => {
    const { shop } = world;
    const status = await civetta(shop, 'status');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`ebay 25005 — ${heldRows().length} product\\(s\\), since \\d{4}-\\d\\d-\\d\\d: .*invalid category ID`));
    expect(status.stdout).not.toMatch(/Failures not yet resolved/);
    const json = await civettaJson<{ held: unknown[]; failures: unknown[] }>(shop, 'status');
    expect(json.json.held).toHaveLength(heldRows().length);
    expect(json.json.failures).toEqual([]);
  }, 60_000);

  it('a file a safety guard refuses releases no hold: with the good file back, nothing is sent again', async () => {
    const { sim, shop } = world;
    const held = heldRows();
    const all = shop.rows;
    // Under 90% of the last accepted file's rows, the held LEGO rows among those gone: a broken file.
    shop.writeStock(all.filter((r) => !lego.includes(r.Codice!)).slice(0, Math.floor(all.length * 0.8)));
    const writes = sim.writeCount();
    try {
      const refused = await civetta(shop, 'sync');
      expect(refused.code, refused.stdout + refused.stderr).toBe(4);
      expect(refused.stderr).toMatch(/stock-rows/);
      // Before: planning on the broken file released the holds of the products it lacked before
      // the guard stopped the run, so the next run sent them again and exited 1.
      expect(heldRows()).toEqual(held);
    } finally {
      shop.writeStock(all);
    }
    const next = await civetta(shop, 'sync');
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(sim.writeCount()).toBe(writes);
  }, 180_000);

  it('sync --retry-held sends them again; refused again for the same reason, the run still exits 0', async () => {
    const { shop } = world;
    const writes = ledgerRows(shop, 'SELECT id FROM actions').length;
    const retry = await civetta(shop, 'sync', '--retry-held');
    expect(retry.code, retry.stdout + retry.stderr).toBe(0);
    expect(ledgerRows(shop, 'SELECT id FROM actions').length).toBe(writes + heldRows().length);
    expect(retry.stdout).toMatch(/still held \(already held before: not counted as a failure\)/);
  }, 120_000);

  it('a config change that cures the refusal releases the hold: the items are listed and the failures leave status', async () => {
    const { sim, shop } = world;
    shop.editConfig((c) => {
      c.channels.ebay.categories.LEGO = { id: '183446', aspects: { Marca: '{brand}', Tipo: 'Set completo' } };
    });
    const cured = heldRows().map((h) => h.sku);
    const run = await civetta(shop, 'sync');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(heldRows()).toEqual([]);
    expect(liveSkus(sim).ebay).toEqual(expect.arrayContaining(cured));
    const status = await civetta(shop, 'status');
    expect(status.stdout).not.toMatch(/Held until|Failures not yet resolved/);
  }, 120_000);
});
