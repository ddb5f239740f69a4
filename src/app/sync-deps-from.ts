import { createChannels } from '../channels/registry.js';
import type { RunContext } from './run-context.js';
import type { SyncDeps, SyncProgress } from '../sync/sync-deps.js';

/** The real surroundings of a run started from the CLI. */
export function syncDepsFrom(ctx: RunContext, onProgress?: (event: SyncProgress) => void): SyncDeps {
  return { env: ctx.env, now: ctx.now, log: ctx.out.log, createChannels, ...(onProgress ? { onProgress } : {}) };
}
