import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOutcome, ListingChange } from '../../../src/channels/channel.js';
import { cannedEbay } from './canned-server.js';
import { offer } from './helpers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

const update = (sku: string, offerId: string, priceMinor: number, quantity = 3): ListingChange => ({
  kind: 'update',
  offer: offer({ sku, priceMinor, quantity }),
  fields: ['price'],
  remote: { offerId, listingId: `L${offerId}` },
});

async function outcomesOf(channel: { apply: (c: ListingChange[], f: (o: ChangeOutcome) => void) => Promise<void> }, changes: ListingChange[]) {
  const out = new Map<string, ChangeOutcome>();
  await channel.apply(changes, (o) => out.set(o.sku, o));
  return out;
}

/** Answers the simulator cannot give: a request-level 400 with no entries, and a per-entry 25001. */
describe('bulkUpdatePriceQuantity canned answers', () => {
  it('a request-level 400 without entries falls back to one call per SKU; the good SKU still lands', async () => {
    const { server, channel, api } = await cannedEbay((req) => {
      const body = JSON.parse(req.body) as { requests: Array<{ sku: string }> };
      if (body.requests.length > 1) return { status: 400, body: { errors: [{ errorId: 25709, message: 'Invalid value for requests' }] } };
      const sku = body.requests[0]?.sku;
      return sku === 'BAD1'
        ? { status: 400, body: { responses: [{ sku, offerId: 'O2', statusCode: 400, errors: [{ errorId: 25003, message: 'Invalid price.' }] }] } }
        : { status: 200, body: { responses: [{ sku, offerId: 'O1', statusCode: 200 }] } };
    });
    closers.push(server.close);
    const out = await outcomesOf(channel, [update('GOOD1', 'O1', 2290), update('BAD1', 'O2', 1)]);
    expect(api().map((r) => (JSON.parse(r.body) as { requests: Array<{ sku: string }> }).requests.map((q) => q.sku))).toEqual([['GOOD1', 'BAD1'], ['GOOD1'], ['BAD1']]);
    expect(out.get('GOOD1')).toMatchObject({ ok: true, remote: { offerId: 'O1', listingId: 'LO1' }, errors: [] });
    expect(out.get('BAD1')).toMatchObject({ ok: false, errors: [{ code: '25003', message: 'Invalid price.', explanation: expect.stringMatching(/price/) }] });
    expect(JSON.parse(api()[1]?.body ?? '{}')).toEqual({ requests: [{ sku: 'GOOD1', offers: [{ offerId: 'O1', price: { value: '22.90', currency: 'EUR' } }] }] });
  });

  it('an entry failing with 25001 is sent once more, alone; its neighbour is not resent', async () => {
    let calls = 0;
    const { server, channel, api } = await cannedEbay(() => {
      calls++;
      return calls === 1
        ? { status: 207, body: { responses: [{ sku: 'A1', offerId: 'O1', statusCode: 200 }, { sku: 'B1', offerId: 'O2', statusCode: 500, errors: [{ errorId: 25001, message: 'A system error has occurred.' }] }] } }
        : { status: 200, body: { responses: [{ sku: 'B1', offerId: 'O2', statusCode: 200 }] } };
    });
    closers.push(server.close);
    const out = await outcomesOf(channel, [update('A1', 'O1', 1000), update('B1', 'O2', 2000)]);
    expect(api()).toHaveLength(2);
    expect((JSON.parse(api()[1]?.body ?? '{}') as { requests: Array<{ sku: string }> }).requests.map((r) => r.sku)).toEqual(['B1']);
    expect(out.get('A1')?.ok).toBe(true);
    expect(out.get('B1')).toMatchObject({ ok: true, response: '500 25001; 200' });
  });

  it('a SKU answered twice (item quantity ok, offer refused) is a failure, with the offer entry\'s error', async () => {
    const { server, channel } = await cannedEbay(() => ({
      status: 207,
      body: {
        responses: [
          { sku: 'Q1', statusCode: 200 },
          { sku: 'Q1', offerId: 'O1', statusCode: 400, errors: [{ errorId: 25019, message: 'This listing cannot be revised.' }] },
        ],
      },
    }));
    closers.push(server.close);
    const change: ListingChange = { kind: 'update', offer: offer({ sku: 'Q1', priceMinor: 1500, quantity: 2 }), fields: ['price', 'quantity'], remote: { offerId: 'O1', listingId: 'LO1' } };
    const out = await outcomesOf(channel, [change]);
    expect(out.get('Q1')).toMatchObject({ ok: false, response: '200 + 400 25019', errors: [{ code: '25019', message: 'This listing cannot be revised.' }] });
  });

  it('splits more than 25 SKUs into calls of at most 25', async () => {
    const { server, channel, api } = await cannedEbay((req) => {
      const body = JSON.parse(req.body) as { requests: Array<{ sku: string; offers: Array<{ offerId: string }> }> };
      return { status: 200, body: { responses: body.requests.map((r) => ({ sku: r.sku, offerId: r.offers[0]?.offerId, statusCode: 200 })) } };
    });
    closers.push(server.close);
    const changes = Array.from({ length: 30 }, (_, i) => update(`S${i}`, `O${i}`, 1000 + i));
    const out = await outcomesOf(channel, changes);
    expect(api().map((r) => (JSON.parse(r.body) as { requests: unknown[] }).requests.length)).toEqual([25, 5]);
    expect([...out.values()].filter((o) => o.ok)).toHaveLength(30);
  });
});

describe('an exhausted call quota', () => {
  it('429 errorId 2001 stops the channel after the bounded retries: the next batch is never sent', async () => {
    const { server, channel, api } = await cannedEbay(() => ({ status: 429, body: { errors: [{ errorId: 2001, domain: 'ACCESS', message: 'Too many requests' }] } }));
    closers.push(server.close);
    const changes = Array.from({ length: 30 }, (_, i) => update(`S${i}`, `O${i}`, 1000 + i));
    const seen: ChangeOutcome[] = [];
    const error = await channel.apply(changes, (o) => seen.push(o)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HttpError', status: 429 });
    expect(api()).toHaveLength(3);
    expect(api().every((r) => (JSON.parse(r.body) as { requests: unknown[] }).requests.length === 25)).toBe(true);
    expect(seen).toEqual([]);
  });
});

describe('a token without the needed scope', () => {
  it('403 errorId 1100 stops the channel with exit 5 and a plain explanation, without refreshing the token', async () => {
    const { server, channel, api } = await cannedEbay(() => ({ status: 403, body: { errors: [{ errorId: 1100, domain: 'ACCESS', message: 'Access denied' }] } }));
    closers.push(server.close);
    const error = await channel.apply([update('A1', 'O1', 1000)], () => undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ChannelAuthError', exitCode: 5, message: expect.stringMatching(/1100.*civetta auth ebay/) });
    expect(api()).toHaveLength(1);
    expect(server.seen.filter((r) => r.url.includes('/oauth2/token'))).toHaveLength(1);
  });
});
