import { readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
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

/** Where cosmiconfig looks, in each folder from the working directory up to the project root. */
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
  // searchStrategy 'project': walk up from cwd until a folder with package.json (toolchain.md §7).
  // The built-in .ts loader needs TypeScript's JS API, which TypeScript 7 lacks (toolchain.md §7).
  return cosmiconfig('civetta', {
    searchStrategy: 'project',
    searchPlaces: SEARCH_PLACES,
    loaders: { '.ts': TypeScriptLoader(), '.mts': TypeScriptLoader() },
  });
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
  const wanted = opts.file ? resolve(opts.cwd, opts.file) : undefined;
  let found: { config: unknown; filepath: string } | null;
  try {
    found = wanted ? await explorer().load(wanted) : await explorer().search(opts.cwd);
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
  if (!result.loaded || errors.length) {
    const where = result.file ? ` (${result.file})` : '';
    throw new InputError(`the config is not valid${where}: ${errors.length} problem(s)`, errors.map(problemText));
  }
  return result.loaded;
}
