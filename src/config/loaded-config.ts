import type { Problem } from '../domain/problem.js';
import type { Config } from './schema.js';

/**
 * The config file after validation. `config.stock.file` and `config.ledger` are already
 * absolute (resolved against the config file's folder); `resolve` does the same for other paths.
 */
export interface LoadedConfig {
  config: Config;
  /** Absolute path of the config file. */
  file: string;
  /** Its folder: relative paths in the config are resolved from here. */
  dir: string;
  resolve(relativePath: string): string;
  /** Findings of the config's cross-field rules that do not stop a run (shown by `validate`). */
  warnings?: readonly Problem[];
}
