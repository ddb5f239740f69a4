// Soak: months of cron in a few minutes (issue 11). 30 syncs over a shop whose file changes every
// run (stock, prices, rows vanishing and coming back, one cut download, one wrong header), against
// a simulator with random faults (5xx, 429, resets, garbled bodies, token expiry) and one SIGKILL
// mid-run. At the end every live listing is what `hooks` says (a hook whose row is missing from
// the last file is live at quantity 0 and still holds its slot), no SKU has two offers, no write
// is left pending, and the cut file cost no hook. Run with `npm run soak` (CI: CIVETTA_SOAK=1).
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/simulator/random.js';
import { syncKilledAfter } from '../support/kill-sync.js';
import { runCli } from '../support/run-cli.js';
import type { StockRow } from '../support/shop.js';
import { liveSkus, remoteState, shopOnSimulator } from '../support/simulator.js';
import { ledgerRows } from '../e2e/sync-helpers.js';

const TIME_SCALE = 50;
const RUNS = 30;
const CUT_RUN = 9;
const WRONG_HEADER_RUN = 17;
const KILL_RUN = 23;
const env = { CIVETTA_SIM_TIME_SCALE: String(TIME_SCALE) };

let full: StockRow[];
const random = seededRandom(11);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const civetta = (...args: string[]) => runCli(['--config', world.shop.configFile, ...args], { cwd: world.shop.dir.path, timeoutMs: 120_000, env });
const hookSets = () => Object.fromEntries(
  (['amazon', 'ebay'] as const).map((c) => [c, ledgerRows<{ sku: string }>(world.shop, 'SELECT sku FROM hook_history WHERE channel = ? AND until IS NULL ORDER BY sku', c).map((r) => r.sku)]),
);

const world = shopOnSimulator({ simulator: { timeScale: TIME_SCALE }, shop: { hooksLimit: 8, safety: { maxDelistPercent: 50 } } });
beforeAll(async () => {
  full = world.shop.rows.map((r) => ({ ...r }));
});

/**
 * This run's stock file: quantities and prices move, a few rows vanish, earlier ones come back;
 * every fourth file and the last one also lose a hook's row (hooks.missingGraceHours keeps it).
 */
function nextStock(run: number): StockRow[] {
  const rows = full.map((r) => ({ ...r }));
  for (let i = 0; i < 12; i++) {
    const row = pick(rows);
    row.Giacenza = String(Math.max(0, Number(row.Giacenza ?? 0) + Math.floor(random() * 7) - 3));
  }
  for (let i = 0; i < 3; i++) {
    const row = pick(rows);
    const price = Number(row.Prezzo ?? 0);
    if (price > 0) row.Prezzo = (price * (0.95 + random() * 0.1)).toFixed(2);
  }
  full = rows;
  const vanished = new Set([pick(rows).Codice, pick(rows).Codice]);
  const hooks = run % 4 === 0 || run === RUNS ? (hookSets().ebay ?? []) : [];
  if (hooks.length > 0) vanished.add(pick(hooks));
  return rows.filter((r) => !vanished.has(r.Codice));
}

/** Random faults for one run, from the seeded generator. */
function faultsFor(run: number): void {
  world.sim.faults.clear();
  world.sim.faults.set({ errorRate: { '*': 0.1 }, resetRate: { '*': 0.03 }, malformedRate: { '*': 0.03 } });
  if (random() < 0.3) world.sim.faults.set({ throttleNext: { [pick(['amazon', 'ebay'])]: 2 + Math.floor(random() * 3) } });
  if (run % 5 === 3) world.sim.faults.expireTokens();
}

