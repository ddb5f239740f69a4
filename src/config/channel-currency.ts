import type { ChannelId } from '../domain/ids.js';
import type { Config } from './schema.js';

/** The currency a channel's offers are priced in: its own, else the shop's. */
export function channelCurrency(config: Config, channel: ChannelId): string {
  return config.channels[channel]?.currency ?? config.shop.currency;
}
