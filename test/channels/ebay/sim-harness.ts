import { afterEach } from 'vitest';
import { createEbayChannel, type EbayChannel } from '../../../src/channels/ebay/index.js';
import type { ChangeOutcome, ListingChange } from '../../../src/channels/channel.js';
import { collectingLogger } from '../../../src/log.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator/index.js';
import { fakeClock } from '../../support/fake-clock.js';
import { ebayConfig } from './helpers.js';

export const LOCATION = { merchantLocationKey: 'negozio', name: 'Negozio', location: { address: { addressLine1: 'Via Roma 12', city: 'Bologna', postalCode: '40121', country: 'IT' } } };

const running: Simulator[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

/** A simulator on loopback and an eBay channel pointed at it, with a collecting logger and a fake clock for the adapter. */
export async function ebayOnSimulator(options: SimulatorOptions = {}, configOver: Record<string, unknown> = {}) {
  const sim = await startSimulator({ rateLimiting: false, ...options, ebay: { locations: [LOCATION], ...options.ebay } });
  running.push(sim);
  const log = collectingLogger();
  const clock = fakeClock(Date.now());
  const config = ebayConfig({ endpoint: sim.endpoints.ebay.endpoint, tokenEndpoint: sim.endpoints.ebay.tokenEndpoint, ...configOver });
  const channel: EbayChannel = createEbayChannel(config, { currency: 'EUR' }, { log, now: clock.now, sleep: clock.sleep });
  return { sim, channel, log, clock, config };
}

/** Applies changes and returns their outcomes by SKU. */
export async function applyAll(channel: EbayChannel, changes: ListingChange[]): Promise<Map<string, ChangeOutcome>> {
  const outcomes = new Map<string, ChangeOutcome>();
  await channel.apply(changes, (o) => outcomes.set(o.sku, o));
  return outcomes;
}

/** The requests the simulator saw for one operation. */
export function seen(sim: Simulator, operation: string) {
  return sim.requests.filter((r) => r.operation === operation);
}
