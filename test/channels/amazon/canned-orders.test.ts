import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createAmazonChannel } from '../../../src/channels/amazon/index.js';
import type { Order } from '../../../src/domain/order.js';
import { UnexpectedResponseError } from '../../../src/http/http-error.js';
import { collectingLogger } from '../../../src/log.js';
import { amazonConfig } from './helpers.js';

/** searchOrders paging and confirmShipment on the production host, with canned answers. */
const API = 'https://sellingpartnerapi-eu.amazon.com';
const credentials = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 'orders-client-secret-1', refreshToken: 'Atzr|orders-refresh' };

let agent: MockAgent;
afterEach(async () => agent.close());

function channel(config: Record<string, unknown> = {}) {
  agent = new MockAgent();
  agent.disableNetConnect();
  agent.get('https://api.amazon.com').intercept({ path: '/auth/o2/token', method: 'POST' }).reply(200, { access_token: 'Atza|orders', expires_in: 3600 });
  return createAmazonChannel(amazonConfig(config), { currency: 'EUR' }, { log: collectingLogger(), dispatcher: agent, credentials, sleep: async () => undefined });
}

const order = (id: string) => ({
  orderId: id,
  createdTime: '2026-11-20T10:00:00Z',
  lastUpdatedTime: '2026-11-21T10:00:00Z',
  salesChannel: { channelName: 'AMAZON', marketplaceId: 'APJ6JRA9NG5V4' },
  fulfillment: { fulfillmentStatus: 'SHIPPED' },
  orderItems: [{ orderItemId: `${id}-1`, quantityOrdered: 1, product: { sellerSku: 'CIV-1', price: { unitPrice: { amount: '9.90', currencyCode: 'EUR' } } } }],
});

describe('orders (canned)', () => {
  it('asks for merchant-fulfilled orders only, follows nextToken with every other parameter repeated unchanged, one page at a time', async () => {
    const c = channel({ marketplaceIds: ['APJ6JRA9NG5V4', 'A1PA6795UKMFR9'] });
    const queries: Array<Record<string, string>> = [];
    const pool = agent.get(API);
    const page = (orders: unknown[], nextToken?: string) => (opts: { path: string }) => {
      queries.push(Object.fromEntries(new URL(opts.path, API).searchParams));
      return { statusCode: 200, data: { orders, ...(nextToken ? { pagination: { nextToken } } : {}) } };
    };
    pool.intercept({ path: (p) => p.startsWith('/orders/2026-01-01/orders?'), method: 'GET' }).reply(page([order('A'), order('B')], 'tok/1+'));
    pool.intercept({ path: (p) => p.startsWith('/orders/2026-01-01/orders?'), method: 'GET' }).reply(page([order('C')], 'tok2'));
    pool.intercept({ path: (p) => p.startsWith('/orders/2026-01-01/orders?'), method: 'GET' }).reply(page([]));
    const pages: Order[][] = [];
    for await (const p of c.pullOrders(new Date('2026-11-20T08:30:00.123Z'))) pages.push(p);
    expect(pages.map((p) => p.map((o) => o.orderId))).toEqual([['A', 'B'], ['C'], []]);
    expect(pages[0]?.[0]).toMatchObject({ status: 'shipped', lines: [{ lineId: 'A-1', unitPriceMinor: 990, lineTotalMinor: 990 }] });
    const base = {
      lastUpdatedAfter: '2026-11-20T08:30:00Z',
      marketplaceIds: 'APJ6JRA9NG5V4,A1PA6795UKMFR9',
      fulfilledBy: 'MERCHANT',
      includedData: 'BUYER,RECIPIENT,FULFILLMENT,PROCEEDS',
      maxResultsPerPage: '100',
    };
    expect(queries).toEqual([base, { ...base, paginationToken: 'tok/1+' }, { ...base, paginationToken: 'tok2' }]);
  });

  it('confirmShipment: carrier code or Other + name, 204 = ok; an error answer is reported, not thrown', async () => {
    const c = channel();
    const bodies: unknown[] = [];
    const pool = agent.get(API);
    const path = '/orders/v0/orders/171-1234567-1234567/shipmentConfirmation';
    pool.intercept({ path, method: 'POST', body: (b) => {
        bodies.push(JSON.parse(String(b)));
        return true;
      } }).reply(204, '');
    pool.intercept({ path, method: 'POST' }).reply(400, { errors: [{ code: 'InvalidInput', message: 'Invalid orderItemId' }] });
    const request = {
      orderId: '171-1234567-1234567',
      marketplace: 'APJ6JRA9NG5V4',
      lines: [{ lineId: '111', quantity: 2 }],
      carrier: { name: 'BRT', code: 'Other' },
      tracking: 'BRT123456',
      shippedAt: new Date('2026-11-23T09:00:00Z'),
    };
    expect(await c.ship(request)).toEqual({ ok: true, reference: '1795424400', errors: [] });
    expect(bodies[0]).toEqual({
      marketplaceId: 'APJ6JRA9NG5V4',
      packageDetail: {
        packageReferenceId: '1795424400',
        carrierCode: 'Other',
        carrierName: 'BRT',
        trackingNumber: 'BRT123456',
        shipDate: '2026-11-23T09:00:00.000Z',
        orderItems: [{ orderItemId: '111', quantity: 2 }],
      },
    });
    const refused = await c.ship({ ...request, carrier: { name: 'Poste Italiane', code: 'Poste Italiane' } });
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e) => [e.code, e.message])).toEqual([['InvalidInput', 'Invalid orderItemId']]);
  });
});

describe('order pages the contract does not promise (canned)', () => {
  it('a page with a wrong shape stops the pull with a clear error naming the field; pages before it were yielded', async () => {
    const c = channel();
    const pool = agent.get(API);
    pool.intercept({ path: (p) => p.startsWith('/orders/2026-01-01/orders?'), method: 'GET' }).reply(200, { orders: [order('A')], pagination: { nextToken: 't' }, surprise: [1] });
    pool.intercept({ path: (p) => p.startsWith('/orders/2026-01-01/orders?'), method: 'GET' }).reply(200, { orders: [{ ...order('B'), orderItems: [{ orderItemId: 'B-1', quantityOrdered: 'two', product: {} }] }] });
    const pages: string[][] = [];
    const failure = await (async () => {
      for await (const p of c.pullOrders(new Date('2026-11-20T00:00:00Z'))) pages.push(p.map((o) => o.orderId));
    })().catch((e: unknown) => e);
    expect(pages).toEqual([['A']]);
    expect(failure).toBeInstanceOf(UnexpectedResponseError);
    expect((failure as Error).message).toContain('orders.0.orderItems.0.quantityOrdered');
  });
});
