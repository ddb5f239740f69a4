import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/ebay-categories.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';
import { fakeContext } from './fake-context.js';

let sim: Simulator | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  dir?.cleanup();
  dir = undefined;
});

describe('civetta ebay categories', () => {
  it('suggests categories with their required aspects, as text and --json, with an application token', async () => {
    sim = await startSimulator({ rateLimiting: false });
    dir = tempDir();
    const section = { environment: 'simulator', endpoint: sim.endpoints.ebay.endpoint, merchantLocationKey: 'negozio', policies: { fulfillment: 'a', payment: 'b', return: 'c' } };
    const { ctx, printed } = fakeContext(dir.path, section);
    const result = await run({ query: 'lego set' }, ctx);
    expect(result.exitCode).toBe(0);
    const json = result.json as { categoryTreeId: string; categories: Array<{ categoryId: string; requiredAspects?: Array<{ name: string }> }> };
    expect(json.categoryTreeId).toBe('101');
    expect(json.categories[0]).toMatchObject({ categoryId: '183446', requiredAspects: [{ name: 'Marca' }] });
    expect(printed.join('\n')).toContain('183446');
    expect(printed.join('\n')).toContain('required aspects: Marca');
    const token = sim.requests.find((r) => r.operation === 'getToken');
    expect((token!.body as Record<string, string>).grant_type).toBe('client_credentials');
    expect((token!.body as Record<string, string>).scope).toBe('https://api.ebay.com/oauth/api_scope');
    expect(sim.requests.filter((r) => r.operation !== 'getToken').every((r) => r.headers['accept-language'] === 'it-IT')).toBe(true);
  });

  it('needs only the app keys: no refresh token is asked for', async () => {
    dir = tempDir();
    const { ctx } = fakeContext(dir.path, { environment: 'production', merchantLocationKey: 'negozio', policies: { fulfillment: 'a', payment: 'b', return: 'c' } });
    await expect(run({ query: 'lego' }, ctx)).rejects.toThrow(/CIVETTA_EBAY_CLIENT_ID and CIVETTA_EBAY_CLIENT_SECRET/);
  });
});
