import type { Channel } from '../channels/channel.js';
import type { ChannelDeps } from '../http/channel-deps.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { ChannelId } from '../domain/ids.js';
import type { Logger } from '../log.js';

/** Builds the adapters of the channels a run touches (the registry; tests pass fakes). */
type ChannelFactory = (
  loaded: LoadedConfig,
  env: Readonly<Record<string, string | undefined>>,
  deps: Omit<ChannelDeps, 'credentials'>,
  only?: ChannelId,
) => Map<ChannelId, Channel>;

/** What a run takes from its surroundings. */
export interface SyncDeps {
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  log: Logger;
  createChannels: ChannelFactory;
  /** Progress events for the CLI to draw (a spinner on a TTY); the engine never draws. */
  onProgress?: (event: SyncProgress) => void;
}

export type SyncProgress =
  | { stage: 'orders' | 'stock' | 'read-back' | 'plan' | 'guards' }
  | { stage: 'apply'; channel: ChannelId; done: number; total: number; sku: string; ok: boolean };
