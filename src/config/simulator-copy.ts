import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import type { ChannelId } from '../domain/ids.js';

/** The simulator's endpoints per channel, as `startSimulator()` reports them. */
export type SimulatorEndpoints = Record<ChannelId, { endpoint: string; tokenEndpoint: string }>;

/**
 * Writes a copy of a config (any format cosmiconfig reads) as `civetta.config.json` into
 * `toDir`, with every channel in `environment: simulator` pointed at `endpoints`. The stock
 * file stays where the original says (made absolute); the ledger goes into `toDir`, so a
 * demo never writes beside the original. Returns the path written.
 */
export async function writeSimulatorConfig(from: string, toDir: string, endpoints: SimulatorEndpoints): Promise<string> {
  const found = await cosmiconfig('civetta').load(from);
  const raw = structuredClone((found?.config ?? {}) as Record<string, unknown>);
  const stock = raw.stock as Record<string, unknown> | undefined;
  if (stock && typeof stock.file === 'string' && !isAbsolute(stock.file)) stock.file = resolve(dirname(from), stock.file);
  raw.ledger = join(toDir, 'civetta.db');
  const channels = (raw.channels ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const id of Object.keys(endpoints) as ChannelId[]) {
    const channel = channels[id];
    if (channel && channel.environment === 'simulator') Object.assign(channel, endpoints[id]);
  }
  mkdirSync(toDir, { recursive: true });
  const file = join(toDir, 'civetta.config.json');
  writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
  return file;
}
