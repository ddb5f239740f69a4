import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createEbayChannel } from '../../../src/channels/ebay/index.js';
import { run, type AuthEbayIo } from '../../../src/cli/commands/auth-ebay.js';
import { collectingLogger } from '../../../src/log.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';
import { ebayConfig } from './helpers.js';
import { fakeContext } from './fake-context.js';

let sim: Simulator | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  dir?.cleanup();
  dir = undefined;
});

describe('civetta auth ebay against the simulator', () => {
  it('consent page → pasted redirect address → code exchange → .env → the new refresh token works', async () => {
    sim = await startSimulator({ rateLimiting: false });
    dir = tempDir();
    const ruName = 'Giocattoli_Rossi-GiocattoliR-civett-abcde';
    const section = { environment: 'simulator', endpoint: sim.endpoints.ebay.endpoint, tokenEndpoint: sim.endpoints.ebay.tokenEndpoint, ruName, merchantLocationKey: 'negozio', policies: { fulfillment: 'a', payment: 'b', return: 'c' } };
    const { ctx, printed, log } = fakeContext(dir.path, section);
    const io: AuthEbayIo = {
      interactive: true,
      // The owner opens the printed page, accepts, and pastes the address eBay sent them to.
      readLine: async () => {
        const url = /https?:\/\/\S+\/oauth2\/authorize\?\S+/.exec(printed.join('\n'))?.[0] ?? '';
        const page = await fetch(url, { redirect: 'manual' });
        return page.headers.get('location') ?? '';
      },
      readStdin: async () => '',
      showOnTerminal: () => {
        throw new Error('the token must not be shown with --write-env');
      },
    };
    const result = await run({ writeEnv: true }, ctx, io);
    expect(result.exitCode).toBe(0);
    const authorize = sim.requests.find((r) => r.operation === 'authorize');
    expect(authorize?.query).toMatchObject({ client_id: 'civetta-simulator', redirect_uri: ruName, response_type: 'code', locale: 'it-IT', prompt: 'login' });
    const refresh = parseEnv(readFileSync(join(dir.path, '.env'), 'utf8')).CIVETTA_EBAY_REFRESH_TOKEN ?? '';
    expect(refresh).toMatch(/^v\^1\.1#/);
    expect([...printed, ...log.lines, JSON.stringify(result.json)].join('\n')).not.toContain(refresh);
    expect(printed.join('\n')).toContain('The authorisation lasts until about 2028-01-30');

    const channel = createEbayChannel(ebayConfig({ endpoint: sim.endpoints.ebay.endpoint, tokenEndpoint: sim.endpoints.ebay.tokenEndpoint }), { currency: 'EUR' }, {
      log: collectingLogger(),
      credentials: { clientId: 'civetta-simulator', clientSecret: 'civetta-simulator-secret', refreshToken: refresh },
    });
    await channel.authenticate();
    const grants = sim.requests.filter((r) => r.operation === 'getToken').map((r) => (r.body as Record<string, string>).grant_type);
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    expect(sim.requests.filter((r) => r.operation === 'getToken').at(-1)?.status).toBe(200);
  });
});
