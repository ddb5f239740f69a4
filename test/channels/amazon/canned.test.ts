import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createAmazonChannel } from '../../../src/channels/amazon/index.js';
import type { ChangeOutcome } from '../../../src/channels/channel.js';
import { ChannelAuthError, InputError } from '../../../src/errors.js';
import { collectingLogger } from '../../../src/log.js';
import { amazonConfig, offer } from './helpers.js';
import type { ChannelDeps } from '../../../src/http/channel-deps.js';

/**
 * Canned answers (undici MockAgent) for what the simulator cannot easily produce: malformed
 * JSON, unexpected shapes and fields, reset connections, and token edge cases on the
 * production hosts.
 */
const API = 'https://sellingpartnerapi-eu.amazon.com';
const LWA = 'https://api.amazon.com';
const credentials = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 'canned-client-secret-123', refreshToken: 'Atzr|canned-refresh-token' };
const ITEM = '/listings/2021-08-01/items/A1SELLER/CIV-1';

function setup(start = 1_700_000_000_000) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  let clock = start;
  const log = collectingLogger();
  const deps: ChannelDeps = { log, dispatcher: agent, credentials, now: () => clock, sleep: async () => undefined };
  const channel = createAmazonChannel(amazonConfig(), { currency: 'EUR' }, deps, { retry: { attempts: 3, baseMs: 1, maxMs: 2 } });
  const tokenBodies: string[] = [];
  const lwa = agent.get(LWA);
  const api = agent.get(API);
  let n = 0;
  const token = (times = 1, expiresIn = 3600) =>
    lwa
      .intercept({ path: '/auth/o2/token', method: 'POST', body: (b) => {
        tokenBodies.push(String(b));
        return true;
      } })
      .reply(() => ({ statusCode: 200, data: { access_token: `Atza|canned-access-${++n}`, token_type: 'bearer', expires_in: expiresIn } }))
      .times(times);
  return { agent, api, lwa, channel, log, token, tokenBodies, issued: () => n, advance: (ms: number) => (clock += ms) };
}

let agents: MockAgent[] = [];
afterEach(async () => {
  for (const a of agents) await a.close();
  agents = [];
});

const submission = (status: string, issues: unknown[] = []) => ({ sku: 'CIV-1', status, submissionId: 'sub-1', issues });
const update = (fields: Array<'price' | 'quantity'>) => ({ kind: 'update' as const, offer: offer({ priceMinor: 2250, quantity: 7 }), fields, remote: { asin: 'B0A', productType: 'TOY' } });

async function applyAll(s: ReturnType<typeof setup>, changes: Parameters<typeof s.channel.apply>[0]): Promise<ChangeOutcome[]> {
  const outcomes: ChangeOutcome[] = [];
  await s.channel.apply(changes, (o) => outcomes.push(o));
  return outcomes;
}

describe('LWA token (canned)', () => {
  it('sends the refresh-token grant as a form, caches the token until five minutes before expiry', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token(2);
    await s.channel.authenticate();
    await s.channel.authenticate();
    expect(s.issued()).toBe(1);
    expect(Object.fromEntries(new URLSearchParams(s.tokenBodies[0]))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    s.advance(3600_000 - 301_000);
    await s.channel.authenticate();
    expect(s.issued()).toBe(1);
    s.advance(2_000); // now inside the last five minutes
    await s.channel.authenticate();
    expect(s.issued()).toBe(2);
  });

  it('a short-lived token (the simulator\'s scaled clock) is renewed a twelfth of its life early, not on every call', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token(2, 120);
    await s.channel.authenticate();
    s.advance(109_000);
    await s.channel.authenticate();
    expect(s.issued()).toBe(1);
    s.advance(2_000); // 111 s: inside the last 10 s
    await s.channel.authenticate();
    expect(s.issued()).toBe(2);
  });

  it.each([
    ['invalid_grant', 400, /refresh token \(invalid_grant\).*Authorise civetta's app again/],
    ['invalid_client', 401, /client id or secret \(invalid_client\).*rotate the secret/],
  ])('%s → ChannelAuthError, and nothing further is sent', async (error, status, message) => {
    const s = setup();
    agents.push(s.agent);
    s.lwa.intercept({ path: '/auth/o2/token', method: 'POST' }).reply(status, { error, error_description: 'The request has an invalid grant parameter' });
    const failure = await s.channel.authenticate().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChannelAuthError);
    expect((failure as ChannelAuthError).message).toMatch(message);
    // No interceptor is left for the API: any request would fail loudly; apply must refuse first.
    await expect(applyAll(s, [update(['price'])])).rejects.toBeInstanceOf(ChannelAuthError);
    expect(s.agent.pendingInterceptors()).toEqual([]);
  });
});

