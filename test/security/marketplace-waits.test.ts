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

  it('a stated rate of one call in 1000 s (x-amzn-RateLimit-Limit: 0.001) and a 429: the channel stops instead of waiting 1000 s', async () => {
    let calls = 0;
    const s = await shopBehind({
      alter: (headers) => {
        headers['x-amzn-ratelimit-limit'] = '0.001';
      },
      // One plain 429 (no Retry-After) after the first answer stated the rate: the next try of
      // that call would wait a whole token at 0.001 requests per second.
      intercept: (req, res) => {
        if (req.url.includes('/auth/o2/token') || ++calls !== 2) return false;
        res.writeHead(429, { 'x-amzn-ratelimit-limit': '0.001', 'content-type': 'application/json' }).end('{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota."}]}');
        return true;
      },
    });
    const run = await civetta(s, ['--json', 'sync']);
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.stringify(onlyJson(run))).toContain('would make the next call wait 1000 s (at 0.001 requests per second)');
    // The lock was released, and the next run (no 429 this time) does the work.
    const next = await civetta(s, ['sync']);
    expect(next.code, next.stderr).toBe(0);
  });
});
