import type { LoadedConfig } from '../cli/context.js';
import { CHANNEL_IDS, type ChannelId } from '../domain/ids.js';
import { readStock, type StockReadResult } from '../stock/read-stock.js';
import { channelHooks, type ChannelHooks, type ChannelHooksOptions } from './channel-hooks.js';

/** Reads the stock file the config names (throws StockFileError, exit 2, when it is refused). */
export function readShopStock(loaded: LoadedConfig): Promise<StockReadResult> {
  const s = loaded.config.stock;
  return readStock({
    file: s.file,
    encoding: s.encoding,
    delimiter: s.delimiter,
    decimal: s.decimal,
    quote: s.quote,
    columns: s.columns,
    maxBadRowsPercent: s.maxBadRowsPercent,
  });
}

/** The channels configured and enabled, in CHANNEL_IDS order (or just `only` when it is one of them). */
export function enabledChannels(loaded: LoadedConfig, only?: ChannelId): ChannelId[] {
  return CHANNEL_IDS.filter((id) => loaded.config.channels[id]?.enabled && (only === undefined || only === id));
}

export interface DesiredOffersOptions extends ChannelHooksOptions {
  /** A stock read already done this run (read once, use for every channel). */
  stock?: StockReadResult;
}

/** Stock, hook selection and desired offers of one channel. */
export interface DesiredOffers extends ChannelHooks {
  stock: StockReadResult;
}

/**
 * The one call for commands that need what civetta wants live on a channel: reads the stock
 * file (unless given), selects the hooks and builds their offers.
 * Example: `const { offers, selection } = await desiredOffers(await ctx.loadConfig(), 'ebay', { previous, sales, openOrderUnits })`.
 */
export async function desiredOffers(loaded: LoadedConfig, channel: ChannelId, opts: DesiredOffersOptions = {}): Promise<DesiredOffers> {
  const stock = opts.stock ?? (await readShopStock(loaded));
  return { ...channelHooks(loaded.config, stock.items, channel, opts), stock };
}
