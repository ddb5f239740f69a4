import { CHANNEL_IDS, type ChannelId } from '../domain/ids.js';
import type { LoadedConfig } from './loaded-config.js';

/** The channels configured and enabled, in CHANNEL_IDS order (or just `only` when it is one of them). */
export function enabledChannels(loaded: LoadedConfig, only?: ChannelId): ChannelId[] {
  return CHANNEL_IDS.filter((id) => loaded.config.channels[id]?.enabled && (only === undefined || only === id));
}
