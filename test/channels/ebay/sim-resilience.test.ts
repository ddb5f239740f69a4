import { describe, expect, it } from 'vitest';
import { EBAY_RATE_LIMITS } from '../../../src/channels/ebay/rate-limits.js';
import { ChannelAuthError } from '../../../src/errors.js';
import { applyAll, ebayOnSimulator, seen } from './sim-harness.js';
import { offer } from './helpers.js';

const SKU = 'CIV8001234567897';

describe('eBay channel on the simulator: tokens, 429, 5xx', () => {
  it('a token revoked mid-run (401 errorId 1001) is refreshed once and the call resent', async () => {
    const { sim, channel } = await ebayOnSimulator();
    await channel.authenticate();
    expect(sim.count('getToken')).toBe(1);
    sim.faults.expireTokens();
    const o = (await applyAll(channel, [{ kind: 'create', offer: offer() }])).get(SKU);
    expect(o?.ok).toBe(true);
    expect(sim.count('getToken')).toBe(2);
    const api = sim.requests.filter((r) => r.operation !== 'getToken');
    // The first call after the expiry is refused once, the token renewed, the same call resent.
    expect(api[0]?.status).toBe(401);
    expect(api[1]?.operation).toBe(api[0]?.operation);
    expect(api.filter((r) => r.status === 401)).toHaveLength(1);
    expect(sim.requests.map((r) => r.operation).indexOf('getToken', 1)).toBe(2);
    const form = seen(sim, 'getToken')[1]?.body as Record<string, string>;
    expect(form.grant_type).toBe('refresh_token');
    expect(form.scope).toBe(
      'https://api.ebay.com/oauth/api_scope/sell.inventory https://api.ebay.com/oauth/api_scope/sell.fulfillment https://api.ebay.com/oauth/api_scope/sell.account',
    );
  });

  it('renews the access token 5 minutes before it expires, without waiting for a 401', async () => {
    const { sim, channel, clock } = await ebayOnSimulator();
    await channel.authenticate();
    clock.advance(7200_000 - 5 * 60_000 - 1000);
    await channel.authenticate();
    expect(sim.count('getToken')).toBe(1);
    clock.advance(2000);
    await channel.authenticate();
    expect(sim.count('getToken')).toBe(2);
  });

  it('a token living less than the 5-minute margin (the simulator at 40×: 3 minutes) is reused, renewed a twelfth of its life early', async () => {
    const { sim, channel, clock } = await ebayOnSimulator({ timeScale: 40 });
    await channel.authenticate();
    await channel.authenticate();
    expect(sim.count('getToken')).toBe(1);
    clock.advance(180_000 - 15_000 + 1000);
    await channel.authenticate();
    expect(sim.count('getToken')).toBe(2);
  });

  it('a refused refresh token is exit 5 with a plain explanation, and nothing else is sent', async () => {
    const { sim, channel } = await ebayOnSimulator();
    sim.revokeRefreshToken('ebay', 'v^1.1#civetta-simulator');
    const error = await channel.apply([{ kind: 'create', offer: offer() }], () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelAuthError);
    expect((error as ChannelAuthError).exitCode).toBe(5);
    expect((error as Error).message).toMatch(/invalid_grant.*civetta auth ebay/);
    expect(sim.requests.filter((r) => r.operation !== 'getToken')).toEqual([]);
  });

  it('429 answers are waited out and retried', async () => {
    const { sim, channel, clock } = await ebayOnSimulator();
    sim.faults.set({ throttleNext: { bulkCreateOrReplaceInventoryItem: 2 } });
    const o = (await applyAll(channel, [{ kind: 'create', offer: offer() }])).get(SKU);
    expect(o?.ok).toBe(true);
    expect(seen(sim, 'bulkCreateOrReplaceInventoryItem').map((r) => r.status)).toEqual([429, 429, 200]);
    // Each 429 empties the operation's bucket: at least 1/rate (the daily quota's average) before the next try.
    const { rate } = EBAY_RATE_LIMITS.bulkCreateOrReplaceInventoryItem as { rate: number };
    expect(clock.totalSlept()).toBeGreaterThanOrEqual(2 * Math.floor(1000 / rate));
  });

  it('5xx on an idempotent call is retried up to 5 tries, then reported with the errorId and its explanation', async () => {
    const { sim, channel } = await ebayOnSimulator();
    sim.faults.set({ errorRate: { bulkPublishOffer: 1 } });
    const o = (await applyAll(channel, [{ kind: 'create', offer: offer() }])).get(SKU);
    expect(o?.ok).toBe(false);
    expect(sim.count('bulkPublishOffer')).toBe(5);
    // errorRate answers 500 (errorId 25001) or 503 (errorId 2003), seeded: the last one is reported.
    const last = seen(sim, 'bulkPublishOffer').at(-1);
    const expected = last?.status === 500 ? { code: '25001', message: 'A system error has occurred.' } : { code: '2003', message: 'Internal error' };
    expect(o?.errors).toEqual([{ ...expected, explanation: expect.stringMatching(/passing error/) }]);
    expect(o?.remote).toBeUndefined();
  });

  it('an unreadable bulkCreateOffer answer is not blindly resent: the offers are read back first', async () => {
    const { sim, channel } = await ebayOnSimulator();
    sim.faults.set({ malformedNext: { bulkCreateOffer: 1 } });
    const outcomes = await applyAll(channel, [{ kind: 'create', offer: offer() }, { kind: 'create', offer: offer({ sku: 'CIV2' }) }]);
    expect(sim.count('bulkCreateOffer')).toBe(1);
    expect(seen(sim, 'getOffers').map((r) => r.query.sku).sort()).toEqual(['CIV2', SKU]);
    expect(sim.ebay.offers()).toHaveLength(2);
    expect(sim.count('updateOffer')).toBe(2);
    for (const sku of [SKU, 'CIV2']) {
      expect(outcomes.get(sku)?.ok).toBe(true);
      expect(outcomes.get(sku)?.request).toMatch(new RegExp(`bulkCreateOffer ${sku} .*; getOffers sku=${sku}; updateOffer \\S+ price 24\\.90; bulkPublishOffer`));
    }
  });

  it('a create lost before it landed (5xx) is sent again once the read-back finds no offer', async () => {
    const { sim, channel } = await ebayOnSimulator();
    // Before: the item failed ("25001/2003") although the read-back showed nothing had been created.
    sim.faults.set({ errorRate: { bulkCreateOffer: 1, createOffer: 1 } });
    await channel.apply([{ kind: 'create', offer: offer() }], () => undefined);
    // Every try faulted: three createOffers after the bulk call, each followed by a read-back.
    expect(sim.count('createOffer')).toBe(3);
    expect(sim.ebay.offers()).toHaveLength(0);
    sim.faults.clear();
    sim.faults.set({ errorRate: { bulkCreateOffer: 1 } });
    const o = (await applyAll(channel, [{ kind: 'create', offer: offer() }])).get(SKU);
    expect(o?.ok).toBe(true);
    expect(sim.ebay.offers()).toHaveLength(1);
    expect(o?.request).toMatch(/bulkCreateOffer .*; getOffers sku=CIV8001234567897; createOffer price 24\.90 \(again: nothing landed\); bulkPublishOffer/);
  });

  it('refuses a non-https, non-loopback endpoint before any request (exit 2)', async () => {
    const { createEbayChannel } = await import('../../../src/channels/ebay/index.js');
    const { ebayConfig } = await import('./helpers.js');
    const { collectingLogger } = await import('../../../src/log.js');
    expect(() => createEbayChannel(ebayConfig({ environment: 'sandbox', endpoint: 'http://api.example.com' }), { currency: 'EUR' }, {
      log: collectingLogger(),
      credentials: { clientId: 'id', clientSecret: 'secret-123', refreshToken: 'refresh-123' },
    })).toThrow(/must use https/);
  });
});

describe('a refresh token cut short by an unquoted .env line', () => {
  it("says to quote it when the token reads as just 'v^1.1'", async () => {
    const { createEbayChannel } = await import('../../../src/channels/ebay/index.js');
    const { ebayConfig } = await import('./helpers.js');
    const { collectingLogger } = await import('../../../src/log.js');
    const { sim } = await ebayOnSimulator();
    const channel = createEbayChannel(ebayConfig({ endpoint: sim.endpoints.ebay.endpoint, tokenEndpoint: sim.endpoints.ebay.tokenEndpoint }), { currency: 'EUR' }, {
      log: collectingLogger(),
      credentials: { clientId: 'civetta-simulator', clientSecret: 'civetta-simulator-secret', refreshToken: 'v^1.1' },
    });
    const error = (await channel.authenticate().catch((e: unknown) => e)) as ChannelAuthError;
    expect(error).toBeInstanceOf(ChannelAuthError);
    expect(error.details.at(-1)).toMatch(/put the token in quotes/);
  });
});
