import { execFile } from 'node:child_process';
import https from 'node:https';
import net from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createAmazonChannel } from '../src/channels/amazon/index.js';
import type { ChangeOutcome, ListingChange } from '../src/channels/channel.js';
import { AmazonConfig } from '../src/config/schema.js';
import type { Offer } from '../src/domain/offer.js';
import { collectingLogger } from '../src/log.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { AMAZON_DEFAULT_CREDENTIALS } from '../src/simulator/options.js';
import { round, scaledFeedPolling, type BenchResult } from './measure.js';

const IT = 'APJ6JRA9NG5V4';
/** Amazon's documented patch limit (listingsItems_2021-08-01.json: 5 req/s, burst 5). */
const PATCH = { rate: 5, burst: 5 };
/** Feeds as slow as real ones: 2 minutes, plus 20 ms a message. */
const FEED = { baseMs: 120_000, perMessageMs: 20 };

const skuOf = (i: number) => `PUSH-${String(i).padStart(5, '0')}`;
const price = (i: number) => 1990 + (i % 500);

/** An account whose `count` listings are live at their old prices; the simulator runs `scale`× faster. */
async function liveAccount(count: number, scale: number): Promise<Simulator> {
  return startSimulator({
    timeScale: scale,
    feedProcessing: FEED,
    amazon: {
      listings: Array.from({ length: count }, (_, i) => ({
        sku: skuOf(i),
        productType: 'PUZZLE',
        attributes: {
          merchant_suggested_asin: [{ value: `B0PUSH${String(i).padStart(4, '0')}`, marketplace_id: IT }],
          condition_type: [{ value: 'new_new', marketplace_id: IT }],
          purchasable_offer: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: price(i) / 100 }] }] }],
          fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 5 }],
        },
      })),
    },
  });
}

function newPrice(i: number): Offer {
  const sku = skuOf(i);
  return {
    channel: 'amazon', sku, priceMinor: price(i) - 100, currency: 'EUR', quantity: 5, contentHash: `h${i}`, reason: 'bench',
    product: { sku, line: i + 2, title: `Puzzle ${i}`, brand: 'Clementoni', category: 'Puzzle', priceMinor: price(i), quantity: 5, imageCount: 0, httpsImage: false, images: [], safety: {} },
  };
}

/** civetta's push: the channel picks per-item patches or one feed, as `sync` would. */
async function civettaPush(count: number, scale: number): Promise<{ seconds: number; ok: number; writes: number; strategy: string }> {
  const sim = await liveAccount(count, scale);
  try {
    const config = AmazonConfig.parse({ environment: 'simulator', ...sim.endpoints.amazon, sellerId: sim.amazon.sellerId, marketplaceIds: [IT] });
    const channel = createAmazonChannel(config, { currency: 'EUR' }, { log: collectingLogger() }, {
      feedPolling: scaledFeedPolling(scale),
    });
    const changes: ListingChange[] = Array.from({ length: count }, (_, i) => ({ kind: 'update', offer: newPrice(i), fields: ['price'], remote: { asin: `B0PUSH${String(i).padStart(4, '0')}`, productType: 'PUZZLE' } }));
    const outcomes: ChangeOutcome[] = [];
    const started = process.hrtime.bigint();
    await channel.apply(changes, (o) => outcomes.push(o));
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds: wall * scale, ok: outcomes.filter((o) => o.ok).length, writes: sim.writeCount('amazon'), strategy: count > config.feedThreshold ? 'feed' : 'per-item' };
  } finally {
    await sim.close();
  }
}

/**
 * The peer: the `amazon-sp-api` npm client (bench devDependency) making one patchListingsItem
 * per SKU, one after another, retrying 429s its own way. It speaks https to Amazon's host; here
 * its https agent hands it a plain loopback socket to the simulator instead.
 */
