import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { addExcludeToYaml } from '../config/add-exclude.js';
import { loadConfig } from '../config/load.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';

/** What `delist --exclude` did to the config. */
export type ExcludeResult =
  | { done: true; file: string }
  | { done: false; file: string; howTo: string };

/**
 * Adds `sku` to `hooks.exclude` in the owner's config file. A YAML file is edited in place with
 * its comments kept, then loaded again to prove the result is the config it was plus the SKU (the
 * original is put back otherwise); a JS/TS/JSON config is not rewritten: the owner is told what to add.
 */
export async function excludeSku(loaded: LoadedConfig, sku: string): Promise<ExcludeResult> {
  const file = loaded.file;
  if (loaded.config.hooks.exclude.includes(sku)) return { done: true, file };
  const byHand = { done: false as const, file, howTo: `add "${sku}" to hooks.exclude in ${file} by hand` };
  if (!['.yaml', '.yml'].includes(extname(file).toLowerCase()) && !/\.civettarc$/.test(file)) return byHand;
  const before = await readFile(file, 'utf8');
  const after = addExcludeToYaml(before, sku);
  if (after === undefined) return byHand;
  // The owner's own file: rewritten with the mode it had, not the 0600 of civetta's outputs.
  await writeFileAtomic(file, after, (await stat(file)).mode & 0o7777);
  try {
    const reloaded = await loadConfig({ cwd: loaded.dir, file });
    if (reloaded.config.hooks.exclude.includes(sku)) return { done: true, file };
  } catch {
    // Falls through: the edit broke the file, which is put back below.
  }
  await writeFile(file, before);
  return byHand;
}
