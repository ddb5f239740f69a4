import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { amazonAccess, amz, AMZ_MP, eb, ebayAccess, SELLER } from './helpers.js';

let sim: Simulator | undefined;
afterEach(async () => sim?.close());
const start = async (o: SimulatorOptions = {}) => (sim = await startSimulator({ now: () => Date.parse('2026-08-01T10:00:00Z'), ...o }));
const getItem = `/listings/2021-08-01/items/${SELLER}/X?marketplaceIds=${AMZ_MP}`;

async function burst(send: () => Promise<{ status: number }>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send()).status);
  return out;
}

describe('Amazon token buckets', () => {
  it('getListingsItem: burst 10, then 429 QuotaExceeded without the rate header, refilled at 5/s', async () => {
    const s = await start();
    const api = amz(s, await amazonAccess(s));
    const statuses = await burst(() => api('GET', getItem), 11);
    expect(statuses).toEqual([...Array(10).fill(404), 429]);
    const r = await api('GET', getItem);
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }] });
    expect(r.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    expect(r.headers.get('x-amzn-requestid')).not.toBeNull();
    s.clock.advance(199);
    expect((await api('GET', getItem)).status).toBe(429);
    s.clock.advance(1);
    expect(await burst(() => api('GET', getItem), 2)).toEqual([404, 429]);
    s.clock.advance(1000);
    expect(await burst(() => api('GET', getItem), 6)).toEqual([404, 404, 404, 404, 404, 429]);
  });

  it('searchOrders: burst 20 then one call per ~178.6 s (0.0056/s)', async () => {
    const s = await start();
    const api = amz(s, await amazonAccess(s));
    const q = '/orders/2026-01-01/orders?createdAfter=2026-07-01T00:00:00Z';
    expect(await burst(() => api('GET', q), 21)).toEqual([...Array(20).fill(200), 429]);
    s.clock.advance(178_000);
    expect((await api('GET', q)).status).toBe(429);
    s.clock.advance(600);
    expect((await api('GET', q)).status).toBe(200);
  });

  it('timeScale multiplies the rate and the header reports the scaled rate', async () => {
    const s = await start({ timeScale: 10 });
    const api = amz(s, await amazonAccess(s));
    const first = await api('GET', getItem);
    expect(first.headers.get('x-amzn-ratelimit-limit')).toBe('50');
    await burst(() => api('GET', getItem), 9);
    expect((await api('GET', getItem)).status).toBe(429);
    s.clock.advance(20);
    expect((await api('GET', getItem)).status).toBe(404);
  });
});

describe('eBay per-second bucket', () => {
  it('defaults to burst 50, answers 429 errorId 2001, and is configurable', async () => {
    const s = await start();
    const api = eb(s, await ebayAccess(s));
    const statuses = await burst(() => api('GET', '/sell/inventory/v1/inventory_item/X'), 51);
    expect(statuses.filter((x) => x === 404)).toHaveLength(50);
    expect(statuses[50]).toBe(429);
    const r = await api('GET', '/sell/inventory/v1/inventory_item/X');
    expect(r.body.errors[0]).toMatchObject({ errorId: 2001, domain: 'ACCESS', message: 'Too many requests' });
    await s.close();
    const t = await start({ ebay: { rateLimit: { rate: 1, burst: 2 } } });
    const api2 = eb(t, await ebayAccess(t));
    expect(await burst(() => api2('GET', '/sell/inventory/v1/inventory_item/X'), 3)).toEqual([404, 404, 429]);
    t.clock.advance(1000);
    expect((await api2('GET', '/sell/inventory/v1/inventory_item/X')).status).toBe(404);
    sim = t;
  });

  it('keeps Amazon getOrder and eBay getOrder in separate buckets', async () => {
    const s = await start({ rateLimits: { 'ebay:getOrder': { rate: 1, burst: 1 } } });
    const e = eb(s, await ebayAccess(s));
    const a = amz(s, await amazonAccess(s));
    expect((await e('GET', '/sell/fulfillment/v1/order/1')).status).toBe(404);
    expect((await e('GET', '/sell/fulfillment/v1/order/1')).status).toBe(429);
    expect((await a('GET', '/orders/2026-01-01/orders/1')).status).toBe(404);
  });
});
