import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { HttpClient, joinUrl, type HttpClientOptions } from '../../src/http/client.js';
import { HttpError, NetworkError, UnexpectedResponseError } from '../../src/http/http-error.js';
import { ChannelAuthError, InputError } from '../../src/errors.js';
import { collectingLogger } from '../../src/log.js';
import { fakeClock, steppedClock } from '../support/fake-clock.js';
import { loopbackServer } from '../support/loopback-server.js';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Parameters<typeof loopbackServer>[0]) {
  const server = await loopbackServer(handler);
  servers.push(server);
  return server;
}

function client(origin: string, extra: Partial<HttpClientOptions> = {}) {
  const clock = fakeClock();
  const log = collectingLogger();
  const http = new HttpClient({
    channel: 'test',
    origins: [origin],
    limits: { op: { rate: 100, burst: 100 } },
    retry: { attempts: 3, baseMs: 10, maxMs: 100 },
    userAgent: 'civetta-test',
    deps: { log, now: clock.now, sleep: clock.sleep },
    ...extra,
  });
  return { http, clock, log };
}

describe('joinUrl', () => {
  it('keeps a base path prefix, encodes values and comma-joins arrays', () => {
    expect(joinUrl('http://127.0.0.1:9/amazon/', '/listings/2021-08-01/items/S1/A B', { marketplaceIds: ['X', 'Y'], skip: undefined, n: 3 })).toBe(
      'http://127.0.0.1:9/amazon/listings/2021-08-01/items/S1/A B?marketplaceIds=X,Y&n=3',
    );
    expect(joinUrl('https://api.ebay.com', 'sell/fulfillment/v1/order', { filter: 'lastmodifieddate:[2026-01-01T00:00:00.000Z..]' })).toBe(
      'https://api.ebay.com/sell/fulfillment/v1/order?filter=lastmodifieddate%3A%5B2026-01-01T00%3A00%3A00.000Z..%5D',
    );
  });
});

describe('HttpClient hosts', () => {
  it('refuses a plain-http endpoint that is not loopback before any request', () => {
    expect(() => client('http://api.example.com')).toThrow(InputError);
    expect(() => client('http://api.example.com')).toThrow(/must use https/);
  });

  it('refuses a request to an origin the config did not name, and sends nothing', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const { http } = client('https://sellingpartnerapi-eu.amazon.com');
    await expect(http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true })).rejects.toThrow(
      /not one of the configured endpoints/,
    );
    expect(server.seen).toHaveLength(0);
  });
});

describe('HttpClient retries', () => {
  it('retries 503 on an idempotent call and returns the validated body', async () => {
    const server = await serve((_req, res, i) => {
      res.statusCode = i < 2 ? 503 : 200;
      res.end(i < 2 ? 'busy' : JSON.stringify({ ok: true }));
    });
    const { http, clock } = client(server.origin);
    const res = await http.request({ operation: 'op', method: 'PUT', url: `${server.origin}/x`, json: { a: 1 }, idempotent: true, schema: z.object({ ok: z.boolean() }) });
    expect(res.data).toEqual({ ok: true });
    expect(server.seen).toHaveLength(3);
    expect(server.seen[0]?.headers['content-type']).toBe('application/json');
    expect(server.seen[0]?.body).toBe('{"a":1}');
    expect(clock.slept.length).toBe(2);
  });

  it('does not resend a non-idempotent call after a 503', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 503;
      res.end('{"errors":[]}');
    });
    const { http } = client(server.origin);
    const failure = http.request({ operation: 'op', method: 'POST', url: `${server.origin}/x`, idempotent: false });
    await expect(failure).rejects.toBeInstanceOf(HttpError);
    await expect(failure).rejects.toMatchObject({ status: 503, json: { errors: [] } });
    expect(server.seen).toHaveLength(1);
  });

  it('resends a non-idempotent call after a 429, waiting for the Retry-After', async () => {
    const server = await serve((_req, res, i) => {
      res.statusCode = i === 0 ? 429 : 201;
      if (i === 0) res.setHeader('retry-after', '7');
      res.end('{}');
    });
    const { http, clock } = client(server.origin);
    const res = await http.request({ operation: 'op', method: 'POST', url: `${server.origin}/x`, idempotent: false });
    expect(res.status).toBe(201);
    expect(server.seen).toHaveLength(2);
    expect(clock.totalSlept()).toBeGreaterThanOrEqual(7000);
  });

  it('gives up after the bounded number of tries with the last answer', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    const { http } = client(server.origin);
    await expect(http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true })).rejects.toMatchObject({ status: 500 });
    expect(server.seen).toHaveLength(3);
  });

  it('never retries a 400', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 400;
      res.end('{"errors":[{"code":"InvalidInput"}]}');
    });
    const { http } = client(server.origin);
    await expect(http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true })).rejects.toMatchObject({ status: 400 });
    expect(server.seen).toHaveLength(1);
  });

  it('resends an idempotent call after the connection is reset, but not a non-idempotent one', async () => {
    const server = await serve((req, res, i) => {
      if (req.url === '/reset-once' && i === 0) {
        res.socket?.destroy();
        return;
      }
      if (req.url === '/reset-always') {
        res.socket?.destroy();
        return;
      }
      res.end('{}');
    });
    const { http } = client(server.origin);
    const ok = await http.request({ operation: 'op', method: 'GET', url: `${server.origin}/reset-once`, idempotent: true });
    expect(ok.status).toBe(200);
    await expect(http.request({ operation: 'op', method: 'POST', url: `${server.origin}/reset-always`, idempotent: false })).rejects.toBeInstanceOf(NetworkError);
    expect(server.seen.filter((r) => r.url === '/reset-always')).toHaveLength(1);
  });
});

