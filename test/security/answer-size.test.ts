// Answers too big to hold: a token endpoint streaming 600 MB, and a GZIP processing report that
// inflates to 4 times the cap. civetta stops reading at the cap, drops the connection and fails
// the call with a clear message (exit 1), instead of growing until the machine runs out of memory.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES } from '../../src/http/answer-size.js';
import type { Simulator } from '../../src/simulator/index.js';
import { civetta } from '../acceptance/acceptance-helpers.js';
import { endpointsAt, hostileProxy } from '../support/hostile-proxy.js';
import { loopbackServer } from '../support/loopback-server.js';
import { createTestShop, type TestShop } from '../support/shop.js';
import { startShopSimulator } from '../support/simulator.js';

let shop: TestShop | undefined;
let sim: Simulator | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await sim?.close();
  shop?.cleanup();
});

describe('answer size caps', () => {
  it('a 600 MB answer streamed without Content-Length: the call fails at 50 MB, the rest is never read', async () => {
    const total = 600 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    let done = false;
    const server = await loopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":"');
      const pump = (): void => {
        while (sent < total && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        done = sent >= total;
        res.end();
      };
      pump();
    });
    closers.push(server.close);
    shop = createTestShop({ endpoints: endpointsAt(server.origin), amazon: { sellerId: 'A1HOSTILE' } }, { channels: ['amazon'], hooksLimit: 1 });
    const run = await civetta(shop, ['--json', 'sync']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(`larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
    expect(done).toBe(false);
    expect(sent).toBeLessThan(total / 2);
  });

  it('a GZIP processing report that inflates to 200 MB: the feed fails with a clear message, nothing inflated past the cap', async () => {
    sim = await startShopSimulator({ timeScale: 1000 });
    const bomb = gzipSync(Buffer.alloc(4 * MAX_ANSWER_BYTES, 0x20), { level: 9 });
    let bombs = 0;
    const proxy = await hostileProxy(sim.origin, {
      intercept: (req, res) => {
        // The processing report download: the pre-signed GET of a result document.
        if (req.method !== 'GET' || !req.url.startsWith('/amazon-documents/')) return false;
        bombs += 1;
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bomb);
        return true;
      },
    });
    closers.push(proxy.close);
    shop = createTestShop({ endpoints: endpointsAt(proxy.origin), amazon: sim.amazon }, { channels: ['amazon'], hooksLimit: 2, channelKeys: { amazon: { feedThreshold: 1 } } });
    const run = await civetta(shop, ['--json', 'sync']);
    expect(bombs).toBeGreaterThan(0);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(`inflated GZIP document is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
  }, 90_000);
});
