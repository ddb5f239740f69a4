import type { Channel } from '../channels/channel.js';
import { createChannels } from '../channels/registry.js';
import { channelCredentials, type ChannelCredentials } from '../config/credentials.js';
import { enabledChannels, noEnabledChannel } from '../config/enabled-channels.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { ChannelId } from '../domain/ids.js';
import type { ProductLookup } from '../domain/stored-order.js';
import type { ChannelHooksOptions } from '../hooks/channel-hooks.js';
import { productLookup } from '../orders/product-lookup.js';
import { readShopStock, stockAsOf } from '../stock/read-shop-stock.js';
import type { StockReadResult } from '../stock/read-stock.js';
import { ledgerSelectionInputs } from './ledger-inputs.js';
import type { RunContext } from './run-context.js';

/**
 * The shop one command works on. Each part is resolved on first use and kept for the run, so a
 * command never reads the stock file twice nor words "no channel" its own way.
 */
export interface Shop {
  readonly loaded: LoadedConfig;
  /** The enabled channels (or only the one asked for), in CHANNEL_IDS order; InputError (exit 2) when there is none. */
  channels(): ChannelId[];
  /** The stock file, read once (StockFileError, exit 2, when it is refused). */
  stock(): Promise<StockReadResult>;
  /** When the stock file was written (open orders shipped after it still hold their units). */
  stockAsOf(): Date;
  /** Stock facts for order lines stored without them; undefined, with a warning, when the stock file cannot be read. */
  products(): Promise<ProductLookup | undefined>;
  /** Per channel, what the ledger knows that shapes a selection, read as `sync` reads it. */
  selectionInputs(): Map<ChannelId, ChannelHooksOptions>;
  /** The credentials of one channel (InputError, exit 2, naming what is missing). */
  credentials(channel: ChannelId): ChannelCredentials;
  /** The adapters of `channels()`, credentials resolved (InputError, exit 2, when missing). */
  adapters(): Map<ChannelId, Channel>;
  /** One enabled channel's adapter alone, whatever else is enabled (undefined when it is not). */
  adapter(channel: ChannelId): Channel | undefined;
}

/** Loads the config (InputError, exit 2, on any problem) and hands the shop to a command. */
export async function openShop(ctx: RunContext, opts: { channel?: ChannelId } = {}): Promise<Shop> {
  return shopOf(await ctx.loadConfig(), ctx, opts);
}

/** The shop of a config already loaded (`validate` reads it itself, to report its problems rather than stop). */
export function shopOf(loaded: LoadedConfig, ctx: RunContext, opts: { channel?: ChannelId } = {}): Shop {
  let stock: Promise<StockReadResult> | undefined;
  let adapters: Map<ChannelId, Channel> | undefined;
  const deps = { log: ctx.out.log, now: () => ctx.now().getTime() };
  const shop: Shop = {
    loaded,
    channels() {
      const channels = enabledChannels(loaded, opts.channel);
      if (channels.length === 0) throw noEnabledChannel(loaded, opts.channel);
      return channels;
    },
    stock: () => (stock ??= readShopStock(loaded)),
    stockAsOf: () => stockAsOf(loaded),
    async products() {
      try {
        return productLookup(await shop.stock(), loaded.config);
      } catch (error) {
        ctx.out.log.warn(`the stock file could not be read (${error instanceof Error ? error.message : String(error)}); EAN, VAT and cost come only from the ledger`);
        return undefined;
      }
    },
    selectionInputs: () => ledgerSelectionInputs(loaded, shop.channels(), ctx.now()),
    credentials: (channel) => channelCredentials(loaded, channel, ctx.env),
    adapters() {
      adapters ??= createChannels(loaded, ctx.env, deps, opts.channel);
      if (adapters.size === 0) throw noEnabledChannel(loaded, opts.channel);
      return adapters;
    },
    adapter: (channel) => adapters?.get(channel) ?? createChannels(loaded, ctx.env, deps, channel).get(channel),
  };
  return shop;
}
