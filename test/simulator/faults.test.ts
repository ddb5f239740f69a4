import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { amazonAccess, amz, AMZ_MP, eb, ebayAccess, ITEM, offerOnlyBody, SELLER } from './helpers.js';

let sim: Simulator;
afterEach(async () => sim.close());
const item = (sku: string) => `/listings/2021-08-01/items/${SELLER}/${sku}?marketplaceIds=${AMZ_MP}`;

describe('faults', () => {
  it('answers a seeded share of 500/503 in each service\'s shape, the same sequence for the same seed', async () => {
    const run = async () => {
      sim = await startSimulator({ seed: 42, rateLimiting: false, faults: { errorRate: { getListingsItem: 0.5 } } });
      const api = amz(sim, await amazonAccess(sim));
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await api('GET', item('X'))).status);
      const failed = await (async () => {
        for (;;) {
          const r = await api('GET', item('X'));
          if (r.status >= 500) return r;
        }
      })();
      await sim.close();
      return { out, failed };
    };
    const a = await run();
    const b = await run();
    expect(a.out).toEqual(b.out);
    expect(a.out.filter((s) => s >= 500).length).toBeGreaterThan(3);
    expect(a.out.filter((s) => s === 404).length).toBeGreaterThan(3);
    expect(a.failed.body.errors[0].code).toMatch(/^(InternalFailure|ServiceUnavailable)$/);
    sim = await startSimulator({ rateLimiting: false });
    const e = eb(sim, await ebayAccess(sim));
    sim.faults.set({ errorRate: { ebay: 1 } });
    const r = await e('GET', '/sell/inventory/v1/inventory_item/X');
    expect([500, 503]).toContain(r.status);
    expect(r.body.errors[0].errorId === 25001 || r.body.errors[0].errorId === 2003).toBe(true);
  });

  it('throttles the next N calls (a 429 storm), then recovers; clear() removes every fault', async () => {
    sim = await startSimulator({ rateLimiting: false });
    const api = amz(sim, await amazonAccess(sim));
    sim.faults.set({ throttleNext: { patchListingsItem: 2 } });
    const patch = { productType: 'PRODUCT', patches: [{ op: 'delete', path: '/attributes/x' }] };
    expect((await api('PATCH', item('X'), patch)).status).toBe(429);
    expect((await api('PATCH', item('X'), patch)).status).toBe(429);
    expect((await api('PATCH', item('X'), patch)).status).toBe(200);
    sim.faults.set({ errorRate: { amazon: 1 } });
    expect((await api('GET', item('X'))).status).toBeGreaterThanOrEqual(500);
    sim.faults.clear();
    expect((await api('GET', item('X'))).status).toBe(404);
  });

  it('resets the connection on the next N calls', async () => {
    sim = await startSimulator({ rateLimiting: false, faults: { resetNext: { getInventoryItem: 1 } } });
    const e = eb(sim, await ebayAccess(sim));
    await expect(e('GET', '/sell/inventory/v1/inventory_item/X')).rejects.toThrow();
    expect((await e('GET', '/sell/inventory/v1/inventory_item/X')).status).toBe(404);
    expect(sim.requests.filter((r) => r.operation === 'getInventoryItem').map((r) => r.status)).toEqual([0, 404]);
  });

  it('garbles the body of the next N calls while the write still happens', async () => {
    sim = await startSimulator({ rateLimiting: false, amazon: { autoCatalog: true }, faults: { malformedNext: { putListingsItem: 1 } } });
    const api = amz(sim, await amazonAccess(sim));
    const r = await api('PUT', item('M1'), offerOnlyBody('B0ABCDEFGH'));
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
    expect(sim.amazon.listing('M1')?.quantity).toBe(3);
    expect((await api('PUT', item('M1'), offerOnlyBody('B0ABCDEFGH'))).body.status).toBe('ACCEPTED');
  });

  it('adds latency', async () => {
    sim = await startSimulator({ rateLimiting: false, faults: { latencyMs: { ebay: 80 } } });
    const e = eb(sim, await ebayAccess(sim));
    const t0 = performance.now();
    await e('PUT', '/sell/inventory/v1/inventory_item/L1', ITEM);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
  });
});
