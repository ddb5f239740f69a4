// Transient faults during a sync: a marketplace answering 5xx, resetting connections and garbling
// bodies must cost only what stays broken, never the whole run (issue 11).
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import type { TestShop } from '../support/shop.js';
import { freshShops, liveSkus, remoteState } from '../support/simulator.js';
import { shopCli } from '../support/run-cli.js';
import { ledgerRows } from './sync-helpers.js';

const TIME_SCALE = 50;
/** A sync whose waits run at the simulator's pace (retry backoff included). */
const civetta = (shop: TestShop, ...args: string[]) => shopCli(shop, args, { env: { CIVETTA_SIM_TIME_SCALE: String(TIME_SCALE) } });

const shops = freshShops();
// Fast feeds so a run under faults stays short; rate limits are not what this test is about.
const freshShop = () => shops({ simulator: { timeScale: TIME_SCALE, rateLimiting: false }, shop: { hooksLimit: 10 } });

const live = (sim: Simulator) => {
  const l = liveSkus(sim);
  return l.amazon.length + l.ebay.length;
};

describe('a sync against a marketplace with transient faults', () => {
  it('lists at least 90% of a clean run under 20% 5xx, 5% resets and 5% garbled bodies; the next run completes the rest', async () => {
    const clean = await freshShop();
    const straight = await civetta(clean.shop, 'sync');
    expect(straight.code, straight.stderr).toBe(0);
    const expected = remoteState(clean.sim);
    const wanted = live(clean.sim);
    expect(wanted).toBeGreaterThanOrEqual(15);

    const { sim, shop } = await freshShop();
    sim.faults.set({ errorRate: { '*': 0.2 }, resetRate: { '*': 0.05 }, malformedRate: { '*': 0.05 } });
    const faulty = await civetta(shop, 'sync');
    // Before: "a marketplace call failed … run again" after a handful of requests, nothing listed.
    expect(faulty.stderr).not.toMatch(/a marketplace call failed/);
    expect([0, 1], faulty.stderr).toContain(faulty.code);
    expect(live(sim)).toBeGreaterThanOrEqual(Math.ceil(wanted * 0.9));

    sim.faults.clear();
    const after = await civetta(shop, 'sync');
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(remoteState(sim)).toEqual(expected);
    expect(ledgerRows(shop, "SELECT id FROM actions WHERE outcome = 'pending'")).toEqual([]);
  }, 240_000);

  it('a marketplace that stays broken stops only its channel: the other lists, the next run finishes', async () => {
    const { sim, shop } = await freshShop();
    // Every eBay read-back answered 5xx: before, the whole run ended ("a marketplace call failed").
    sim.faults.set({ errorRate: { bulkGetInventoryItem: 1 } });
    const broken = await civetta(shop, 'sync');
    expect(broken.code, broken.stderr).toBe(1);
    expect(broken.stdout).toMatch(/ebay: nothing sent, the live listings could not be read back — bulkGetInventoryItem: HTTP 50[03]/);
    expect(broken.stderr).toMatch(/marketplace unreachable for ebay; exit 1/);
    expect(liveSkus(sim).amazon.length).toBeGreaterThanOrEqual(8);
    expect(sim.ebay.offers()).toEqual([]);

    sim.faults.clear();
    const after = await civetta(shop, 'sync');
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(liveSkus(sim).ebay.length).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
