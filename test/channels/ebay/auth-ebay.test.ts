import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, type AuthEbayIo } from '../../../src/cli/commands/auth-ebay.js';
import { codeFromInput, consentUrl } from '../../../src/channels/ebay/consent.js';
import { ChannelAuthError, InputError } from '../../../src/errors.js';
import { readDotEnv } from '../../../src/config/credentials.js';
import { loopbackServer } from '../../support/loopback-server.js';
import { tempDir, type TempDir } from '../../support/temp-dir.js';
import { fakeContext } from './fake-context.js';

const SECRET = 'PRD-client-secret-4f2a9c';
const REFRESH = 'v^1.1#i^1#r^1#f^0#p^3#t^Ul4xMF8xOkZBQ0U=';
const CODE = 'v^1.1#i^1#f^0#p^3#I^3#r^1#t^Ul41XzM6Q09ERQ==';
const env = { CIVETTA_EBAY_CLIENT_ID: 'Giocatto-civetta-PRD-1234', CIVETTA_EBAY_CLIENT_SECRET: SECRET };

let dir: TempDir | undefined;
afterEach(() => dir?.cleanup());

async function tokenServer(status = 200) {
  return loopbackServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      status === 200
        ? JSON.stringify({ access_token: 'v^1.1#i^1#access-token-xyz', expires_in: 7200, refresh_token: REFRESH, refresh_token_expires_in: 47304000, token_type: 'User Access Token' })
        : JSON.stringify({ error: 'invalid_grant', error_description: 'the provided authorization grant code is invalid or was issued to another client' }),
    );
  });
}

function io(interactive: boolean, ...answers: string[]) {
  const shown: string[] = [];
  const asked: string[] = [];
  const terminal: AuthEbayIo = {
    interactive,
    readLine: async (prompt) => {
      asked.push(prompt);
      return answers.shift() ?? '';
    },
    readStdin: async () => '',
    showOnTerminal: (t) => shown.push(t),
  };
  return { terminal, shown, asked };
}

