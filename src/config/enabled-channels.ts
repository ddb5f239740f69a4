import { CHANNEL_IDS, type ChannelId } from '../domain/ids.js';
import { InputError } from '../errors.js';
import type { LoadedConfig } from './loaded-config.js';

/** The channels configured and enabled, in CHANNEL_IDS order (or just `only` when it is one of them). */
export function enabledChannels(loaded: LoadedConfig, only?: ChannelId): ChannelId[] {
  return CHANNEL_IDS.filter((id) => loaded.config.channels[id]?.enabled && (only === undefined || only === id));
}

/** The one refusal of every command that needs a channel and finds none (exit 2). */
export function noEnabledChannel(loaded: LoadedConfig, only?: ChannelId): InputError {
  return new InputError(only ? `The ${only} channel is not configured and enabled in ${loaded.file}.` : `No channel is configured and enabled in ${loaded.file}.`);
}
