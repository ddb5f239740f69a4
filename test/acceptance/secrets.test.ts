// No secret ever printed or stored: the credentials come from CIVETTA_* variables (or .env)
// with distinctive fake values the simulator is set to accept, and every command's stdout,
// stderr and the ledger file bytes are searched for them, at --verbose, under --json and on
// failures.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../support/run-cli.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';
import { civetta, expectJsonError, onlyJson } from './acceptance-helpers.js';

// Shapes a shop's real credentials could have, none of them in a token pattern redact() knows
// by heart: only registration can hide them.
const AMAZON = {
  CIVETTA_AMAZON_CLIENT_ID: 'amzn1.application-oa2-client.acc0ptZ7client',
  CIVETTA_AMAZON_CLIENT_SECRET: 'amzn1.oa2-cs.v1.accSecretQ9w8e7r6',
  CIVETTA_AMAZON_REFRESH_TOKEN: 'accRefreshAmazonK3j4h5g6',
};
const EBAY = {
  CIVETTA_EBAY_CLIENT_ID: 'GiocattoliRossi-civetta-PRD-acc1d2e3f',
  CIVETTA_EBAY_CLIENT_SECRET: 'PRD-accEbaySecret4a5b6c7d',
  CIVETTA_EBAY_REFRESH_TOKEN: 'accRefreshEbayM1n2b3v4c5',
};
const ENV = { ...AMAZON, ...EBAY };
/** Values a run must never print or store: secrets, refresh tokens, and the token shapes the simulator mints. */
const NEVER = [
  AMAZON.CIVETTA_AMAZON_CLIENT_SECRET, AMAZON.CIVETTA_AMAZON_REFRESH_TOKEN,
  EBAY.CIVETTA_EBAY_CLIENT_SECRET, EBAY.CIVETTA_EBAY_REFRESH_TOKEN,
  // HTTP basic auth of the eBay app (client id:secret) as it would travel.
  Buffer.from(`${EBAY.CIVETTA_EBAY_CLIENT_ID}:${EBAY.CIVETTA_EBAY_CLIENT_SECRET}`).toString('base64'),
  'Atza|', 'v^1.1#',
];

const seen: Array<{ what: string; text: string }> = [];

function record(what: string, run: CliRun): CliRun {
  seen.push({ what: `${what} stdout`, text: run.stdout }, { what: `${what} stderr`, text: run.stderr });
  return run;
}

function expectNoSecret(what: string, text: string): void {
  for (const secret of NEVER) expect(text.includes(secret), `${secret} in ${what}`).toBe(false);
}

