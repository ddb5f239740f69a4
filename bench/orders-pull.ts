import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { createAmazonChannel } from '../src/channels/amazon/index.js';
import type { Channel } from '../src/channels/channel.js';
import { createEbayChannel } from '../src/channels/ebay/index.js';
import { AmazonConfig, EbayConfig } from '../src/config/schema.js';
import type { ChannelId } from '../src/domain/ids.js';
import { openLedger } from '../src/ledger/database.js';
import { collectingLogger } from '../src/log.js';
import { pullOrders } from '../src/orders/pull-orders.js';
import { AMAZON_DEFAULT_CREDENTIALS, EBAY_DEFAULT_CREDENTIALS } from '../src/simulator/options.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { round, type BenchResult } from './measure.js';

const IT = 'APJ6JRA9NG5V4';
const DAY_MS = 86_400_000;

/** A simulated account with one big live listing per channel and `perChannel` orders on each. */
async function shopWithOrders(perChannel: number): Promise<Simulator> {
  const sim = await startSimulator({
    rateLimiting: false,
    amazon: {
      catalog: [{ ean: '8001234567897', asin: 'B0BENCH001', title: 'Puzzle', brand: 'Clementoni', productType: 'PUZZLE' }],
      listings: [{
        sku: 'BENCH-A',
        productType: 'PUZZLE',
        attributes: {
          merchant_suggested_asin: [{ value: 'B0BENCH001', marketplace_id: IT }],
          condition_type: [{ value: 'new_new', marketplace_id: IT }],
          purchasable_offer: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 19.9 }] }] }],
          fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: perChannel * 3 }],
        },
      }],
    },
    ebay: {
      locations: [{ merchantLocationKey: 'negozio', name: 'Negozio', location: { address: { city: 'Bologna', postalCode: '40121', country: 'IT' } } }],
      inventoryItems: [{ sku: 'BENCH-E', item: { condition: 'NEW', availability: { shipToLocationAvailability: { quantity: perChannel * 3 } }, product: { title: 'Puzzle', imageUrls: ['https://negozio.example/1.jpg'] } } }],
      offers: [{ offerId: '9100000001', sku: 'BENCH-E', listingId: '110000000001', details: { pricingSummary: { price: { value: '19.90', currency: 'EUR' } }, availableQuantity: perChannel * 3 } }],
    },
  });
  for (let i = 0; i < perChannel; i++) {
    sim.buyers.placeOrder({ channel: 'amazon', sku: 'BENCH-A', quantity: 1 + (i % 2) });
    sim.buyers.placeOrder({ channel: 'ebay', sku: 'BENCH-E', quantity: 1 + (i % 2) });
  }
  sim.clock.advance(15 * 60_000); // past Amazon's payment wait and visibility margin
  return sim;
}

async function token(url: string, form: Record<string, string>, basic?: string): Promise<string> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(basic ? { authorization: `Basic ${basic}` } : {}) },
    body: new URLSearchParams(form).toString(),
  });
  return ((await res.body.json()) as { access_token: string }).access_token;
}

/**
 * The floor: a plain client fetching the same pages (same URLs, same page sizes) and inserting
 * each page's orders as JSON rows into SQLite in one transaction per page, both channels at once.
 */
