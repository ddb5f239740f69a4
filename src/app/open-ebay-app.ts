import { createEbayAppClient, type EbayAppClient } from '../channels/ebay/index.js';
import { dotEnvExposure, ebayAppKeys } from '../config/credentials.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { EbayConfig } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { RunContext } from './run-context.js';

/** What a command acting for the eBay app (not for a seller's listings) works with. */
export interface EbayApp {
  readonly loaded: LoadedConfig;
  readonly ebay: EbayConfig;
  readonly client: EbayAppClient;
}

/**
 * openShop's counterpart for `auth ebay` and `ebay categories`: the config, its eBay section
 * (InputError, exit 2, when there is none), the app keys resolved as every command resolves
 * credentials (with the same warning about a readable .env), and eBay's app client.
 */
export async function openEbayApp(ctx: RunContext): Promise<EbayApp> {
  const loaded = await ctx.loadConfig();
  const ebay = loaded.config.channels.ebay;
  if (!ebay) throw new InputError('there is no channels.ebay section in the config', ['Add the eBay channel first (see `civetta init`).']);
  const exposed = dotEnvExposure(loaded.dir);
  if (exposed) ctx.out.log.warn(exposed);
  const keys = ebayAppKeys(loaded, ctx.env);
  return { loaded, ebay, client: createEbayAppClient(ebay, keys, { log: ctx.out.log, now: () => ctx.now().getTime() }) };
}
