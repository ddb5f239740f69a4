import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { runCli } from '../../support/run-cli.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';

let sim: Simulator | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  dir?.cleanup();
  dir = undefined;
});

function shop(ebay: string): TempDir {
  const d = tempDir();
  d.write({
    'civetta.config.yaml': [
      'shop: { name: "Giocattoli Rossi", currency: EUR }',
      'stock: { file: ./stock.csv, columns: { sku: Codice, title: Descrizione, price: Prezzo, quantity: Giacenza } }',
      'hooks: {}',
      'channels:',
      `  ebay: ${ebay}`,
      '',
    ].join('\n'),
    'stock.csv': 'Codice;Descrizione;Prezzo;Giacenza\nA1;Set;10,00;3\n',
  });
  return d;
}

/** The built CLI (run `npm run build` first, as `npm test` does). */
describe('eBay commands, spawned', () => {
  it('`ebay categories --json` prints only JSON with the suggestions, and no secret anywhere', async () => {
    sim = await startSimulator({ rateLimiting: false });
    dir = shop(`{ environment: simulator, endpoint: "${sim.endpoints.ebay.endpoint}", tokenEndpoint: "${sim.endpoints.ebay.tokenEndpoint}", merchantLocationKey: negozio, policies: { fulfillment: a, payment: b, return: c } }`);
    const r = await runCli(['ebay', 'categories', 'puzzle', '--json'], { cwd: dir.path });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { categoryTreeId: string; categories: Array<{ categoryId: string }> };
    expect(json.categoryTreeId).toBe('101');
    expect(json.categories.map((c) => c.categoryId)).toContain('19169');
    expect(`${r.stdout}${r.stderr}`).not.toContain('civetta-simulator-secret');
  });

  it('`auth ebay` without a terminal and without --write-env explains and exits 2, printing no secret', async () => {
    dir = shop('{ environment: sandbox, ruName: RuName-1, merchantLocationKey: negozio, policies: { fulfillment: a, payment: b, return: c } }');
    const secret = 'SBX-secret-0a1b2c3d4e';
    const r = await runCli(['auth', 'ebay'], { cwd: dir.path, env: { CIVETTA_EBAY_CLIENT_ID: 'App-SBX-1', CIVETTA_EBAY_CLIENT_SECRET: secret } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write-env');
    expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
  });
});

describe('auth ebay, spawned, on the simulator', () => {
  it('--code <redirect address> --write-env stores the token in .env and prints no secret', async () => {
    sim = await startSimulator({ rateLimiting: false });
    const e = sim.endpoints.ebay;
    dir = shop(`{ environment: simulator, endpoint: "${e.endpoint}", tokenEndpoint: "${e.tokenEndpoint}", ruName: RuName-civetta-1, merchantLocationKey: negozio, policies: { fulfillment: a, payment: b, return: c } }`);
    // The consent page civetta prints (with the state it keeps), opened and accepted.
    const first = await runCli(['auth', 'ebay', '--write-env'], { cwd: dir.path });
    const consentPage = /https?:\/\/\S+\/oauth2\/authorize\?\S+/.exec(first.stdout)?.[0] ?? '';
    const page = await fetch(consentPage, { redirect: 'manual' });
    const redirect = page.headers.get('location') ?? '';
    const r = await runCli(['auth', 'ebay', '--code', redirect, '--write-env'], { cwd: dir.path });
    expect(r.code).toBe(0);
    const { readDotEnv } = await import('../../../src/config/credentials.js');
    const token = readDotEnv(dir.path).CIVETTA_EBAY_REFRESH_TOKEN ?? '';
    expect(token).toMatch(/^v\^1\.1#/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(token);
    expect(`${r.stdout}${r.stderr}`).not.toContain('civetta-simulator-secret');
    expect(r.stdout).toContain('CIVETTA_EBAY_REFRESH_TOKEN is now in');
  });
});
