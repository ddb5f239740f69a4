// eBay consent: the `state` civetta puts in the consent page is stored (0600, 15 minutes) and a
// pasted address with another state is refused before the code is sent; the code comes from the
// terminal or stdin, so it never has to be on the command line (spawned CLI, the simulator's
// consent page on 127.0.0.1).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_STATE_FILE, CONSENT_STATE_LIFETIME_MS, checkConsentState, consentState } from '../../src/channels/ebay/consent.js';
import { SIMULATOR_CREDENTIALS } from '../../src/config/credentials.js';
import type { InputError } from '../../src/errors.js';
import { runCli } from '../support/run-cli.js';
import { shopOnSimulator } from '../support/simulator.js';
import { tempDir } from '../support/temp-dir.js';

const RU_NAME = 'Giocattoli_Rossi-GiocattoliR-civett-state';

const world = shopOnSimulator({ shop: { channels: ['ebay'], hooksLimit: 1 } });
beforeAll(async () => {
  writeFileSync(world.shop.configFile, readFileSync(world.shop.configFile, 'utf8').replace(/^(\s+)merchantLocationKey:/m, `$1ruName: ${RU_NAME}\n$1merchantLocationKey:`));
});

function authEbay(input: string) {
  return runCli(['--config', world.shop.configFile, 'auth', 'ebay', '--write-env'], { cwd: world.shop.dir.path, input });
}

/** The owner at the consent page: accepts, and eBay redirects to an address with the code and the state. */
async function accept(consentPage: string): Promise<string> {
  const page = await fetch(consentPage, { redirect: 'manual' });
  return page.headers.get('location') ?? '';
}

describe('auth ebay: consent state and the code from stdin', () => {
  it('an address with another state is refused (exit 2, nothing sent); the genuine one, piped in, is exchanged', async () => {
    const first = await authEbay('');
    expect(first.code, first.stderr).toBe(2);
    expect(first.stderr).toContain('no authorization code given');
    const printed = /https?:\/\/\S+\/oauth2\/authorize\?\S+/.exec(first.stdout)?.[0] ?? '';
    const state = new URL(printed).searchParams.get('state') ?? '';
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    const stateFile = join(world.shop.dir.path, CONSENT_STATE_FILE);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    // Someone else's consent (their own state), whose address reaches the owner.
    const foreign = new URL(printed);
    foreign.searchParams.set('state', 'someone-elses-state');
    const planted = await accept(foreign.toString());
    const exchanges = world.sim.count('getToken', 'ebay');
    const refused = await authEbay(`${planted}\n`);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('is not from the consent civetta started');
    expect(world.sim.count('getToken', 'ebay')).toBe(exchanges);
    expect(existsSync(join(world.shop.dir.path, '.env'))).toBe(false);

    // The run prints the same page while the consent is fresh; its address, piped in, works.
    const genuine = await accept(printed);
    const ok = await authEbay(`${genuine}\n`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`state=${state}`);
    expect(readFileSync(join(world.shop.dir.path, '.env'), 'utf8')).toMatch(/^CIVETTA_EBAY_REFRESH_TOKEN='v\^1\.1#/m);
    // A code works once: the state is forgotten with it.
    expect(existsSync(stateFile)).toBe(false);
    expect(SIMULATOR_CREDENTIALS.ebay.clientId).toBe(new URL(printed).searchParams.get('client_id'));
  });

  it('a state older than 15 minutes is not accepted any more, and a new consent gets a new state', () => {
    const dir = tempDir();
    try {
      const start = Date.parse('2026-12-05T10:00:00Z');
      const state = consentState(dir.path, start);
      const address = `https://signin.ebay.it/ws/accepted?state=${state}&code=v%5E1.1%23code`;
      expect(() => checkConsentState(dir.path, address, start + 60_000)).not.toThrow();
      expect(consentState(dir.path, start + 60_000)).toBe(state);
      const late = start + CONSENT_STATE_LIFETIME_MS + 1;
      const error = (() => {
        try {
          checkConsentState(dir.path, address, late);
        } catch (e) {
          return e as InputError;
        }
      })();
      expect(error?.exitCode).toBe(2);
      expect(error?.details.join('\n')).toContain('more than 15 minutes ago');
      expect(consentState(dir.path, late)).not.toBe(state);
    } finally {
      dir.cleanup();
    }
  });
});
