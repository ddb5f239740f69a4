import { loadConfig } from '../config/load.js';
import type { GlobalOptions, Output, RunContext } from '../app/run-context.js';
import type { LoadedConfig } from '../config/loaded-config.js';

export interface ContextInput {
  options: GlobalOptions;
  out: Output;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
}

/** Builds the RunContext once per invocation; the config is read on first use and then kept. */
export function buildContext(input: ContextInput): RunContext {
  let config: Promise<LoadedConfig> | undefined;
  return {
    options: input.options,
    out: input.out,
    cwd: input.cwd,
    env: input.env,
    now: input.now ?? (() => new Date()),
    loadConfig() {
      config ??= loadConfig({ cwd: input.cwd, ...(input.options.config ? { file: input.options.config } : {}) });
      return config;
    },
  };
}