describe('HttpClient auth and answers', () => {
  it('refreshes an expired token once and resends', async () => {
    const server = await serve((req, res) => {
      const ok = req.headers['x-token'] === 'fresh-token-2';
      res.statusCode = ok ? 200 : 403;
      res.end(ok ? '{}' : '{"errors":[{"code":"Unauthorized","message":"expired"}]}');
    });
    const forced: boolean[] = [];
    const { http } = client(server.origin, {
      auth: {
        headers: async (force) => {
          forced.push(force);
          return { 'x-token': force ? 'fresh-token-2' : 'stale-token-1' };
        },
        isExpired: (status, body) => status === 403 && body.includes('Unauthorized'),
      },
    });
    const res = await http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true });
    expect(res.status).toBe(200);
    expect(forced).toEqual([false, true]);
    expect(server.seen.map((r) => r.headers['x-token'])).toEqual(['stale-token-1', 'fresh-token-2']);
  });

  it('stops the channel when a freshly issued token is refused too', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 403;
      res.end('{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied."}]}');
    });
    const { http } = client(server.origin, {
      auth: { headers: async (force) => ({ 'x-token': force ? 'fresh-token' : 'old-token' }), isExpired: (status) => status === 403 },
    });
    const failure = http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true });
    await expect(failure).rejects.toBeInstanceOf(ChannelAuthError);
    await expect(failure).rejects.toThrow(/refused a freshly issued access token \(HTTP 403 on op\)/);
    expect(server.seen).toHaveLength(2);
  });

  it('reports a body that is not JSON, or not the promised shape, as an unexpected answer', async () => {
    const server = await serve((req, res) => res.end(req.url === '/bad-json' ? '{"a":' : '{"a":"x"}'));
    const { http } = client(server.origin);
    const schema = z.object({ a: z.number() });
    await expect(http.request({ operation: 'op', method: 'GET', url: `${server.origin}/bad-json`, idempotent: true, schema })).rejects.toThrow(
      /op: unexpected answer \(HTTP 200\): the body is not valid JSON/,
    );
    // Asked three times (the policy's tries): a garbled body is a transient fault on a read.
    expect(server.seen.filter((r) => r.url === '/bad-json')).toHaveLength(3);
    const wrong = http.request({ operation: 'op', method: 'GET', url: `${server.origin}/wrong`, idempotent: true, schema });
    await expect(wrong).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(wrong).rejects.toThrow(/a: Invalid input: expected number, received string/);
    // A well-formed answer of the wrong shape is not transient: asked once.
    expect(server.seen.filter((r) => r.url === '/wrong')).toHaveLength(1);
  });

  it('asks a read again after a garbled 2xx body, but never resends a write whose answer was garbled', async () => {
    let calls = 0;
    const server = await serve((_req, res) => res.end(++calls === 1 ? '{"a":1' : '{"a":1}'));
    const { http } = client(server.origin);
    const schema = z.object({ a: z.number() });
    const read = await http.request({ operation: 'op', method: 'POST', url: `${server.origin}/read`, json: {}, idempotent: true, schema });
    expect(read.data).toEqual({ a: 1 });
    expect(server.seen).toHaveLength(2);
    calls = 0;
    const write = http.request({ operation: 'op', method: 'POST', url: `${server.origin}/write`, json: {}, idempotent: false, schema });
    await expect(write).rejects.toThrow(/the body is not valid JSON/);
    expect(server.seen.filter((r) => r.url === '/write')).toHaveLength(1);
  });
});

