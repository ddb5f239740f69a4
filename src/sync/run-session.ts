import type { Channel } from '../channels/channel.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { ChannelId } from '../domain/ids.js';
import { ChannelAuthError, errorExitCode } from '../errors.js';
import { openLedger, type Ledger } from '../ledger/database.js';
import { acquireLock } from '../ledger/lock.js';
import { finishRun, startRun, type RunEnd } from '../ledger/runs.js';
import type { SyncDeps } from './sync-deps.js';

/** A writing run: the lock held, the ledger open, a run row started, the adapters authenticated. */
export interface RunSession {
  ledger: Ledger;
  runId: number;
  /** The channels that accepted their credentials. */
  adapters: Map<ChannelId, Channel>;
  /** Channels whose credentials were refused (only with `keepGoing`): nothing is sent to them. */
  refused: ChannelAuthError[];
  /** Records the run's end and releases everything; safe to call once per session. */
  close(end: Omit<RunEnd, 'finishedAt'>): void;
}

export interface SessionOptions {
  command: string;
  channel?: ChannelId;
  dryRun: boolean;
  forcedGuards: readonly string[];
  /**
   * A channel that refuses its credentials is left out and the others go on (a sync must not
   * leave eBay offering stock Amazon's outage kept it from lowering); the run still ends in
   * exit 5. Without it, or when every channel refuses, the run stops before any write.
   */
  keepGoing?: boolean;
}

/**
 * Takes the run lock (exit 3 at once when held), opens the ledger, records the run and
 * authenticates every channel it touches, so refused credentials stop it (exit 5) before any
 * write. On failure everything taken is released and the run row says how it ended.
 */
export async function openSession(loaded: LoadedConfig, opts: SessionOptions, deps: SyncDeps): Promise<RunSession> {
  const file = loaded.config.ledger;
  const release = acquireLock(file, opts.command, deps.now);
  let ledger: Ledger | undefined;
  let runId: number | undefined;
  let closed = false;
  const close = (end: Omit<RunEnd, 'finishedAt'>) => {
    if (closed) return;
    closed = true;
    try {
      if (ledger && runId !== undefined) finishRun(ledger, runId, { ...end, finishedAt: deps.now().toISOString() });
    } finally {
      ledger?.close();
      release();
    }
  };
  try {
    ledger = openLedger(file);
    runId = startRun(ledger, {
      command: opts.command,
      ...(opts.channel ? { channel: opts.channel } : {}),
      dryRun: opts.dryRun,
      forcedGuards: opts.forcedGuards,
      startedAt: deps.now().toISOString(),
    });
    const adapters = deps.createChannels(loaded, deps.env, { log: deps.log, now: () => deps.now().getTime() }, opts.channel);
    const refused: ChannelAuthError[] = [];
    for (const [id, adapter] of [...adapters]) {
      try {
        await adapter.authenticate();
      } catch (error) {
        if (!(error instanceof ChannelAuthError) || !opts.keepGoing) throw error;
        refused.push(error);
        adapters.delete(id);
        deps.log.warn(`${id}: ${error.message} Nothing is sent to ${id} in this run; the other channels go on.`);
      }
    }
    if (adapters.size === 0 && refused[0]) throw refused[0];
    return { ledger, runId, adapters, refused, close };
  } catch (error) {
    const exitCode = errorExitCode(error);
    close({ planned: 0, succeeded: 0, failed: 0, deferred: 0, exitCode, note: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