/** The ledger and its WAL/SHM side files, as bytes (latin1 keeps every byte searchable). */
function ledgerBytes(): string {
  return ['', '-wal', '-shm', '.lock', '.lock.owner']
    .map((suffix) => `${world.shop.ledgerFile}${suffix}`)
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

const world = shopOnSimulator({
  simulator: {
    amazon: { credentials: { clientId: AMAZON.CIVETTA_AMAZON_CLIENT_ID, clientSecret: AMAZON.CIVETTA_AMAZON_CLIENT_SECRET, refreshTokens: [AMAZON.CIVETTA_AMAZON_REFRESH_TOKEN] } },
    ebay: { credentials: { clientId: EBAY.CIVETTA_EBAY_CLIENT_ID, clientSecret: EBAY.CIVETTA_EBAY_CLIENT_SECRET, refreshTokens: [EBAY.CIVETTA_EBAY_REFRESH_TOKEN] } },
  },
  // production: a simulator channel would use the simulator's own credentials, never these.
  shop: { hooksLimit: 2, environment: 'production' },
});
beforeAll(async () => {
}, 60_000);

describe('credentials from the environment never appear in output or ledger', () => {
  it('a full cycle at --verbose and --json: sync, plan --refresh, orders pull, list, ship, status', async () => {
    const sync = record('sync --verbose', await civetta(world.shop, ['--verbose', 'sync'], { env: ENV }));
    expect(sync.code, sync.stderr).toBe(0);
    // --verbose shows the requests (so the test would see a leak in them).
    expect(sync.stderr).toMatch(/^debug: .*POST http:\/\/127\.0\.0\.1:\d+\/amazon\/auth\/o2\/token/m);
    expect(world.sim.writeCount()).toBeGreaterThan(0);

    const live = liveSkus(world.sim);
    const order = world.sim.buyers.placeOrder({ channel: 'ebay', sku: live.ebay[0]!, quantity: 1 });
    for (const args of [['--json', '--verbose', 'sync'], ['--verbose', 'plan', '--refresh'], ['--json', '--verbose', 'orders', 'pull'],
      ['--verbose', 'list', live.ebay[0]!, '--channel', 'ebay', '--quantity', '1'], ['--json', 'status']]) {
      const run = record(args.join(' '), await civetta(world.shop, args, { env: ENV }));
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    const ship = record('orders ship', await civetta(world.shop, ['--verbose', '--json', 'orders', 'ship', order.orderId, '--carrier', 'BRT', '--tracking', 'BRT0042'], { env: ENV }));
    expect(ship.code, ship.stderr).toBe(0);
    expect(onlyJson(ship)).toBeTypeOf('object');
  }, 120_000);

  it('refused credentials (exit 5) at --verbose and --json: the message names the channel, never the values', async () => {
    const wrongSecret = 'amzn1.oa2-cs.v1.accWRONGsecret0000';
    const env = { ...ENV, CIVETTA_AMAZON_CLIENT_SECRET: wrongSecret };
    const run = record('sync wrong amazon secret', await civetta(world.shop, ['--verbose', '--json', 'sync', '--channel', 'amazon'], { env }));
    const error = expectJsonError(run, 5);
    expect(error.channel).toBe('amazon');
    expectNoSecret('exit-5 run', run.stdout + run.stderr);
    expect(run.stdout + run.stderr).not.toContain(wrongSecret);

    world.sim.revokeRefreshToken('ebay', EBAY.CIVETTA_EBAY_REFRESH_TOKEN);
    const revoked = record('sync revoked ebay', await civetta(world.shop, ['--verbose', '--json', 'sync', '--channel', 'ebay'], { env: ENV }));
    expect(expectJsonError(revoked, 5).channel).toBe('ebay');
  });

  it('credentials from a .env file beside the config are hidden just the same', async () => {
    writeFileSync(join(world.shop.dir.path, '.env'), Object.entries(AMAZON).map(([k, v]) => `${k}=${v}`).join('\n'));
    const run = record('plan --refresh via .env', await civetta(world.shop, ['--verbose', 'plan', '--refresh', '--channel', 'amazon']));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('debug: ');
  });

  it('a missing variable is named, never the values that are set', async () => {
    const { CIVETTA_EBAY_REFRESH_TOKEN: _, ...partial } = EBAY;
    const run = record('missing variable', await civetta(world.shop, ['--json', 'sync', '--channel', 'ebay'], { env: partial }));
    const error = expectJsonError(run, 2);
    expect(error.message).toContain('CIVETTA_EBAY_REFRESH_TOKEN');
    expect(run.stdout + run.stderr).not.toContain(EBAY.CIVETTA_EBAY_CLIENT_SECRET);
  });

  it('auth ebay --code --write-env: the consented refresh token goes only to .env (0600), never to the output', async () => {
    const ruName = 'Giocattoli_Rossi-GiocattoliR-civett-acc01';
    writeFileSync(world.shop.configFile, readFileSync(world.shop.configFile, 'utf8').replace(/^(\s+)merchantLocationKey:/m, `$1ruName: ${ruName}\n$1merchantLocationKey:`));
    const q = new URLSearchParams({ client_id: EBAY.CIVETTA_EBAY_CLIENT_ID, redirect_uri: ruName, response_type: 'code', scope: 'https://api.ebay.com/oauth/api_scope/sell.inventory' });
    const page = await fetch(`${world.sim.endpoints.ebay.endpoint}/oauth2/authorize?${q.toString()}`, { redirect: 'manual' });
    const acceptedAt = page.headers.get('location')!;
    const code = new URL(acceptedAt).searchParams.get('code')!;
    const { CIVETTA_EBAY_REFRESH_TOKEN: _, ...keys } = ENV;
    const run = record('auth ebay', await civetta(world.shop, ['--verbose', '--json', 'auth', 'ebay', '--code', acceptedAt, '--write-env'], { env: keys }));
    expect(run.code, run.stderr).toBe(0);
    const envFile = join(world.shop.dir.path, '.env');
    expect(onlyJson(run)).toMatchObject({ stored: envFile, variable: 'CIVETTA_EBAY_REFRESH_TOKEN' });
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const line = readFileSync(envFile, 'utf8').split('\n').find((l) => l.startsWith('CIVETTA_EBAY_REFRESH_TOKEN='))!;
    const token = line.slice(line.indexOf('=') + 1).replace(/^["']|["']$/g, '');
    expect(token).toMatch(/^v\^1\.1#/);
    for (const secret of [token, code]) expect(run.stdout + run.stderr).not.toContain(secret);
    NEVER.push(token, code);

    // The stored token is what the next run uses (read back whole, "#" parts included).
    const next = record('plan --refresh with the consented token', await civetta(world.shop, ['--verbose', 'plan', '--refresh', '--channel', 'ebay'], { env: keys }));
    expect(next.code, next.stderr).toBe(0);
  });

  it('none of the runs above printed a secret, and the ledger bytes hold none', () => {
    expect(seen.length).toBeGreaterThanOrEqual(20);
    for (const { what, text } of seen) expectNoSecret(what, text);
    expectNoSecret('ledger', ledgerBytes());
  });
});
