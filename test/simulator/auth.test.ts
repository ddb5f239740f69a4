import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { amazonToken, amz, call, eb, ebayToken, SELLER, AMZ_MP } from './helpers.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ now: () => Date.parse('2026-08-01T10:00:00Z') });
});
afterEach(async () => sim.close());

describe('endpoints', () => {
  it('listens on loopback with the fixed path prefixes', () => {
    expect(sim.endpoints.amazon.endpoint).toBe(`http://127.0.0.1:${sim.port}/amazon`);
    expect(sim.endpoints.amazon.tokenEndpoint).toBe(`http://127.0.0.1:${sim.port}/amazon/auth/o2/token`);
    expect(sim.endpoints.ebay.endpoint).toBe(`http://127.0.0.1:${sim.port}/ebay`);
    expect(sim.endpoints.ebay.tokenEndpoint).toBe(`http://127.0.0.1:${sim.port}/ebay/identity/v1/oauth2/token`);
  });
});

describe('Amazon LWA token', () => {
  it('issues an expiring bearer token for the refresh-token grant', async () => {
    const r = await amazonToken(sim);
    expect(r.status).toBe(200);
    expect(r.body.token_type).toBe('bearer');
    expect(r.body.expires_in).toBe(3600);
    expect(r.body.access_token).toMatch(/^Atza\|/);
    expect(r.body.refresh_token).toBe('Atzr|civetta-simulator');
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const r = await amazonToken(sim, { client_secret: 'nope' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
  });

  it('refuses an unknown or revoked refresh token with invalid_grant', async () => {
    const r = await amazonToken(sim, { refresh_token: 'Atzr|other' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_grant');
    sim.revokeRefreshToken('amazon', 'Atzr|civetta-simulator');
    expect((await amazonToken(sim)).body.error).toBe('invalid_grant');
  });

  it('refuses a missing parameter and an unsupported grant', async () => {
    expect((await amazonToken(sim, { client_id: '' })).body.error).toBe('invalid_request');
    expect((await amazonToken(sim, { grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
  });

  it('refuses calls without, with an unknown or with an expired token (403 Unauthorized)', async () => {
    const path = `/listings/2021-08-01/items/${SELLER}/X?marketplaceIds=${AMZ_MP}`;
    const none = await amz(sim, undefined)('GET', path);
    expect(none.status).toBe(403);
    expect(none.body).toEqual({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }] });
    const bad = await amz(sim, 'Atza|forged')('GET', path);
    expect(bad.status).toBe(403);
    expect(bad.body.errors[0].code).toBe('Unauthorized');
    const token = (await amazonToken(sim)).body.access_token as string;
    expect((await amz(sim, token)('GET', path)).status).toBe(404);
    sim.clock.advance(3_600_000);
    const expired = await amz(sim, token)('GET', path);
    expect(expired.status).toBe(403);
    expect(expired.body.errors[0]).toEqual({ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' });
  });

  it('divides the token lifetime by the time scale', async () => {
    const fast = await startSimulator({ timeScale: 60 });
    try {
      expect((await amazonToken(fast)).body.expires_in).toBe(60);
      expect((await ebayToken(fast)).body.expires_in).toBe(120);
    } finally {
      await fast.close();
    }
  });

  it('expires every issued token at once through faults.expireTokens()', async () => {
    const token = (await amazonToken(sim)).body.access_token as string;
    sim.faults.expireTokens();
    const r = await amz(sim, token)('GET', `/listings/2021-08-01/items/${SELLER}/X?marketplaceIds=${AMZ_MP}`);
    expect(r.status).toBe(403);
    const fresh = (await amazonToken(sim)).body.access_token as string;
    expect((await amz(sim, fresh)('GET', `/listings/2021-08-01/items/${SELLER}/X?marketplaceIds=${AMZ_MP}`)).status).toBe(404);
  });
});

describe('eBay OAuth token', () => {
  it('issues a user token for the refresh grant with Basic client auth', async () => {
    const r = await ebayToken(sim);
    expect(r.status).toBe(200);
    expect(r.body.token_type).toBe('User Access Token');
    expect(r.body.expires_in).toBe(7200);
    expect(typeof r.body.access_token).toBe('string');
    expect(r.body.refresh_token).toBeUndefined();
  });

  it('issues an application token for client_credentials with the base scope only', async () => {
    const ok = await ebayToken(sim, { form: { grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope' } });
    expect(ok.body.token_type).toBe('Application Access Token');
    const bad = await ebayToken(sim, { form: { grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope/sell.inventory' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_scope');
  });

  it('refuses wrong client credentials, bad refresh tokens and unknown scopes', async () => {
    const client = await ebayToken(sim, { secret: 'wrong' });
    expect(client.status).toBe(401);
    expect(client.body).toEqual({ error: 'invalid_client', error_description: 'client authentication failed' });
    const grant = await ebayToken(sim, { form: { grant_type: 'refresh_token', refresh_token: 'v^1.1#other' } });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('invalid_grant');
    const scope = await ebayToken(sim, { form: { grant_type: 'refresh_token', refresh_token: 'v^1.1#civetta-simulator', scope: 'https://api.ebay.com/oauth/api_scope/sell.nonsense' } });
    expect(scope.body.error).toBe('invalid_scope');
  });

  it('refuses calls without or with an expired token with 401 errorId 1001', async () => {
    const none = await eb(sim, undefined)('GET', '/sell/inventory/v1/inventory_item/ABC');
    expect(none.status).toBe(401);
    expect(none.body.errors[0]).toMatchObject({ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' });
    const token = (await ebayToken(sim)).body.access_token as string;
    expect((await eb(sim, token)('GET', '/sell/inventory/v1/inventory_item/ABC')).status).toBe(404);
    sim.clock.advance(7_200_000);
    expect((await eb(sim, token)('GET', '/sell/inventory/v1/inventory_item/ABC')).body.errors[0].errorId).toBe(1001);
  });

  it('refuses a token without the needed scope with 403 errorId 1100', async () => {
    const t = await ebayToken(sim, { form: { grant_type: 'refresh_token', refresh_token: 'v^1.1#civetta-simulator', scope: 'https://api.ebay.com/oauth/api_scope/sell.account' } });
    const r = await eb(sim, t.body.access_token)('GET', '/sell/inventory/v1/inventory_item/ABC');
    expect(r.status).toBe(403);
    expect(r.body.errors[0].errorId).toBe(1100);
  });
});

describe('request log', () => {
  it('logs operation, status and masks tokens', async () => {
    const token = (await amazonToken(sim)).body.access_token as string;
    await amz(sim, token)('GET', `/listings/2021-08-01/items/${SELLER}/X?marketplaceIds=${AMZ_MP}`);
    const [tok, get] = sim.requests;
    expect(tok?.operation).toBe('lwaToken');
    expect((tok!.body as Record<string, string>).client_secret).toBe('civett***');
    expect(get).toMatchObject({ service: 'amazon', operation: 'getListingsItem', method: 'GET', status: 404, query: { marketplaceIds: AMZ_MP } });
    expect(get?.headers['x-amz-access-token']).toBe(`${token.slice(0, 6)}***`);
    expect(sim.count('getListingsItem')).toBe(1);
    expect(sim.writeCount()).toBe(0);
  });

  it('answers unknown paths in each service\'s shape', async () => {
    const r = await call(`${sim.endpoints.amazon.endpoint}/nothing/here`);
    expect(r.status).toBe(404);
    expect(r.body.errors[0].code).toBe('NotFound');
  });
});

describe('eBay consent (what `civetta auth ebay` drives)', () => {
  const RU_NAME = 'Giocattoli_Rossi-GiocattoliR-civett-abcde';
  const SCOPE = 'https://api.ebay.com/oauth/api_scope/sell.inventory https://api.ebay.com/oauth/api_scope/sell.fulfillment';

  async function consent(query: Record<string, string> = {}): Promise<Response> {
    const q = new URLSearchParams({ client_id: 'civetta-simulator', redirect_uri: RU_NAME, response_type: 'code', scope: SCOPE, state: 's1', ...query });
    return fetch(`${sim.endpoints.ebay.endpoint}/oauth2/authorize?${q.toString()}`, { redirect: 'manual' });
  }

  it('the consent page sends the seller to the accept page with a code; the code gives a refresh token that then works, once', async () => {
    const page = await consent();
    expect(page.status).toBe(302);
    const accepted = new URL(page.headers.get('location')!);
    expect(accepted.origin + accepted.pathname).toBe(`${sim.endpoints.ebay.endpoint}/oauth2/accepted`);
    expect([accepted.searchParams.get('state'), accepted.searchParams.get('expires_in')]).toEqual(['s1', '299']);
    const code = accepted.searchParams.get('code')!;
    expect(code).toMatch(/^v\^1\.1#/);
    expect((await fetch(accepted)).status).toBe(200);

    const exchange = await ebayToken(sim, { form: { grant_type: 'authorization_code', code, redirect_uri: RU_NAME } });
    expect(exchange.status).toBe(200);
    expect(exchange.body).toMatchObject({ expires_in: 7200, refresh_token_expires_in: 47_304_000, token_type: 'User Access Token' });
    const refresh = exchange.body.refresh_token as string;
    expect(refresh).toMatch(/^v\^1\.1#/);
    const renewed = await ebayToken(sim, { form: { grant_type: 'refresh_token', refresh_token: refresh } });
    expect(renewed.status).toBe(200);

    const reused = await ebayToken(sim, { form: { grant_type: 'authorization_code', code, redirect_uri: RU_NAME } });
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('refuses a code for another RuName, an expired code, and a consent for another app', async () => {
    const codeOf = async () => new URL((await consent()).headers.get('location')!).searchParams.get('code')!;
    const other = await ebayToken(sim, { form: { grant_type: 'authorization_code', code: await codeOf(), redirect_uri: 'Someone_Else-RuName' } });
    expect([other.status, other.body.error]).toEqual([400, 'invalid_grant']);
    const late = await codeOf();
    sim.clock.advance(300_000);
    const expired = await ebayToken(sim, { form: { grant_type: 'authorization_code', code: late, redirect_uri: RU_NAME } });
    expect([expired.status, expired.body.error]).toEqual([400, 'invalid_grant']);
    expect((await consent({ client_id: 'not-this-app' })).status).toBe(400);
  });
});
