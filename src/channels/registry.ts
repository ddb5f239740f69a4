import type { LoadedConfig } from '../config/loaded-config.js';
import type { ChannelDeps } from '../http/channel-deps.js';
import type { Config } from '../config/schema.js';
import { channelCredentials, dotEnvExposure } from '../config/credentials.js';
import { parseTimeScale } from '../config/time-scale.js';
import type { ChannelId } from '../domain/ids.js';
import type { ListingRules } from '../domain/listing-rules.js';
import { AMAZON_LISTING_RULES, createAmazonChannel } from './amazon/index.js';
import type { Channel } from './channel.js';
import { createEbayChannel, EBAY_LISTING_RULES } from './ebay/index.js';

/** Builds one adapter from the whole config (it reads its own section) and its resolved deps. */
type Factory = (config: Config, deps: ChannelDeps) => Channel | undefined;

/**
 * Every channel civetta knows. `satisfies` makes a channel added to CHANNEL_IDS without an
 * adapter here a type error.
 */
const FACTORIES = {
  amazon: (config, deps) => {
    const section = config.channels.amazon;
    return section ? createAmazonChannel(section, { currency: config.shop.currency, handlingDays: config.shop.handlingDays }, deps) : undefined;
  },
  ebay: (config, deps) => {
    const section = config.channels.ebay;
    return section ? createEbayChannel(section, { currency: config.shop.currency }, deps) : undefined;
  },
} as const satisfies Record<ChannelId, Factory>;

/** What each marketplace accepts of a product, for hook selection (hooks/ knows no marketplace). */
export const LISTING_RULES: Readonly<Record<ChannelId, ListingRules>> = { amazon: AMAZON_LISTING_RULES, ebay: EBAY_LISTING_RULES };

/**
 * The adapters of the enabled channels (or only `only`), with their credentials from the
 * environment or `.env` (simulator ones in `environment: simulator`). Missing credentials or a
 * refused endpoint throw InputError (exit 2) here, before any request.
 */
export function createChannels(
  loaded: LoadedConfig,
  env: Readonly<Record<string, string | undefined>>,
  deps: Omit<ChannelDeps, 'credentials'>,
  only?: ChannelId,
): Map<ChannelId, Channel> {
  const channels = new Map<ChannelId, Channel>();
  const exposed = dotEnvExposure(loaded.dir);
  if (exposed) deps.log.warn(exposed);
  for (const id of Object.keys(FACTORIES) as ChannelId[]) {
    if (only !== undefined && id !== only) continue;
    if (!loaded.config.channels[id]?.enabled) continue;
    const { source: _source, ...credentials } = channelCredentials(loaded, id, env);
    const channel = FACTORIES[id](loaded.config, { ...deps, ...simulatorWaits(loaded.config.channels[id]?.environment, env, deps), credentials });
    if (channel) channels.set(id, channel);
  }
  return channels;
}

/**
 * Against a simulator started with CIVETTA_SIM_TIME_SCALE=N (set in civetta's environment too),
 * civetta's own waits (backoff, pacing, feed polling) run N times faster, as the simulator's
 * limits and processing times do. Never for a real marketplace.
 */
function simulatorWaits(
  environment: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  deps: Omit<ChannelDeps, 'credentials'>,
): Pick<ChannelDeps, 'sleep'> {
  if (environment !== 'simulator') return {};
  const scale = parseTimeScale(env.CIVETTA_SIM_TIME_SCALE);
  if (scale === 1) return {};
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return { sleep: (ms) => sleep(ms / scale) };
}
