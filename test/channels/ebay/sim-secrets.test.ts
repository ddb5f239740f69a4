import { describe, expect, it } from 'vitest';
import { createEbayChannel } from '../../../src/channels/ebay/index.js';
import { collectingLogger } from '../../../src/log.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { fakeClock } from '../../support/fake-clock.js';
import { ebayConfig, offer } from './helpers.js';
import { LOCATION } from './sim-harness.js';

const credentials = { clientId: 'Giocatto-civetta-PRD-77aa', clientSecret: 'PRD-secret-5b1e9f0c', refreshToken: 'v^1.1#i^1#r^1#f^0#p^3#t^SecretRefresh==' };

describe('eBay channel: secrets', () => {
  it('no client secret, refresh token or access token reaches the log (debug included) or the outcomes', async () => {
    const sim = await startSimulator({
      rateLimiting: false,
      ebay: { credentials: { ...credentials, refreshTokens: [credentials.refreshToken] }, locations: [LOCATION] },
    });
    try {
      const log = collectingLogger();
      const clock = fakeClock(Date.now());
      const channel = createEbayChannel(ebayConfig({ environment: 'production', endpoint: sim.endpoints.ebay.endpoint, tokenEndpoint: sim.endpoints.ebay.tokenEndpoint }), { currency: 'EUR' }, {
        log,
        now: clock.now,
        sleep: clock.sleep,
        credentials,
      });
      const outcomes: unknown[] = [];
      await channel.apply([{ kind: 'create', offer: offer() }, { kind: 'create', offer: offer({ sku: 'CIV2', product: { images: [] } }) }], (o) => outcomes.push(o));
      sim.faults.expireTokens();
      await channel.apply([{ kind: 'delist', sku: 'CIV8001234567897', remote: {} }], (o) => outcomes.push(o));
      expect(sim.count('getToken')).toBe(2);
      expect(log.lines.some((l) => l.startsWith('debug '))).toBe(true);
      const text = [...log.lines, JSON.stringify(outcomes)].join('\n');
      const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
      for (const secret of [credentials.clientSecret, credentials.refreshToken, basic, 'v^1.1#']) expect(text).not.toContain(secret);
    } finally {
      await sim.close();
    }
  });
});
