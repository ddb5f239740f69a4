import { rm } from 'node:fs/promises';
import { createAmazonChannel } from '../src/channels/amazon/index.js';
import type { Channel } from '../src/channels/channel.js';
import { createChannels } from '../src/channels/registry.js';
import type { LoadedConfig } from '../src/config/loaded-config.js';
import { loadConfig } from '../src/config/load.js';
import { channelCredentials } from '../src/config/credentials.js';
import type { ChannelId } from '../src/domain/ids.js';
import { readShopStock } from '../src/stock/read-shop-stock.js';
import { collectingLogger } from '../src/log.js';
import { catalogFor, prepareDemoShop } from '../src/orders/demo-shop.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { runSync } from '../src/sync/run-sync.js';
import { round, scaledFeedPolling, type BenchResult } from './measure.js';
import { benchShop } from './shop.js';

/** Amazon runs at its documented limits × SCALE, feed processing ÷ SCALE; eBay states no per-second limit. */
const SCALE = 40;

interface SyncFigures {
  seconds: number;
  calls: Record<ChannelId, number>;
  writes: Record<ChannelId, number>;
  failed: number;
  created: number;
}

async function syncOnce(sim: Simulator, loaded: LoadedConfig, scale: number): Promise<SyncFigures> {
  const log = collectingLogger();
  const factory: typeof createChannels = (l, env, deps, only) => {
    const channels = createChannels(l, env, deps, only);
    const amazon = l.config.channels.amazon;
    if (channels.has('amazon') && amazon) {
      const { source: _source, ...credentials } = channelCredentials(l, 'amazon', env);
      // Feed polling scaled with the simulator, as a real account's minutes are its seconds here.
      channels.set('amazon', createAmazonChannel(amazon, { currency: l.config.shop.currency }, { ...deps, credentials }, { feedPolling: scaledFeedPolling(scale) }) as Channel);
    }
    return channels;
  };
  const before = { amazon: sim.count(undefined, 'amazon'), ebay: sim.count(undefined, 'ebay') };
  const writesBefore = { amazon: sim.writeCount('amazon'), ebay: sim.writeCount('ebay') };
  const started = process.hrtime.bigint();
  const report = await runSync(loaded, { dryRun: false, forceGuard: [] }, { env: {}, now: () => new Date(), log, createChannels: factory });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    seconds,
    calls: { amazon: sim.count(undefined, 'amazon') - before.amazon, ebay: sim.count(undefined, 'ebay') - before.ebay },
    writes: { amazon: sim.writeCount('amazon') - writesBefore.amazon, ebay: sim.writeCount('ebay') - writesBefore.ebay },
    failed: report.failed.length,
    created: report.plan.actions.filter((a) => a.kind === 'create').length,
  };
}

async function shopOnSimulator(products: number, channels: { amazon: boolean; ebay: boolean }, scale: number) {
  const sim = await startSimulator({
    timeScale: scale,
    ebay: { locations: [{ merchantLocationKey: 'negozio', name: 'Negozio', merchantLocationStatus: 'ENABLED', location: { address: { city: 'Bologna', postalCode: '40121', country: 'IT' } } }] },
  });
  const shop = await benchShop(products, sim.origin, channels);
  const loaded = await loadConfig({ cwd: shop.dir, file: shop.config });
  sim.amazon.addCatalog(catalogFor((await readShopStock(loaded)).items()));
  return { sim, shop, loaded };
}

/** eBay's first listing of 200 hooks, at the simulator's real (unscaled) limits. */
export async function benchEbayFirstListing(hooks = 200): Promise<BenchResult> {
  const { sim, shop, loaded } = await shopOnSimulator(hooks, { amazon: false, ebay: true }, 1);
  try {
    const run = await syncOnce(sim, loaded, 1);
    const reads = sim.requests.filter((r) => r.service === 'ebay' && !r.write && r.operation !== 'getToken').length;
    const writes = run.writes.ebay;
    return {
      name: `ebay: first listing of ${hooks} hooks (sync)`,
      figures: { hooks, created: run.created, failed: run.failed, calls: run.calls.ebay, reads, writes, seconds: round(run.seconds) },
      target: '≤ 30 writes beyond the reads, every hook listed',
      met: writes <= 30 && run.failed === 0 && run.created === hooks,
    };
  } finally {
    await sim.close();
    await rm(shop.dir, { recursive: true, force: true });
  }
}

/** The demo's first sync: the sample shop's hooks on both channels, at the simulator's real limits. */
export async function benchDemoFirstSync(): Promise<BenchResult> {
  const sim = await startSimulator({
    amazon: { autoCatalog: true },
    ebay: { locations: [{ merchantLocationKey: 'negozio', name: 'Giocattoli Rossi', merchantLocationStatus: 'ENABLED', location: { address: { city: 'Torino', postalCode: '10121', country: 'IT' } } }] },
  });
  const shop = prepareDemoShop(sim.origin);
  try {
    const loaded = await loadConfig({ cwd: shop.dir, file: shop.config });
    sim.amazon.addCatalog(catalogFor((await readShopStock(loaded)).items()));
    const run = await syncOnce(sim, loaded, 1);
    return {
      name: 'demo shop: first sync on both channels (real limits)',
      figures: { created: run.created, failed: run.failed, amazonCalls: run.calls.amazon, ebayCalls: run.calls.ebay, seconds: round(run.seconds) },
      target: '< 8 s',
      met: run.seconds < 8,
    };
  } finally {
    await sim.close();
    await rm(shop.dir, { recursive: true, force: true });
  }
}

/**
 * A sync right after the first one, with nothing changed: reads only. One shop per channel:
 * Amazon's at SCALE (its feeds take minutes), eBay's at 1× (eBay states no per-second limit,
 * and a scaled token lifetime of 3 minutes would fall inside civetta's 5-minute renewal margin).
 */
export async function benchNoOpSync(hooks = 1000): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [channel, scale] of [['amazon', SCALE], ['ebay', 1]] as const) {
    const { sim, shop, loaded } = await shopOnSimulator(hooks, { amazon: channel === 'amazon', ebay: channel === 'ebay' }, scale);
    try {
      const first = await syncOnce(sim, loaded, scale);
      const again = await syncOnce(sim, loaded, scale);
      results.push({
        name: `${channel}: no-op sync of ${hooks} hooks${scale > 1 ? ` (simulator ×${scale})` : ''}`,
        figures: {
          hooks, firstSyncSeconds: round(first.seconds * scale), firstSyncFailed: first.failed, calls: again.calls[channel], writes: again.writes[channel],
          seconds: round(again.seconds * scale),
        },
        target: '0 writes',
        met: again.writes[channel] === 0 && first.failed === 0 && first.created === hooks,
      });
    } finally {
      await sim.close();
      await rm(shop.dir, { recursive: true, force: true });
    }
  }
  return results;
}

if (process.argv[1]?.endsWith('sync-runs.js')) {
  const which = process.argv[2];
  const n = Number(process.argv[3] ?? (which === 'noop' ? 1000 : 200));
  console.log(JSON.stringify(which === 'noop' ? await benchNoOpSync(n) : which === 'demo' ? await benchDemoFirstSync() : await benchEbayFirstListing(n)));
}