async function peerPush(count: number, scale: number): Promise<{ seconds: number; ok: number }> {
  const sim = await liveAccount(count, scale);
  try {
    const port = Number(new URL(sim.origin).port);
    class LoopbackAgent extends https.Agent {
      override createConnection(): net.Socket {
        return net.connect({ host: '127.0.0.1', port });
      }
    }
    const require = createRequire(import.meta.url);
    // amazon-sp-api is CommonJS without types for its constructor options.
    const SellingPartner = require('amazon-sp-api') as new (config: Record<string, unknown>) => {
      callAPI(req: Record<string, unknown>): Promise<unknown>;
      _request: { _api_endpoint: string };
    };
    const a = AMAZON_DEFAULT_CREDENTIALS;
    // Timed from the token on, as civetta's push is: both start without an access token.
    const started = process.hrtime.bigint();
    const tokenRes = await fetch(sim.endpoints.amazon.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: a.refreshTokens[0] ?? '', client_id: a.clientId, client_secret: a.clientSecret }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const sp = new SellingPartner({
      region: 'eu',
      refresh_token: a.refreshTokens[0],
      access_token,
      credentials: { SELLING_PARTNER_APP_CLIENT_ID: a.clientId, SELLING_PARTNER_APP_CLIENT_SECRET: a.clientSecret },
      options: { https_proxy_agent: new LoopbackAgent({ keepAlive: true }), auto_request_tokens: false },
    });
    // The simulator serves Amazon under /amazon: the client's host gets that path prefix.
    sp._request._api_endpoint = 'sellingpartnerapi-eu.amazon.com/amazon';
    let ok = 0;
    for (let i = 0; i < count; i++) {
      const offer = newPrice(i);
      await sp.callAPI({
        operation: 'patchListingsItem',
        endpoint: 'listingsItems',
        // Its wait after a 429 (the operation's restore rate, 0.2 s) runs as fast as the simulator.
        options: { version: '2021-08-01', restore_rate: 1 / (PATCH.rate * scale) },
        path: { sellerId: sim.amazon.sellerId, sku: offer.sku },
        query: { marketplaceIds: [IT] },
        body: {
          productType: 'PUZZLE',
          patches: [{ op: 'replace', path: '/attributes/purchasable_offer', value: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: offer.priceMinor / 100 }] }] }] }],
        },
      });
      ok++;
    }
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds: wall * scale, ok };
  } finally {
    await sim.close();
  }
}

/** The best strategy's floor in real seconds: per-item patches at 5/s after the burst, or one feed's processing. */
function floor(count: number): { seconds: number; strategy: string } {
  const perItem = Math.max(0, count - PATCH.burst) / PATCH.rate;
  const feed = (FEED.baseMs + FEED.perMessageMs * count) / 1000;
  return perItem <= feed ? { seconds: perItem, strategy: 'per-item' } : { seconds: feed, strategy: 'feed' };
}

/**
 * Price pushes of `count` changes at Amazon's documented limits (run `scale`× faster, figures
 * in real-account seconds). Targets: ≤ 1.2× the best floor + 1 s; at 200 no slower than the
 * peer, at 5,000 ≤ 0.3× the peer.
 */
export async function benchAmazonPush(count: number, scale: number): Promise<BenchResult> {
  const ours = await inOwnProcess<Awaited<ReturnType<typeof civettaPush>>>('civetta', count, scale);
  const peer = await inOwnProcess<Awaited<ReturnType<typeof peerPush>>>('peer', count, scale);
  const best = floor(count);
  const toFloor = ours.seconds / Math.max(best.seconds, 1e-9);
  const toPeer = ours.seconds / peer.seconds;
  const peerTarget = count >= 1000 ? 0.3 : 1;
  return {
    name: `amazon: push ${count} price changes (simulator ×${scale}, feeds 2 min + 20 ms a message)`,
    figures: {
      strategy: ours.strategy, seconds: round(ours.seconds, 1), writes: ours.writes, floorSeconds: round(best.seconds, 1), floorStrategy: best.strategy,
      ratioToFloor: round(toFloor), peerSeconds: round(peer.seconds, 1), ratioToPeer: round(toPeer),
    },
    target: `≤ 1.2× floor + 1 s; ≤ ${peerTarget}× the amazon-sp-api client (one patch per SKU); every change accepted`,
    met: ours.seconds <= best.seconds * 1.2 + 1 && toPeer <= peerTarget && ours.ok === count && peer.ok === count,
  };
}

const self = fileURLToPath(import.meta.url);

/**
 * One side's push in a fresh process with its own simulator: both start cold, as a cron run
 * does. In one process the side run second found Node's HTTP stack and the simulator already
 * compiled (about 0.1–0.2 s of real-account time at 200 changes).
 */
async function inOwnProcess<T>(side: 'civetta' | 'peer', count: number, scale: number): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [self, side, String(count), String(scale)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as T;
}

if (process.argv[1] === self) {
  const [side, count = '200', scale = '2'] = process.argv.slice(2);
  const push = side === 'peer' ? peerPush : side === 'civetta' ? civettaPush : undefined;
  if (!push) throw new Error('usage: amazon-push civetta|peer [COUNT] [SCALE]');
  process.stdout.write(JSON.stringify(await push(Number(count), Number(scale))));
}