describe('HttpClient pacing', () => {
  it('paces an operation to its rate after the burst, and adapts to the rate header', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('x-amzn-ratelimit-limit', '2');
      res.end('{}');
    });
    const { http, clock } = client(server.origin, { limits: { op: { rate: 1, burst: 2 } }, rateLimitHeader: 'x-amzn-RateLimit-Limit', concurrency: 1 });
    for (let i = 0; i < 2; i++) await http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true });
    expect(clock.totalSlept()).toBe(0);
    // Burst spent; the header said 2/s, so each further call waits half a second.
    for (let i = 0; i < 4; i++) await http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true });
    expect(clock.totalSlept()).toBe(2000);
  });

  it("paces the calls beyond the burst from the operation's first answer, not from the sends", async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    // The burst's answers wait until the test lets them go.
    const server = await serve((_req, res, index) => (index < 2 ? void answered.then(() => res.end('{}')) : res.end('{}')));
    const clock = steppedClock();
    const http = new HttpClient({
      channel: 'test', origins: [server.origin], limits: { op: { rate: 10, burst: 2 } }, userAgent: 'civetta-test', concurrency: 3,
      deps: { log: collectingLogger(), now: clock.now, sleep: clock.sleep },
    });
    const calls = [0, 1, 2].map(() => http.request({ operation: 'op', method: 'GET', url: `${server.origin}/x`, idempotent: true }));
    await vi.waitFor(() => expect(server.seen).toHaveLength(2));
    // Until an answer comes the refill starts one interval after the sends at the latest.
    expect(clock.sleepers.map((s) => s.until)).toEqual([100]);
    clock.moveTo(30);
    answer();
    await vi.waitFor(() => expect(clock.sleepers.at(-1)?.until).toBe(130));
    expect(server.seen).toHaveLength(2);
    clock.moveTo(130);
    await Promise.all(calls);
    expect(server.seen).toHaveLength(3);
  });

  it("waits an operation's documented pace even beyond 120 s (searchOrders after its burst of 20), but not a stated rate beyond it", async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const searchOrders = { rate: 0.0056, burst: 20 };
    const { http, clock } = client(server.origin, { limits: { searchOrders }, rateLimitHeader: 'x-amzn-RateLimit-Limit', concurrency: 1 });
    const page = () => http.request({ operation: 'searchOrders', method: 'GET', url: `${server.origin}/orders`, idempotent: true });
    for (let i = 0; i < 22; i++) await page();
    // The 21st and 22nd pages each waited one documented interval (179 s), and were sent.
    expect(server.seen).toHaveLength(22);
    expect(clock.slept.filter((ms) => ms > 120_000)).toHaveLength(2);
    expect(clock.totalSlept()).toBeGreaterThanOrEqual(2 * 178_000);

    // The same operation at a stated one call in 1000 s is more than its documented pace: the channel stops.
    const slow = await serve((_req, res) => {
      res.setHeader('x-amzn-ratelimit-limit', '0.001');
      res.end('{}');
    });
    const stated = client(slow.origin, { limits: { searchOrders }, rateLimitHeader: 'x-amzn-RateLimit-Limit', concurrency: 1 });
    for (let i = 0; i < 20; i++) await stated.http.request({ operation: 'searchOrders', method: 'GET', url: `${slow.origin}/orders`, idempotent: true });
    await expect(stated.http.request({ operation: 'searchOrders', method: 'GET', url: `${slow.origin}/orders`, idempotent: true })).rejects.toThrow(
      /would make the next call wait 1000 s \(at 0\.001 requests per second\) on searchOrders, more than the 223 s a run waits/,
    );
    expect(slow.seen).toHaveLength(20);
  });
});

