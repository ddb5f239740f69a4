import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civetta, civettaJson, runCli } from '../support/run-cli.js';
import type { StockRow } from '../support/shop.js';
import { shopOnSimulator } from '../support/simulator.js';
import { expectedHooks, ledgerRows } from './sync-helpers.js';

// Each guard stops a real sync with exit 4 before any remote write; --force-guard lets one run
// through and the ledger records it; --yes does not.
let full: StockRow[];
let hooks: string[];
const world = shopOnSimulator({
  shop: { safety: { maxPriceChangePercent: 5 } },
  prepare: async ({ shop }) => {
    full = shop.rows;
    hooks = (await expectedHooks(shop)).amazon;
  },
  firstSync: true,
});

/**
 * The shop's config with eBay as a production channel (still at the simulator's loopback
 * address): a simulator channel always uses the simulator's own credentials, never CIVETTA_*.
 */
function ebayInProduction(): string {
  const { shop } = world;
  const file = join(shop.dir.path, 'ebay-production.yaml');
  const text = readFileSync(shop.configFile, 'utf8');
  const at = text.lastIndexOf('environment: simulator');
  writeFileSync(file, `${text.slice(0, at)}environment: production${text.slice(at + 'environment: simulator'.length)}`);
  return file;
}

interface GuardError {
  error: { exitCode: number; guards: string[]; message: string };
}

async function expectStopped(args: string[], guards: string[]): Promise<void> {
  const { sim, shop } = world;
  const before = sim.writeCount();
  const run = await civettaJson<GuardError>(shop, ...args);
  expect(run.code, run.stderr).toBe(4);
  expect(run.json.error.guards).toEqual(guards);
  expect(sim.writeCount() - before).toBe(0);
}

describe('safety guards', () => {
  it('stock-rows: a shrunken stock file stops the sync; --yes does not override it', async () => {
    const { shop } = world;
    const half = [...full.filter((r) => hooks.includes(r.Codice!)), ...full.filter((r) => !hooks.includes(r.Codice!))].slice(0, Math.floor(full.length / 2));
    shop.writeStock(half);
    await expectStopped(['sync'], ['stock-rows']);
    await expectStopped(['sync', '--yes'], ['stock-rows']);
  }, 120_000);

  it('--force-guard lets that one run through and the ledger records it', async () => {
    const { shop } = world;
    const run = await civetta(shop, 'sync', '--force-guard', 'stock-rows');
    expect(run.code, run.stderr).toBe(0);
    const [last] = ledgerRows<{ forced_guards: string; exit_code: number }>(shop, 'SELECT forced_guards, exit_code FROM sync_runs ORDER BY id DESC LIMIT 1');
    expect(last).toEqual({ forced_guards: '["stock-rows"]', exit_code: 0 });
    shop.writeStock(full);
    const back = await civetta(shop, 'sync');
    expect(back.code, back.stderr).toBe(0);
  }, 120_000);

  it('mass-delist: ending more than maxDelistPercent of the live listings stops the sync', async () => {
    const { shop } = world;
    // Moved to a category no rule takes (a sold-out hook would stay and wait for stock).
    shop.writeStock(full.map((r) => (r.Codice === hooks[0] || r.Codice === hooks[1] ? { ...r, Categoria: 'Ricambi' } : r)));
    await expectStopped(['sync'], ['mass-delist']);
    shop.writeStock(full);
  }, 120_000);

  it('price-change: a price moving by more than maxPriceChangePercent stops the sync', async () => {
    const { shop } = world;
    const cheapest = full.filter((r) => hooks.includes(r.Codice!)).sort((a, b) => Number(a.Prezzo) - Number(b.Prezzo))[0]!;
    shop.writeStock(full.map((r) => (r === cheapest ? { ...r, Prezzo: (Number(r.Prezzo) * 1.1).toFixed(2) } : r)));
    await expectStopped(['sync'], ['price-change']);
    shop.writeStock(full);
  }, 120_000);

  it('price-floor: a price below the floor is never pushed', async () => {
    const { shop } = world;
    await expectStopped(['list', hooks[0]!, '--channel', 'ebay', '--price', '1.00'], ['price-floor']);
    const [listing] = ledgerRows<{ price_minor: number }>(shop, "SELECT price_minor FROM listings WHERE channel = 'ebay' AND sku = ?", hooks[0]);
    expect(listing!.price_minor).toBeGreaterThan(100);
  }, 120_000);

  it('an unknown guard name is a usage error (exit 2)', async () => {
    const { shop } = world;
    const run = await civetta(shop, 'sync', '--force-guard', 'everything');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown guard "everything"');
  }, 60_000);

  it('refused credentials: nothing is sent to that channel, the other channel goes on, exit 5', async () => {
    const { sim, shop } = world;
    const both = hooks.find((sku) => sim.ebay.listingFor(sku) && sim.amazon.listing(sku));
    expect(both).toBeDefined();
    shop.writeStock(full.map((r) => (r.Codice === both ? { ...r, Giacenza: '4' } : r)));
    const before = { amazon: sim.writeCount('amazon'), ebay: sim.writeCount('ebay') };
    const ebayQuantity = sim.ebay.listingFor(both!)?.quantity;
    const run = await runCli(['--config', ebayInProduction(), 'sync'], {
      cwd: shop.dir.path,
      env: { CIVETTA_EBAY_CLIENT_ID: 'civetta-simulator', CIVETTA_EBAY_CLIENT_SECRET: 'wrong-secret', CIVETTA_EBAY_REFRESH_TOKEN: 'v^1.1#civetta-simulator' },
    });
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).not.toContain('wrong-secret');
    expect(run.stdout).toMatch(/ebay: nothing sent, the credentials were refused/);
    expect(sim.writeCount('ebay') - before.ebay).toBe(0);
    expect(sim.ebay.listingFor(both!)?.quantity).toBe(ebayQuantity);
    // Amazon still learns that only 3 units can be offered (4 on the shelf, 1 reserved).
    expect(sim.writeCount('amazon') - before.amazon).toBe(1);
    expect(sim.amazon.listing(both!)?.quantity).toBe(3);
    shop.writeStock(full);
  }, 120_000);

  it('when every channel refuses its credentials, the sync stops with exit 5 before any write', async () => {
    const { sim, shop } = world;
    shop.writeStock(full.map((r) => (r.Codice === hooks[0] ? { ...r, Giacenza: '3' } : r)));
    const before = sim.writeCount();
    const run = await runCli(['--config', ebayInProduction(), 'sync', '--channel', 'ebay'], {
      cwd: shop.dir.path,
      env: { CIVETTA_EBAY_CLIENT_ID: 'civetta-simulator', CIVETTA_EBAY_CLIENT_SECRET: 'wrong-secret', CIVETTA_EBAY_REFRESH_TOKEN: 'v^1.1#civetta-simulator' },
    });
    expect(run.code, run.stderr).toBe(5);
    expect(sim.writeCount() - before).toBe(0);
    shop.writeStock(full);
  }, 120_000);
});