async function plainClient(sim: Simulator, file: string, since: Date): Promise<number> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE orders (channel TEXT, order_id TEXT, body TEXT, PRIMARY KEY (channel, order_id))');
  const insert = db.prepare('INSERT OR REPLACE INTO orders VALUES (?, ?, ?)');
  const store = db.transaction((channel: string, rows: Array<{ id: string; body: unknown }>) => {
    for (const r of rows) insert.run(channel, r.id, JSON.stringify(r.body));
  });
  let count = 0;
  const amazon = async () => {
    const a = AMAZON_DEFAULT_CREDENTIALS;
    const access = await token(sim.endpoints.amazon.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: a.refreshTokens[0] ?? '', client_id: a.clientId, client_secret: a.clientSecret });
    let next: string | undefined;
    do {
      const q = new URLSearchParams({ lastUpdatedAfter: since.toISOString().replace(/\.\d{3}Z$/, 'Z'), marketplaceIds: IT, fulfilledBy: 'MERCHANT', includedData: 'BUYER,RECIPIENT,FULFILLMENT,PROCEEDS', maxResultsPerPage: '100' });
      if (next) q.set('paginationToken', next);
      const res = await request(`${sim.endpoints.amazon.endpoint}/orders/2026-01-01/orders?${q}`, { headers: { 'x-amz-access-token': access } });
      const page = (await res.body.json()) as { orders: Array<{ orderId: string }>; pagination?: { nextToken?: string } };
      store('amazon', page.orders.map((o) => ({ id: o.orderId, body: o })));
      count += page.orders.length;
      next = page.pagination?.nextToken;
    } while (next);
  };
  const ebay = async () => {
    const e = EBAY_DEFAULT_CREDENTIALS;
    const basic = Buffer.from(`${e.clientId}:${e.clientSecret}`).toString('base64');
    const access = await token(sim.endpoints.ebay.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: e.refreshTokens[0] ?? '', scope: 'https://api.ebay.com/oauth/api_scope/sell.fulfillment' }, basic);
    for (let offset = 0; ; ) {
      const filter = `lastmodifieddate:%5B${since.toISOString()}..%5D`;
      const res = await request(`${sim.endpoints.ebay.endpoint}/sell/fulfillment/v1/order?filter=${filter}&limit=200&offset=${offset}`, {
        headers: { authorization: `Bearer ${access}`, 'x-ebay-c-marketplace-id': 'EBAY_IT', 'accept-language': 'it-IT' },
      });
      const page = (await res.body.json()) as { orders: Array<{ orderId: string }>; next?: string };
      store('ebay', page.orders.map((o) => ({ id: o.orderId, body: o })));
      count += page.orders.length;
      offset += page.orders.length;
      if (!page.next || page.orders.length === 0) break;
    }
  };
  await Promise.all([amazon(), ebay()]);
  db.close();
  return count;
}

async function civettaPull(sim: Simulator, file: string, since: Date): Promise<number> {
  const log = collectingLogger();
  // Limits off on both sides: civetta's own pacing (Amazon's searchOrders: 20 pages, then one
  // every 3 minutes) waits for nothing, as the simulator refuses nothing.
  const deps = { log, now: () => sim.clock.nowMs(), sleep: async () => {} };
  const amazon = createAmazonChannel(
    AmazonConfig.parse({ environment: 'simulator', ...sim.endpoints.amazon, sellerId: sim.amazon.sellerId, marketplaceIds: [IT] }),
    { currency: 'EUR' },
    deps,
  );
  const ebay = createEbayChannel(
    EbayConfig.parse({
      environment: 'simulator',
      ...sim.endpoints.ebay,
      merchantLocationKey: 'negozio',
      policies: { fulfillment: '6200000001', payment: '6200000002', return: '6200000003' },
      categories: {},
    }),
    { currency: 'EUR' },
    deps,
  );
  const ledger = openLedger(file);
  try {
    const channels = new Map<ChannelId, Channel>([['amazon', amazon], ['ebay', ebay]]);
    const report = await pullOrders(ledger, channels, { since, now: new Date(sim.clock.nowMs()), overlapMinutes: 5, firstPullDays: 30, log });
    return report.channels.reduce((n, c) => n + c.orders, 0);
  } finally {
    ledger.close();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * `orders pull` of `total` orders (half per channel) on the simulator with its limits off,
 * against a plain client fetching the same pages into SQLite. Target: ≥ 0.5× the plain rate.
 */
export async function benchOrdersPull(total = 20_000): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'civetta-bench-orders-'));
  const sim = await shopWithOrders(total / 2);
  try {
    const since = new Date(sim.clock.nowMs() - DAY_MS);
    const plain = await timed(() => plainClient(sim, join(dir, 'plain.sqlite'), since));
    const civetta = await timed(() => civettaPull(sim, join(dir, 'ledger.sqlite'), since));
    const ratio = plain.seconds / civetta.seconds;
    return {
      name: `orders pull, ${total} orders on both channels, limits off`,
      figures: { orders: civetta.value, plainOrders: plain.value, seconds: round(civetta.seconds), plainSeconds: round(plain.seconds), ratioToPlain: round(ratio) },
      target: '≥ 0.5× the plain client’s rate, every order stored',
      met: ratio >= 0.5 && civetta.value === total && plain.value === total,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('orders-pull.js')) {
  const n = Number(process.argv[2] ?? 20_000);
  console.log(JSON.stringify(await benchOrdersPull(n)));
}