describe('answers the contract does not promise (canned)', () => {
  it('malformed JSON → asked again (PATCH is idempotent), then unexpected-response for that item, not a crash', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token();
    // Garbled on every one of the 3 tries this test's policy allows.
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(200, '{"sku":"CIV-1","status":', { headers: { 'content-type': 'application/json' } }).times(3);
    const [outcome] = await applyAll(s, [update(['price'])]);
    expect(outcome).toMatchObject({ sku: 'CIV-1', kind: 'update', ok: false, response: 'HTTP 200 unexpected answer' });
    expect(outcome?.errors.map((e) => e.code)).toEqual(['unexpected-response']);
    expect(outcome?.errors[0]?.message).toContain('not valid JSON');
  });

  it('a wrong shape is unexpected-response; unknown extra fields are ignored', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token();
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(200, { sku: 'CIV-1', status: 'MAYBE', submissionId: 1 });
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(200, { ...submission('ACCEPTED'), brandNew: { nested: true } });
    const [bad] = await applyAll(s, [update(['price'])]);
    expect(bad?.errors[0]?.code).toBe('unexpected-response');
    expect(bad?.errors[0]?.message).toMatch(/status: .*submissionId/s);
    const [good] = await applyAll(s, [update(['quantity'])]);
    expect(good).toMatchObject({ ok: true, response: 'ACCEPTED submissionId=sub-1', request: 'patchListingsItem sku=CIV-1 qty=7' });
  });

  it('a reset connection is retried, then reported as network', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token();
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).replyWithError(reset).times(2);
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(200, submission('ACCEPTED'));
    const [recovered] = await applyAll(s, [update(['price'])]);
    expect(recovered?.ok).toBe(true);
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).replyWithError(reset).times(3);
    const [lost] = await applyAll(s, [update(['price'])]);
    expect(lost).toMatchObject({ ok: false, response: 'no answer' });
    expect(lost?.errors[0]?.code).toBe('network');
  });

  it('200 INVALID with ERROR issues fails the item with code, message and explanation', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token();
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(
      200,
      submission('INVALID', [
        { code: '8541', message: 'The SKU data provided conflicts with the Amazon catalog.', severity: 'ERROR', categories: ['INVALID_ATTRIBUTE'], attributeNames: ['merchant_suggested_asin'] },
        { code: '18027', message: 'minor thing', severity: 'WARNING', categories: [] },
      ]),
    );
    const [o] = await applyAll(s, [update(['price'])]);
    expect(o).toMatchObject({ ok: false, response: 'INVALID submissionId=sub-1 issues=8541,18027' });
    expect(o?.errors).toEqual([
      { code: '8541', message: 'The SKU data provided conflicts with the Amazon catalog.', field: 'merchant_suggested_asin', explanation: expect.stringContaining('EAN') },
    ]);
    expect(o?.warnings.map((w) => w.code)).toEqual(['18027']);
  });
});

