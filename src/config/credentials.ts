import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { ChannelId } from '../domain/ids.js';
import { InputError } from '../errors.js';
import { registerSecret } from '../http/redact.js';
import type { LoadedConfig } from './loaded-config.js';

/** The OAuth credentials of one channel (LWA for Amazon, eBay OAuth): never logged, never stored. */
export interface ChannelCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Where they came from, for messages: `environment`, `.env` or `simulator`. */
  source: 'environment' | '.env' | 'simulator';
}

/**
 * The credentials the built-in simulator accepts (see src/simulator); used when a channel is
 * configured with `environment: simulator` and no CIVETTA_* variables are set.
 */
export const SIMULATOR_CREDENTIALS: Record<ChannelId, Omit<ChannelCredentials, 'source'>> = {
  amazon: {
    clientId: 'amzn1.application-oa2-client.civetta-simulator',
    clientSecret: 'civetta-simulator-secret',
    refreshToken: 'Atzr|civetta-simulator',
  },
  ebay: {
    clientId: 'civetta-simulator',
    clientSecret: 'civetta-simulator-secret',
    refreshToken: 'v^1.1#civetta-simulator',
  },
};

const FIELDS = [
  ['clientId', 'CLIENT_ID'],
  ['clientSecret', 'CLIENT_SECRET'],
  ['refreshToken', 'REFRESH_TOKEN'],
] as const;

/** The variable names of one channel: CIVETTA_AMAZON_CLIENT_ID, … */
export function credentialVariables(channel: ChannelId): string[] {
  return FIELDS.map(([, suffix]) => `CIVETTA_${channel.toUpperCase()}_${suffix}`);
}

/** A CIVETTA_* line whose value is not quoted. */
const UNQUOTED_CIVETTA = /^\s*(?:export\s+)?(CIVETTA_[A-Z0-9_]+)\s*=[ \t]*([^'"`\s][^\r\n]*)$/;

/**
 * Variables from the `.env` file beside the config, or none when there is no such file.
 * node's parseEnv cuts an unquoted value at its first `#`, but every eBay refresh token has
 * some (`v^1.1#i^1#…`): for civetta's own variables a `#` starts a comment only at the start
 * of a line or after a space, as in sh and systemd's EnvironmentFile (the README's timer).
 */
export function readDotEnv(dir: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(dir, '.env'), 'utf8');
  } catch {
    return {};
  }
  const values = parseEnv(text) as Record<string, string>;
  for (const line of text.split(/\r?\n/)) {
    const m = UNQUOTED_CIVETTA.exec(line);
    if (m?.[1] && m[2] !== undefined) values[m[1]] = m[2].replace(/\s+#.*$/, '').trimEnd();
  }
  return values;
}

/**
 * A warning when the `.env` beside the config can be read by the group or by everyone (it holds
 * refresh tokens worth a shop's marketplace accounts); none when it is private or absent.
 */
export function dotEnvExposure(dir: string): string | undefined {
  const file = join(dir, '.env');
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    return undefined;
  }
  if ((mode & 0o077) === 0) return undefined;
  const who = mode & 0o004 ? 'every user of this machine' : 'its group';
  return `${file} can be read by ${who} (mode ${(mode & 0o777).toString(8)}): it holds your marketplace credentials. Run: chmod 600 ${file}`;
}

/**
 * One reading of CIVETTA_* variables: the environment first, else the `.env` beside the config,
 * per variable (an empty value counts as unset). Every command's credentials come through here.
 */
function variableReader(loaded: LoadedConfig, env: Readonly<Record<string, string | undefined>>) {
  const dotEnv = readDotEnv(loaded.dir);
  return (name: string): { value: string | undefined; fromEnv: boolean } => {
    const fromEnv = env[name] || undefined;
    return { value: fromEnv ?? (dotEnv[name] || undefined), fromEnv: fromEnv !== undefined };
  };
}

/**
 * The credentials of `channel`: from the environment, else from `.env` beside the config (the
 * environment wins per variable). With `environment: simulator` always the simulator's own, even
 * when CIVETTA_* are set: a "simulator" endpoint may be anything, and must never receive the
 * shop's real refresh token. Missing variables → InputError (exit 2) naming them, never their values.
 */
export function channelCredentials(
  loaded: LoadedConfig,
  channel: ChannelId,
  env: Readonly<Record<string, string | undefined>>,
): ChannelCredentials {
  if (loaded.config.channels[channel]?.environment === 'simulator') return { ...SIMULATOR_CREDENTIALS[channel], source: 'simulator' };
  const read = variableReader(loaded, env);
  const names = credentialVariables(channel);
  const found = names.map(read);
  const missing = names.filter((_, i) => found[i]!.value === undefined);
  if (missing.length) {
    throw new InputError(`${channel} credentials are missing: set ${missing.join(', ')}`, [
      `Put them in the environment or in ${join(loaded.dir, '.env')} (never in the config file).`,
    ]);
  }
  const values = found.map((f) => f.value as string);
  for (const v of values) registerSecret(v);
  const [clientId, clientSecret, refreshToken] = values as [string, string, string];
  return { clientId, clientSecret, refreshToken, source: found.every((f) => f.fromEnv) ? 'environment' : '.env' };
}

/**
 * The eBay app keys (client id and secret) for the commands that need no refresh token (`auth
 * ebay`, `ebay categories`), read as channelCredentials reads them; for a simulator channel always
 * the simulator's. Missing → InputError (exit 2) naming the variables. Only the secret is
 * registered: the client id is part of the consent address the owner is shown.
 */
export function ebayAppKeys(loaded: LoadedConfig, env: Readonly<Record<string, string | undefined>>): { clientId: string; clientSecret: string } {
  const ebay = loaded.config.channels.ebay;
  if (ebay?.environment === 'simulator') {
    const { clientId, clientSecret } = SIMULATOR_CREDENTIALS.ebay;
    return { clientId, clientSecret };
  }
  const read = variableReader(loaded, env);
  const [clientId, clientSecret] = ['CIVETTA_EBAY_CLIENT_ID', 'CIVETTA_EBAY_CLIENT_SECRET'].map((n) => read(n).value);
  if (!clientId || !clientSecret) {
    const missing = [clientId ? undefined : 'CIVETTA_EBAY_CLIENT_ID', clientSecret ? undefined : 'CIVETTA_EBAY_CLIENT_SECRET'].filter(Boolean);
    throw new InputError(`eBay app keys are missing: set ${missing.join(' and ')}`, [
      `From the eBay developer portal (Application Keys, ${ebay?.environment ?? 'production'}); put them in the environment or in ${join(loaded.dir, '.env')}.`,
      'The consent and the category search need only these two (no refresh token).',
    ]);
  }
  registerSecret(clientSecret);
  return { clientId, clientSecret };
}
