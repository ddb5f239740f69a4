// A hostile token endpoint and marketplace that echo back what civetta sent them, in the encodings
// a real server might use (the form body as sent, base64, JSON-escaped, URL-encoded), with a
// secret placed across the 300th and the 2000th character of the answer, where civetta cuts text.
// No form of any secret may reach stdout or stderr.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestShop, type TestShop } from '../support/shop.js';
import { loopbackServer } from '../support/loopback-server.js';
import { civetta } from '../acceptance/acceptance-helpers.js';

const SECRETS = {
  CIVETTA_AMAZON_CLIENT_ID: 'amzn1.application-oa2-client.hostile0client',
  CIVETTA_AMAZON_CLIENT_SECRET: 'amzn1.oa2-cs.v1.S3cret+With/Slash=',
  CIVETTA_AMAZON_REFRESH_TOKEN: 'Atzr|IwEBIHostile+Refresh/Token=99',
};
/** An access token of no shape redact() knows by heart: only its registration can hide it. */
const ACCESS_TOKEN = 'hostileAccess-0123456789ABCDEFghijKLMN';

/** Each form a secret can be echoed in; none may appear in output. */
function forms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    b64.slice(0, b64.length - 4),
    JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    // A first half left by a cut.
    secret.slice(0, 12),
  ];
}

function expectNothingOf(secrets: readonly string[], output: string): void {
  for (const secret of secrets) for (const form of forms(secret)) expect(output.includes(form), `${form} (of ${secret.slice(0, 4)}…) in:\n${output}`).toBe(false);
}

/** A JSON text whose message puts `secret` across character `at` of the whole body. */
function straddling(prefix: string, secret: string, at: number, rest: string): string {
  const pad = 'x'.repeat(Math.max(0, at - prefix.length - Math.floor(secret.length / 2)));
  return `${prefix}${pad}${secret}${rest}`;
}

let shop: TestShop | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  shop?.cleanup();
});

async function hostileShop(handler: Parameters<typeof loopbackServer>[0]): Promise<TestShop> {
  const server = await loopbackServer(handler);
  close = server.close;
  const endpoints = {
    amazon: { endpoint: `${server.origin}/amazon`, tokenEndpoint: `${server.origin}/amazon/auth/o2/token` },
    ebay: { endpoint: `${server.origin}/ebay`, tokenEndpoint: `${server.origin}/ebay/identity/v1/oauth2/token` },
  };
  shop = createTestShop({ endpoints, amazon: { sellerId: 'A1HOSTILE' } }, { channels: ['amazon'], hooksLimit: 1, environment: 'production' });
  return shop;
}

describe('a hostile server echoing secrets back', () => {
  it('a token endpoint echoing the form body (as sent, base64, JSON) in error_description: exit 5, no form of a secret printed', async () => {
    const s = await hostileShop((req, res) => {
      const params = Object.fromEntries(new URLSearchParams(req.body));
      const values = Object.values(params);
      // Values without their names (so no "refresh_token=" pattern can help), in each encoding.
      const echo = `you sent ${req.body} | url ${values.map(encodeURIComponent).join(' ')} | b64 ${values.map((v) => Buffer.from(v).toString('base64')).join(' ')} | json ${JSON.stringify(values)} | raw ${values.join(' ')}`;
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant', error_description: echo }));
    });
    for (const args of [['--verbose', 'sync'], ['--json', '--verbose', 'sync']]) {
      const run = await civetta(s, args, { env: SECRETS });
      expect(run.code, run.stderr).toBe(5);
      expect(run.stdout + run.stderr).toContain('Amazon said: you sent');
      expectNothingOf([SECRETS.CIVETTA_AMAZON_CLIENT_SECRET, SECRETS.CIVETTA_AMAZON_REFRESH_TOKEN], run.stdout + run.stderr);
    }
  });

  it('a marketplace echoing the access token across the 300th and 2000th character: nothing of it printed', async () => {
    const s = await hostileShop((req, res) => {
      if (req.url.endsWith('/auth/o2/token')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 3600 }));
        return;
      }
      const token = String(req.headers['x-amz-access-token'] ?? '');
      const echoes = ` b64 ${Buffer.from(`token:${token}`).toString('base64')} url ${encodeURIComponent(token)}`;
      const head = straddling('{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied. ', token, 300, echoes);
      const body = `${straddling(head, token, 2000, '')}"}]}`;
      res.writeHead(403, { 'content-type': 'application/json' }).end(body);
    });
    for (const args of [['--verbose', 'sync'], ['--json', '--verbose', 'sync']]) {
      const run = await civetta(s, args, { env: SECRETS });
      expect(run.code, run.stderr).toBe(5);
      expect(run.stdout + run.stderr).toContain('Access to requested resource is denied');
      expectNothingOf([ACCESS_TOKEN, SECRETS.CIVETTA_AMAZON_CLIENT_SECRET, SECRETS.CIVETTA_AMAZON_REFRESH_TOKEN], run.stdout + run.stderr);
    }
  });
});