describe('hosts', () => {
  it('a plain-http endpoint off loopback is refused at construction, before any request', () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agents.push(agent);
    const build = (endpoint: string, tokenEndpoint?: string) => () =>
      createAmazonChannel(amazonConfig({ endpoint, ...(tokenEndpoint ? { tokenEndpoint } : {}) }), { currency: 'EUR' }, { log: collectingLogger(), dispatcher: agent, credentials });
    expect(build('http://sellingpartnerapi-eu.amazon.com')).toThrow(InputError);
    expect(build('https://sellingpartnerapi-eu.amazon.com', 'http://api.amazon.com/auth/o2/token')).toThrow(InputError);
    expect(build('http://127.0.0.1:9/amazon', 'http://127.0.0.1:9/amazon/auth/o2/token')).not.toThrow();
  });

  it('an overridden non-Amazon endpoint without tokenEndpoint stops with exit 2 before any request', () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agents.push(agent);
    const failure = (() => {
      try {
        createAmazonChannel(amazonConfig({ endpoint: 'https://spapi-proxy.example.com' }), { currency: 'EUR' }, { log: collectingLogger(), dispatcher: agent, credentials });
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(InputError);
    expect(failure).toMatchObject({ exitCode: 2, message: expect.stringContaining('channels.amazon.tokenEndpoint') });
  });

  it('an offer currency the first marketplace does not sell in is an input error before any request', () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agents.push(agent);
    const build = (config: Record<string, unknown>, shopCurrency = 'EUR') => () =>
      createAmazonChannel(amazonConfig(config), { currency: shopCurrency }, { log: collectingLogger(), dispatcher: agent, credentials });
    expect(build({ marketplaceIds: ['A1F83G8C2ARO7P', 'APJ6JRA9NG5V4'] })).toThrow(
      'amazon: offers are priced in EUR, but marketplace A1F83G8C2ARO7P (the first of channels.amazon.marketplaceIds) sells in GBP',
    );
    expect(build({}, 'USD')).toThrow(InputError);
    expect(build({ marketplaceIds: ['A1C3SOZRARQ6R3'], currency: 'EUR' })).toThrow(/sells in PLN/);
    expect(build({ marketplaceIds: ['ATVPDKIKX0DER'] }, 'USD')).not.toThrow();
    expect(build({ marketplaceIds: ['A2NODRKZP88ZB9'], currency: 'SEK' })).not.toThrow();
    // A marketplace civetta has no currency for (Japan) is not checked.
    expect(build({ marketplaceIds: ['A1VC38T7YXB528'] })).not.toThrow();
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('missing credentials outside the simulator is an input error, not a request', () => {
    expect(() => createAmazonChannel(amazonConfig(), { currency: 'EUR' }, { log: collectingLogger() })).toThrow(/CIVETTA_AMAZON_CLIENT_ID/);
  });
});

describe('403 answers (canned)', () => {
  const denied = (details: string) => ({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details }] });

  it('a 403 about something else than the token is reported for that item, without a refresh', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token();
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(403, {
      errors: [{ code: 'AccessDenied', message: 'The seller is not allowed to sell in this marketplace.', details: '' }],
    });
    const [o] = await applyAll(s, [update(['price'])]);
    expect(o).toMatchObject({ ok: false, response: 'HTTP 403' });
    expect(o?.errors).toEqual([{ code: 'AccessDenied', message: 'The seller is not allowed to sell in this marketplace.' }]);
    expect(s.issued()).toBe(1);
  });

  it.each([
    ['Unauthorized', denied('')],
    ['MissingAuthenticationToken', { errors: [{ code: 'MissingAuthenticationToken', message: 'Access to requested resource is denied.' }] }],
    ['a text naming the token', { errors: [{ code: 'AccessDenied', message: 'The security token included in the request is invalid.' }] }],
  ])('a 403 %s is a token problem: one refresh, then the call goes through', async (_name, body) => {
    const s = setup();
    agents.push(s.agent);
    s.token(2);
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(403, body);
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(200, submission('ACCEPTED'));
    const [o] = await applyAll(s, [update(['price'])]);
    expect(o).toMatchObject({ ok: true, response: 'ACCEPTED submissionId=sub-1' });
    expect(s.issued()).toBe(2);
    expect(s.agent.pendingInterceptors()).toEqual([]);
  });

  it('Unauthorized refused for a fresh token too (missing role) stops the channel with exit 5', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token(2);
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(403, denied('')).times(2);
    await expect(applyAll(s, [update(['price'])])).rejects.toMatchObject({ channel: 'amazon', exitCode: 5 });
    expect(s.issued()).toBe(2);
    expect(s.agent.pendingInterceptors()).toEqual([]);
  });

  it('an expired token is refreshed once; a fresh token refused too stops the channel (exit 5), not looped', async () => {
    const s = setup();
    agents.push(s.agent);
    s.token(2);
    s.api.intercept({ path: (p) => p.startsWith(ITEM), method: 'PATCH' }).reply(403, denied('The access token you provided has expired.')).times(2);
    const run = applyAll(s, [update(['price'])]);
    await expect(run).rejects.toBeInstanceOf(ChannelAuthError);
    await expect(run).rejects.toMatchObject({ channel: 'amazon', exitCode: 5 });
    expect(s.issued()).toBe(2);
    expect(s.agent.pendingInterceptors()).toEqual([]);
  });
});
