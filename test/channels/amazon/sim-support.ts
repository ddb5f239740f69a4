import { createAmazonChannel, type AmazonChannel, type AmazonChannelOptions } from '../../../src/channels/amazon/index.js';
import type { ChangeOutcome, ListingChange } from '../../../src/channels/channel.js';
import { collectingLogger } from '../../../src/log.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator/index.js';
import { amazonConfig } from './helpers.js';
import type { ChannelDeps } from '../../../src/http/channel-deps.js';

/** 2026-11-23T00:00:00Z: the simulator's clock base in these tests. */
const FROZEN_EPOCH_MS = Date.UTC(2026, 10, 23);

/** A simulator and an Amazon channel pointed at it, sharing the simulator's clock. */
export interface SimChannel {
  sim: Simulator;
  channel: AmazonChannel;
  log: ReturnType<typeof collectingLogger>;
  apply(changes: ListingChange[]): Promise<ChangeOutcome[]>;
}

export async function simChannel(
  simOptions: SimulatorOptions = {},
  config: Record<string, unknown> = {},
  options: AmazonChannelOptions = {},
  deps: Partial<ChannelDeps> = {},
): Promise<SimChannel> {
  // Simulated time stands still unless someone waits: pacing is deterministic, not racing the wall clock.
  const sim = await startSimulator({ now: () => FROZEN_EPOCH_MS, ...simOptions });
  const log = collectingLogger();
  const channel = createAmazonChannel(
    amazonConfig({ environment: 'simulator', ...sim.endpoints.amazon, sellerId: sim.amazon.sellerId, ...config }),
    { currency: 'EUR' },
    {
      log,
      now: () => sim.clock.nowMs(),
      // Waiting moves simulated time: buckets refill and feeds progress without real sleeps.
      sleep: async (ms) => sim.clock.advance(ms),
      ...deps,
    },
    { retry: { attempts: 4, baseMs: 50, maxMs: 400 }, feedPolling: { firstDelayMs: 30_000, maxDelayMs: 60_000, maxWaitMs: 30 * 60_000 }, ...options },
  );
  return {
    sim,
    channel,
    log,
    async apply(changes) {
      const outcomes: ChangeOutcome[] = [];
      await channel.apply(changes, (o) => outcomes.push(o));
      return outcomes;
    },
  };
}
