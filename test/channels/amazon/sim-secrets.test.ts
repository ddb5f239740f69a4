import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOutcome } from '../../../src/channels/channel.js';
import { IT, offer, stockItem } from './helpers.js';
import { simChannel, type SimChannel } from './sim-support.js';

const credentials = {
  clientId: 'amzn1.application-oa2-client.secrets-test',
  clientSecret: 'amzn1.oa2-cs.v1.SECRET-never-print-4f1e2d',
  refreshToken: 'Atzr|IwEBIrefresh-never-print-9a8b7c',
};

let s: SimChannel | undefined;
afterEach(async () => {
  await s?.sim.close();
  s = undefined;
});

describe('secrets never reach logs, errors or outcomes', () => {
  it('at debug level, through token refreshes, refusals, 5xx and an invalid grant', async () => {
    s = await simChannel(
      {
        amazon: {
          credentials: { clientId: credentials.clientId, clientSecret: credentials.clientSecret, refreshTokens: [credentials.refreshToken] },
          catalog: [{ ean: '8001234567890', asin: 'B0LEGO0001', title: 'LEGO City Stazione dei Pompieri', brand: 'LEGO', productType: 'TOY_BUILDING_BLOCK' }],
        },
      },
      {},
      {},
      { credentials },
    );
    const outcomes: ChangeOutcome[] = [];
    const errors: string[] = [];
    const run = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        errors.push(String(e), JSON.stringify(e), (e as Error).stack ?? '');
      }
    };
    await run(() => s!.channel.match([stockItem({ sku: 'CIV-LEGO' })]));
    await run(() => s!.channel.apply([{ kind: 'create', offer: offer({ sku: 'CIV-LEGO' }) }], (o) => outcomes.push(o)));
    s.sim.faults.expireTokens();
    s.sim.faults.set({ errorRate: { patchListingsItem: 1 } });
    await run(() => s!.channel.apply([{ kind: 'update', offer: offer({ sku: 'CIV-LEGO', quantity: 1 }), fields: ['quantity'], remote: {} }], (o) => outcomes.push(o)));
    s.sim.faults.clear();
    await run(() => s!.channel.apply([{ kind: 'update', offer: offer({ sku: 'NOPE', quantity: 1 }), fields: ['quantity'], remote: {} }], (o) => outcomes.push(o)));
    await run(() => s!.channel.readListings(['CIV-LEGO']));
    s.sim.revokeRefreshToken('amazon', credentials.refreshToken);
    s.sim.faults.expireTokens();
    await run(() => s!.channel.apply([{ kind: 'delist', sku: 'CIV-LEGO', remote: {} }], (o) => outcomes.push(o)));

    // The run did go through the interesting paths.
    expect(s.sim.count('lwaToken')).toBe(3);
    expect(outcomes.map((o) => [o.sku, o.ok])).toEqual([['CIV-LEGO', true], ['CIV-LEGO', false], ['NOPE', false]]);
    expect(errors.join('\n')).toContain('ChannelAuthError');
    expect(s.log.lines.some((l) => l.startsWith('debug '))).toBe(true);

    const everything = [...s.log.lines, ...errors, JSON.stringify(outcomes)].join('\n');
    for (const secret of [credentials.clientSecret, credentials.refreshToken, 'IwEBIrefresh', 'SECRET-never-print']) {
      expect(everything).not.toContain(secret);
    }
    // Every LWA access token starts with "Atza|"; none may appear, in whole or as a bare prefix.
    expect(everything).not.toMatch(/Atza\|/);
    expect(everything).toContain(IT);
  });
});
