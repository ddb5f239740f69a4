import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { TypeScriptLoader } from 'cosmiconfig-typescript-loader';
import type { LoadedConfig } from './loaded-config.js';
import type { Problem } from '../domain/problem.js';
import { InputError } from '../errors.js';
import { Config } from './schema.js';
import { issuesToProblems, keyPath, type Locate } from './issues.js';
import { locateKey } from './locate-key.js';
import { checkConfigRules } from './rules.js';
import { problemText } from './problem-text.js';

/** Where civetta looks, in each folder from the working directory up to the project folder (see searchFolders). */
const SEARCH_PLACES = [
  'civetta.config.yaml',
  'civetta.config.yml',
  'civetta.config.json',
  'civetta.config.ts',
  'civetta.config.mts',
  'civetta.config.js',
  'civetta.config.mjs',
  'civetta.config.cjs',
  '.civettarc',
  '.civettarc.yaml',
  '.civettarc.yml',
  '.civettarc.json',
  '.config/civettarc.yaml',
  '.config/civettarc.json',
  'package.json',
];

export interface LoadConfigOptions {
  cwd: string;
  /** `--config FILE`, relative to cwd; otherwise the search runs from cwd upwards. */
  file?: string;
}

/** The outcome of reading a config: the loaded config when usable, and every problem found. */
export interface ConfigReadResult {
  /** Absolute path of the file read, when one was found. */
  file?: string;
  loaded?: LoadedConfig;
  problems: Problem[];
}

function explorer() {
  // cosmiconfig only loads: civetta walks the folders itself (searchFolders), because cosmiconfig's
  // 'project' search climbs to / when there is no package.json, into folders anyone can write.
  // The built-in .ts loader needs TypeScript's JS API, which TypeScript 7 lacks (toolchain.md §7).
  return cosmiconfig('civetta', {
    searchStrategy: 'none',
    searchPlaces: SEARCH_PLACES,
    loaders: { '.ts': TypeScriptLoader(), '.mts': TypeScriptLoader() },
  });
}

/** Config files that are code: loading one runs it, with the CIVETTA_* secrets in its environment. */
const CODE_CONFIG = /\.(?:[cm]?js|[cm]?ts)$/i;

/**
 * The folders searched for a config, from `cwd` up: the search stops at the first project folder
 * (one with a package.json) or at the user's home, and never climbs into a folder owned by
 * another user or writable by others (e.g. /tmp, a shared drive), where anyone could plant a config.
 */
function searchFolders(cwd: string, home = homedir()): string[] {
  const folders = [resolve(cwd)];
  for (;;) {
    const here = folders[folders.length - 1]!;
    const parent = dirname(here);
    if (parent === here || here === home || existsSync(join(here, 'package.json')) || !ownFolder(parent)) return folders;
    folders.push(parent);
  }
}

