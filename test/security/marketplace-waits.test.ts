// A marketplace that asks for a wait longer than a run may hold the ledger lock: one 429 with
// Retry-After: 3600, or a stated rate of one call in 1000 s. The channel stops for the run at
// once (exit 1, a message naming the wait), the lock is released, and the next run is not locked out.
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { civetta, onlyJson } from '../acceptance/acceptance-helpers.js';
import { endpointsAt, hostileProxy } from '../support/hostile-proxy.js';
import { createTestShop, type TestShop } from '../support/shop.js';
import { startShopSimulator } from '../support/simulator.js';

let shop: TestShop | undefined;
let sim: Simulator | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  await sim?.close();
  shop?.cleanup();
});

async function shopBehind(opts: Parameters<typeof hostileProxy>[1]): Promise<TestShop> {
  sim = await startShopSimulator();
  const proxy = await hostileProxy(sim.origin, opts);
  close = proxy.close;
  shop = createTestShop({ endpoints: endpointsAt(proxy.origin), amazon: sim.amazon }, { channels: ['amazon'], hooksLimit: 2 });
  return shop;
}

describe('waits a marketplace imposes are capped at 120 s', () => {
  it('a 429 with Retry-After: 3600 stops the channel at once (exit 1), releases the lock, and the next run is not locked out', async () => {
    let refusals = 0;
    const s = await shopBehind({
      intercept: (req, res) => {
        if (req.url.includes('/auth/o2/token')) return false;
        refusals += 1;
        res.writeHead(429, { 'retry-after': '3600', 'content-type': 'application/json' }).end('{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}');
        return true;
      },
    });
    // The second run finds the lock free (exit 1 again, not 3).
    for (let i = 0; i < 2; i++) {
      const run = await civetta(s, ['--json', 'sync']);
      expect(run.code, run.stderr).toBe(1);
      expect(JSON.stringify(onlyJson(run))).toContain('asked to wait 3600 s');
    }
    // One refused call per run: nothing more is sent to a channel that asked for an hour.
    expect(refusals).toBe(2);
  });

  it('a stated rate of one call in 1000 s (x-amzn-RateLimit-Limit: 0.001) stops the channel after that answer', async () => {
    const s = await shopBehind({ alter: (headers) => void (headers['x-amzn-ratelimit-limit'] = '0.001') });
    const run = await civetta(s, ['--json', 'sync']);
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.stringify(onlyJson(run))).toContain('stated a rate of 0.001 requests per second');
    // The lock was released: a second run gets as far as the marketplace again (exit 1, not 3).
    expect((await civetta(s, ['sync'])).code).toBe(1);
  });
});