describe('soak', () => {
  it(`${RUNS} syncs with a changing file, faults, a cut download, a wrong header and a SIGKILL end where hooks says`, async () => {
    const exits: Array<number | null> = [];
    for (let run = 1; run <= RUNS; run++) {
      const rows = nextStock(run);
      faultsFor(run);
      if (run === CUT_RUN) {
        world.shop.writeStock(rows);
        const before = hookSets();
        const text = readFileSync(world.shop.stockFile, 'utf8');
        // Cut at 90% of its bytes, mid-row, no line ending: a dropped download.
        const cut = text.slice(0, Math.floor(text.length * 0.9));
        writeFileSync(world.shop.stockFile, cut.endsWith('\n') ? cut.slice(0, -2) : cut);
        const writes = world.sim.writeCount();
        const refused = await civetta('sync');
        expect(refused.code, refused.stderr).toBe(2);
        expect(refused.stderr).toMatch(/looks cut off/);
        expect(world.sim.writeCount()).toBe(writes);
        expect(hookSets()).toEqual(before);
        exits.push(refused.code);
        continue;
      }
      if (run === WRONG_HEADER_RUN) {
        world.shop.writeStock(rows.map(({ Giacenza, ...r }) => ({ ...r, Quantita: Giacenza ?? '' })));
        const refused = await civetta('sync');
        expect(refused.code, refused.stderr).toBe(2);
        exits.push(refused.code);
        continue;
      }
      if (run === KILL_RUN) {
        // A delivery and a new price list: every hook changes, so the run has writes to cut short.
        full = full.map((r) => ({ ...r, Giacenza: String(Number(r.Giacenza ?? 0) + 10), Prezzo: (Number(r.Prezzo ?? 0) * 1.1).toFixed(2) }));
        world.shop.writeStock(full);
        world.sim.faults.clear();
        world.sim.faults.set({ latencyMs: { '*': 30 } });
        expect((await syncKilledAfter(world.sim, world.shop, 1, env)).signal).toBe('SIGKILL');
        exits.push(-9);
        continue;
      }
      world.shop.writeStock(rows);
      const result = await civetta('sync');
      // 1: some item or a channel broken by the faults this run; never a crash, a guard or a lock.
      expect([0, 1], `run ${run}: ${result.stdout}\n${result.stderr}`).toContain(result.code);
      expect(result.stderr).not.toMatch(/internal error/);
      exits.push(result.code);
    }

    // Faults gone: the next runs finish whatever the faults and the kill left.
    world.sim.faults.clear();
    for (let i = 0; i < 2; i++) {
      const settle = await civetta('sync');
      expect(settle.code, settle.stdout + settle.stderr).toBe(0);
    }
    const hooks = await civetta('--json', 'hooks');
    type Wanted = { hooks: Array<{ sku: string; quantity: number }>; missing: Array<{ sku: string }> };
    const wanted = (JSON.parse(hooks.stdout) as { channels: Record<'amazon' | 'ebay', Wanted> }).channels;
    const live = liveSkus(world.sim);
    const state = remoteState(world.sim);
    for (const channel of ['amazon', 'ebay'] as const) {
      const sellable = wanted[channel].hooks.filter((h) => h.quantity > 0).map((h) => h.sku).sort();
      expect(live[channel].sort(), channel).toEqual(sellable);
      // A hook whose row vanished in the last file keeps its slot at quantity 0 (hooks.missingGraceHours).
      for (const m of wanted[channel].missing) expect(state[channel].find((l) => l.sku === m.sku)?.quantity ?? 0, `${channel} ${m.sku}`).toBe(0);
      expect(hookSets()[channel], channel).toEqual([...wanted[channel].hooks.map((h) => h.sku), ...wanted[channel].missing.map((m) => m.sku)].sort());
    }
    for (const l of remoteState(world.sim).ebay) expect(l.offers, l.sku).toBe(1);
    expect(ledgerRows(world.shop, "SELECT id FROM actions WHERE outcome = 'pending'")).toEqual([]);
    const missing = Object.values(wanted).reduce((n, c) => n + c.missing.length, 0);
    console.log(`soak: exits ${exits.join(' ')}; ${world.sim.requests.length} requests; ${missing} hook(s) missing from the last file kept at 0`);
  }, 900_000);
});