describe('civetta auth ebay', () => {
  it('builds the consent URL with RuName, space-joined sell scopes and the marketplace locale', () => {
    const url = new URL(consentUrl('https://auth.ebay.com/oauth2/authorize', 'APP-ID', 'Giocattoli-Rossi-civetta-abcd', 'it-IT', 'st4te'));
    expect(url.origin + url.pathname).toBe('https://auth.ebay.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'APP-ID',
      redirect_uri: 'Giocattoli-Rossi-civetta-abcd',
      response_type: 'code',
      scope: 'https://api.ebay.com/oauth/api_scope/sell.inventory https://api.ebay.com/oauth/api_scope/sell.fulfillment https://api.ebay.com/oauth/api_scope/sell.account',
      state: 'st4te',
      locale: 'it-IT',
      prompt: 'login',
    });
  });

  it('takes the code from a pasted redirect address or as a bare (URL-encoded) code', () => {
    expect(codeFromInput(`https://example.com/accepted?state=x&code=${encodeURIComponent(CODE)}&expires_in=299`)).toBe(CODE);
    expect(codeFromInput(encodeURIComponent(CODE))).toBe(CODE);
    expect(codeFromInput('  ')).toBeUndefined();
  });

  it('--code --write-env: exchanges the code and writes the refresh token to .env (0600), echoing no secret', async () => {
    dir = tempDir();
    dir.write({ '.env': 'OTHER=1\nCIVETTA_EBAY_REFRESH_TOKEN=old\n' });
    const server = await tokenServer();
    try {
      const { ctx, printed, log } = fakeContext(dir.path, { environment: 'sandbox', endpoint: server.origin, tokenEndpoint: `${server.origin}/identity/v1/oauth2/token`, ruName: 'Giocattoli-Rossi-civetta-abcd', merchantLocationKey: 'negozio', policies: { fulfillment: 'a', payment: 'b', return: 'c' } }, env);
      const { terminal, shown } = io(false);
      const result = await run({ code: `https://x.example/ok?code=${encodeURIComponent(CODE)}`, writeEnv: true }, ctx, terminal);
      expect(result.exitCode).toBe(0);
      const [req] = server.seen;
      expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`${env.CIVETTA_EBAY_CLIENT_ID}:${SECRET}`).toString('base64')}`);
      expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({ grant_type: 'authorization_code', code: CODE, redirect_uri: 'Giocattoli-Rossi-civetta-abcd' });
      const envFile = join(dir.path, '.env');
      expect(readFileSync(envFile, 'utf8')).toBe(`OTHER=1\nCIVETTA_EBAY_REFRESH_TOKEN='${REFRESH}'\n`);
      // Read back the way civetta reads credentials: the '#' inside the token survives.
      expect(readDotEnv(dir.path)).toEqual({ OTHER: '1', CIVETTA_EBAY_REFRESH_TOKEN: REFRESH });
      expect(statSync(envFile).mode & 0o777).toBe(0o600);
      expect(shown).toEqual([]);
      const everything = [...printed, ...log.lines, JSON.stringify(result.json)].join('\n');
      for (const secret of [SECRET, REFRESH, CODE, 'access-token-xyz']) expect(everything).not.toContain(secret);
      expect(everything).toContain('https://auth.sandbox.ebay.com/oauth2/authorize?client_id=Giocatto-civetta-PRD-1234');
      expect(everything).toContain('CIVETTA_EBAY_REFRESH_TOKEN is now in');
    } finally {
      await server.close();
    }
  });

  it.each([
    ['--print', { print: true }, [CODE], true],
    ['declining the write', {}, [CODE, 'n'], true],
    ['accepting the write', {}, [CODE, ''], false],
  ] as const)('on a terminal, %s: the token is shown once on the terminal only, or written', async (_, flags, answers, shows) => {
    dir = tempDir();
    const server = await tokenServer();
    try {
      const { ctx, printed, log } = fakeContext(dir.path, { environment: 'sandbox', tokenEndpoint: `${server.origin}/token`, ruName: 'RuName-1', merchantLocationKey: 'negozio', policies: { fulfillment: 'a', payment: 'b', return: 'c' } }, env);
      const { terminal, shown, asked } = io(true, ...answers);
      await run({ ...flags }, ctx, terminal);
      expect(asked).toHaveLength(answers.length);
      expect(shown).toEqual(shows ? [`\n   CIVETTA_EBAY_REFRESH_TOKEN='${REFRESH}'\n\n`] : []);
      expect(dir.files()).toEqual(shows ? [] : ['.env']);
      expect([...printed, ...log.lines].join('\n')).not.toContain(REFRESH);
    } finally {
      await server.close();
    }
  });

  it('without a terminal, --code or anything on stdin it explains and exits 2 before any request', async () => {
    dir = tempDir();
    const { ctx } = fakeContext(dir.path, { environment: 'sandbox', ruName: 'RuName-1', merchantLocationKey: 'negozio', policies: { fulfillment: 'a', payment: 'b', return: 'c' } }, env);
    const error = await run({ writeEnv: true }, ctx, io(false).terminal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as Error).message).toBe('no authorization code given');
    expect((error as InputError).details.join('\n')).toMatch(/pipe it in: `civetta auth ebay --write-env < address.txt`/);
  });

  it('a refused code is exit 5 in plain words', async () => {
    dir = tempDir();
    const server = await tokenServer(400);
    try {
      const { ctx } = fakeContext(dir.path, { environment: 'sandbox', tokenEndpoint: `${server.origin}/token`, ruName: 'RuName-1', merchantLocationKey: 'negozio', policies: { fulfillment: 'a', payment: 'b', return: 'c' } }, env);
      const error = await run({ code: CODE, writeEnv: true }, ctx, io(false).terminal).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelAuthError);
      expect((error as ChannelAuthError).exitCode).toBe(5);
      expect(server.seen).toHaveLength(1);
      expect(dir.files()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