function ownFolder(dir: string): boolean {
  try {
    const st = statSync(dir);
    return st.uid === process.getuid?.() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The first config file in the searched folders, in SEARCH_PLACES order (package.json only with a `civetta` key). */
function findConfigFile(cwd: string): string | undefined {
  for (const dir of searchFolders(cwd)) {
    for (const place of SEARCH_PLACES) {
      const file = join(dir, place);
      if (!existsSync(file)) continue;
      if (place !== 'package.json' || hasCivettaKey(file)) return file;
    }
  }
  return undefined;
}

function hasCivettaKey(file: string): boolean {
  try {
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof json === 'object' && json !== null && 'civetta' in json;
  } catch {
    return false;
  }
}

/**
 * Why a JS/TS config must not run: it is code, run with the shop's credentials in reach, so it
 * must be the user's own and writable only by them. Undefined when it is fine (or not code).
 */
function unsafeCodeConfig(file: string): string | undefined {
  if (!CODE_CONFIG.test(file)) return undefined;
  const st = statSync(file);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return `it is owned by another user (uid ${st.uid}), and a JS/TS config runs as code`;
  if ((st.mode & 0o022) !== 0) return `it can be changed by ${st.mode & 0o002 ? 'every user' : 'its group'} (mode ${(st.mode & 0o777).toString(8)}), and a JS/TS config runs as code`;
  return undefined;
}

function loadError(file: string | undefined, error: unknown): Problem {
  const e = error as { code?: string; message?: string; mark?: { line: number; column: number }; reason?: string };
  if (e.code === 'ENOENT') {
    return { severity: 'error', code: 'config-not-found', ...(file ? { file } : {}), message: 'config file not found', expected: 'an existing file' };
  }
  const mark = e.mark;
  return {
    severity: 'error',
    code: 'config-unreadable',
    ...(file ? { file } : {}),
    ...(mark ? { line: mark.line + 1, column: String(mark.column + 1) } : {}),
    message: `cannot read the config: ${e.reason ?? e.message ?? String(error)}`,
  };
}

/** Finds and reads the config, validates it; never throws for bad input, returns the problems. */
export async function readConfig(opts: LoadConfigOptions): Promise<ConfigReadResult> {
  const wanted = opts.file ? resolve(opts.cwd, opts.file) : findConfigFile(opts.cwd);
  let found: { config: unknown; filepath: string } | null = null;
  try {
    const unsafe = wanted && existsSync(wanted) ? unsafeCodeConfig(wanted) : undefined;
    if (unsafe) {
      return {
        file: wanted!,
        problems: [{ severity: 'error', code: 'config-unsafe', file: wanted!, message: `refused to load the config: ${unsafe}`, expected: 'a config file owned by you and writable only by you (chmod go-w)' }],
      };
    }
    if (wanted) found = await explorer().load(wanted);
  } catch (error) {
    // A file found by the search but unreadable (a YAML slip): cosmiconfig names it in `filepath`.
    const file = wanted ?? (error as { filepath?: unknown }).filepath;
    const named = typeof file === 'string' ? file : undefined;
    return { ...(named ? { file: named } : {}), problems: [loadError(named, error)] };
  }
  if (!found) {
    return {
      problems: [{
        severity: 'error',
        code: 'config-not-found',
        message: `no civetta config found in ${opts.cwd} or its parent folders (run \`civetta init\` or pass --config FILE)`,
      }],
    };
  }
  const file = found.filepath;
  const locate = locator(file);
  const parsed = Config.safeParse(found.config ?? {});
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.error.issues, Config, found.config, locate).map((p) => ({ ...p, file }));
    return { file, problems: byLine(problems) };
  }
  const findings = checkConfigRules(parsed.data).map(({ path, ...f }): Problem => {
    const pos = locate(path);
    return { ...f, key: keyPath(path), file, ...(pos ? { line: pos.line, column: String(pos.column) } : {}) };
  });
  if (findings.some((p) => p.severity === 'error')) return { file, problems: byLine(findings) };
  const dir = dirname(file);
  const at = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  const config: Config = { ...parsed.data, stock: { ...parsed.data.stock, file: at(parsed.data.stock.file) }, ledger: at(parsed.data.ledger) };
  return { file, loaded: { config, file, dir, resolve: at, warnings: findings }, problems: findings };
}

/** Problems in file order (those without a line keep their place at the end). */
function byLine(problems: Problem[]): Problem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? Infinity) - (b.p.line ?? Infinity) || a.i - b.i).map(({ p }) => p);
}

/** Positions of keys in a YAML or JSON config; JS/TS configs get the file name only. */
function locator(file: string): Locate {
  const ext = extname(file).toLowerCase();
  const kind = ext === '.json' || file.endsWith('package.json') ? 'json' : ['.yaml', '.yml', ''].includes(ext) ? 'yaml' : undefined;
  if (!kind) return () => undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return () => undefined;
  }
  return (path) => locateKey(text, path, kind);
}

/** Loads the config or throws InputError (exit 2) listing every error. Warnings are kept on `loaded.warnings`. */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const result = await readConfig(opts);
  const errors = result.problems.filter((p) => p.severity === 'error');
  const notFound = errors.find((p) => p.code === 'config-not-found');
  if (notFound) throw new InputError(notFound.file ? `config file not found: ${notFound.file}` : notFound.message);
  const unsafe = errors.find((p) => p.code === 'config-unsafe');
  if (unsafe) throw new InputError(`${unsafe.file}: ${unsafe.message}`, [`Expected ${unsafe.expected ?? ''}.`]);
  if (!result.loaded || errors.length) {
    const where = result.file ? ` (${result.file})` : '';
    throw new InputError(`the config is not valid${where}: ${errors.length} problem(s)`, errors.map(problemText));
  }
  return result.loaded;
}
