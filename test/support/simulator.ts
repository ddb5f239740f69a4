// The simulator as the sync tests use it: its Amazon catalogue knows the fixture shop's EANs
// with the shop's own titles and brands, so catalogue matching succeeds as it would for real.
// shopOnSimulator and freshShops give a test file that simulator with a test shop pointed at it.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { autoAsin, startSimulator, type CatalogEntry, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { civetta } from './run-cli.js';
import { createTestShop, fixtureRows, type TestShop, type TestShopOptions } from './shop.js';

const SHOP_LOCATION = {
  merchantLocationKey: 'negozio',
  name: 'Giocattoli Rossi',
  location: { address: { addressLine1: 'Via Roma 1', city: 'Torino', postalCode: '10121', country: 'IT' } },
};

/** The fixture shop's products as Amazon's catalogue knows them (ASIN derived from the EAN). */
export function shopCatalog(): CatalogEntry[] {
  return fixtureRows()
    .filter((r) => /^\d{13}$/.test(r.EAN ?? ''))
    .map((r) => ({ ean: r.EAN!, asin: autoAsin(r.EAN!), title: r.Descrizione ?? '', brand: r.Marca ?? '', productType: 'TOY' }));
}

export async function startShopSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const catalog = shopCatalog();
  return startSimulator({
    ...options,
    amazon: { catalog, ...options.amazon },
    // The shop's inventory location, as it would exist on a real seller account.
    ebay: { locations: [SHOP_LOCATION], ...options.ebay },
  });
}

/** A shop simulator and a test shop whose channels point at it. */
export interface ShopOnSimulator {
  readonly sim: Simulator;
  readonly shop: TestShop;
}

export interface ShopOnSimulatorOptions {
  simulator?: SimulatorOptions;
  shop?: TestShopOptions;
  /** Runs once both exist, before the first sync: config edits, catalogue entries, what the test reads beforehand. */
  prepare?: (world: ShopOnSimulator) => void | Promise<void>;
  /** Lists the shop's hooks with a real `civetta sync` (which must exit 0) before the tests. */
  firstSync?: boolean;
}

async function makeShopOnSimulator(opts: ShopOnSimulatorOptions, cleanups: Array<() => unknown>): Promise<ShopOnSimulator> {
  const sim = await startShopSimulator(opts.simulator);
  cleanups.push(() => sim.close());
  const shop = createTestShop(sim, opts.shop);
  cleanups.push(() => shop.cleanup());
  return { sim, shop };
}

/** The file's own preparation, then the first sync if asked. */
async function getReady(world: ShopOnSimulator, opts: ShopOnSimulatorOptions): Promise<void> {
  await opts.prepare?.(world);
  if (opts.firstSync) {
    const first = await civetta(world.shop, 'sync');
    expect(first.code, `first sync:\n${first.stdout}\n${first.stderr}`).toBe(0);
  }
}

/** Undoes what was made, newest first: the shop's folder, then its simulator. */
async function runCleanups(cleanups: Array<() => unknown>): Promise<void> {
  while (cleanups.length) await cleanups.pop()?.();
}

/**
 * One simulator and shop for a whole test file: made in beforeAll (with its first sync if asked),
 * closed and removed in afterAll. `sim` and `shop` exist from the file's hooks and tests on;
 * hooks the file registers after this call run after the set-up.
 */
export function shopOnSimulator(opts: ShopOnSimulatorOptions = {}): ShopOnSimulator {
  let made: ShopOnSimulator | undefined;
  const cleanups: Array<() => unknown> = [];
  const world = (): ShopOnSimulator => {
    if (!made) throw new Error('the simulator and shop are made in beforeAll: read them inside a hook or a test');
    return made;
  };
  beforeAll(async () => {
    // Readable from here on: a prepare step may call the file's own helpers, which read `sim`/`shop`.
    made = await makeShopOnSimulator(opts, cleanups);
    await getReady(made, opts);
  }, opts.firstSync ? 120_000 : 60_000);
  afterAll(() => runCleanups(cleanups));
  return {
    get sim() {
      return world().sim;
    },
    get shop() {
      return world().shop;
    },
  };
}

/** For tests that each need their own simulator and shop: every one made is closed and removed after its test. */
export function freshShops(): (opts?: ShopOnSimulatorOptions) => Promise<ShopOnSimulator> {
  const cleanups: Array<() => unknown> = [];
  afterEach(() => runCleanups(cleanups));
  return async (opts = {}) => {
    const world = await makeShopOnSimulator(opts, cleanups);
    await getReady(world, opts);
    return world;
  };
}

/** What a buyer would see, per channel and SKU, sorted: for comparing end states of runs. */
export interface RemoteState {
  amazon: Array<{ sku: string; price?: number; quantity: number; status: string }>;
  ebay: Array<{ sku: string; offers: number; price?: string; quantity: number; status: string }>;
}

export function remoteState(sim: Simulator): RemoteState {
  const amazon = sim.amazon
    .listings()
    .map((l) => ({ sku: l.sku, ...(l.price ? { price: l.price.amount } : {}), quantity: l.quantity, status: l.status.join('+') }))
    .sort((a, b) => a.sku.localeCompare(b.sku));
  const offers = sim.ebay.offers() as Array<{ sku: string }>;
  const skus = [...new Set(offers.map((o) => o.sku))].sort();
  const ebay = skus.map((sku) => {
    const l = sim.ebay.listingFor(sku);
    return {
      sku,
      offers: offers.filter((o) => o.sku === sku).length,
      ...(l?.price ? { price: l.price.value } : {}),
      quantity: l?.quantity ?? 0,
      status: l ? `${l.offerStatus}/${l.listingStatus}` : 'UNPUBLISHED',
    };
  });
  return { amazon, ebay };
}

/** SKUs a buyer can find per channel. */
export function liveSkus(sim: Simulator): { amazon: string[]; ebay: string[] } {
  const state = remoteState(sim);
  return {
    amazon: state.amazon.filter((l) => l.status.includes('BUYABLE')).map((l) => l.sku),
    ebay: state.ebay.filter((l) => l.status === 'PUBLISHED/ACTIVE' || l.status === 'PUBLISHED/OUT_OF_STOCK').map((l) => l.sku),
  };
}
