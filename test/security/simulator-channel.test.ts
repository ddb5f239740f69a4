// A channel configured as `environment: simulator` must never hand the shop's real credentials
// to whatever answers at its endpoint: it always sends the simulator's public ones, and only to
// this machine (spawned CLI; a recording token endpoint on 127.0.0.1).
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS } from '../../src/config/credentials.js';
import { civetta } from '../acceptance/acceptance-helpers.js';
import { endpointsAt } from '../support/hostile-proxy.js';
import { loopbackServer } from '../support/loopback-server.js';
import { createTestShop, type TestShop } from '../support/shop.js';

const REAL = {
  CIVETTA_AMAZON_CLIENT_ID: 'amzn1.application-oa2-client.realShopClient',
  CIVETTA_AMAZON_CLIENT_SECRET: 'amzn1.oa2-cs.v1.RealShopSecret77',
  CIVETTA_AMAZON_REFRESH_TOKEN: 'Atzr|IwEBIRealShopRefreshToken',
  CIVETTA_EBAY_CLIENT_ID: 'RealShop-civetta-PRD-0a1b2c',
  CIVETTA_EBAY_CLIENT_SECRET: 'PRD-RealShopEbaySecret',
  CIVETTA_EBAY_REFRESH_TOKEN: 'v^1.1#i^1#RealShopEbayRefresh',
};

let shop: TestShop | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  shop?.cleanup();
});

describe('environment: simulator', () => {
  it('with the real CIVETTA_* set, the token endpoint receives only the simulator credentials', async () => {
    const server = await loopbackServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_client","error_description":"no"}');
    });
    close = server.close;
    shop = createTestShop({ endpoints: endpointsAt(server.origin), amazon: { sellerId: 'A1SIM' } }, { hooksLimit: 1 });
    const run = await civetta(shop, ['sync'], { env: REAL });
    expect(run.code, run.stderr).toBe(5);
    const sent = server.seen.map((r) => `${r.headers.authorization ?? ''} ${r.body}`).join('\n');
    expect(server.seen.length).toBeGreaterThan(0);
    for (const value of Object.values(REAL)) expect(sent).not.toContain(encodeURIComponent(value));
    expect(sent).not.toContain(Buffer.from(`${REAL.CIVETTA_EBAY_CLIENT_ID}:${REAL.CIVETTA_EBAY_CLIENT_SECRET}`).toString('base64'));
    expect(sent).toContain(encodeURIComponent(SIMULATOR_CREDENTIALS.amazon.refreshToken));
  });

  it('an endpoint that is not on this machine is refused (exit 2, naming the key) before any request', async () => {
    shop = createTestShop({ endpoints: endpointsAt('https://simulator.example.net'), amazon: { sellerId: 'A1SIM' } }, { hooksLimit: 1 });
    const run = await civetta(shop, ['sync'], { env: REAL });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('channels.amazon.endpoint: found "https://simulator.example.net/amazon", but environment: simulator only talks to this machine');
    expect(run.stderr).toContain('channels.ebay.tokenEndpoint');
    // The same config as production is accepted by the check (it would use the real credentials).
    writeFileSync(shop.configFile, readFileSync(shop.configFile, 'utf8').replaceAll('environment: simulator', 'environment: production'));
    const validate = await civetta(shop, ['validate']);
    expect(validate.stdout).not.toContain('only talks to this machine');
  });
});
