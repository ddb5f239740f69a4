import type { Dispatcher } from 'undici';
import type { Logger } from '../log.js';

/** Everything an adapter needs besides its own config section; built once per run. */
export interface ChannelDeps {
  log: Logger;
  /** The undici dispatcher to send through: undici's MockAgent in canned-answer tests. */
  dispatcher?: Dispatcher;
  /** Milliseconds since the epoch; injectable so token expiry and pacing can be tested. */
  now?: () => number;
  /** Waits; injectable so backoff can be tested without real time. */
  sleep?: (ms: number) => Promise<void>;
  /** Credentials from the environment (already resolved; absent in simulator mode). */
  credentials?: { clientId: string; clientSecret: string; refreshToken: string };
}
