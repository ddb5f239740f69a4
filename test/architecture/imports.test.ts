/**
 * The layering ARCHITECTURE.md describes, checked over the import lines of every file in src/.
 * A rule that cannot hold yet names its remaining breaches in the list beside it; the test fails
 * both on a new breach and on a listed one that is gone, so those lists only shrink.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The layers of ARCHITECTURE.md, top first: a file imports from its own layer or a lower one.
 * `.` is the top of src/ (errors.ts, log.ts).
 */
const LAYERS = [
  ['cli'],
  ['app'],
  ['sync'],
  ['reports', 'orders', 'executor'],
  ['channels', 'simulator'],
  ['hooks', 'pricing', 'plan'],
  ['stock', 'config'],
  ['ledger', 'http', 'files'],
  ['domain', '.'],
];

/** Folders whose code decides without touching the world: hook selection, pricing, the planner. */
const PURE_CORE = ['hooks', 'pricing', 'plan'];

/** Modules that reach files, the database, the network or the terminal. */
const IO_MODULE = /^(node:)?(fs|fs\/promises|http|https|http2|net|tls|dgram|child_process|readline|worker_threads)$|^(better-sqlite3|undici|cosmiconfig.*|ora)$/;

/** Remaining breaches, as "src/file.ts -> target"; remove a line when its import is gone. */
const ALLOWED_UPWARD: string[] = [];
const ALLOWED_AGAINST_LAYERS: string[] = [];
const ALLOWED_IO_IN_CORE: string[] = [];
const ALLOWED_FOLDER_CYCLES: string[] = [];

interface Import {
  /** The importing file, relative to src/ with forward slashes. */
  file: string;
  line: number;
  /** A file relative to src/ for relative imports, otherwise the package or node: name. */
  target: string;
  local: boolean;
  /** `import type` / `export type`: erased at build time, so it does no I/O at run time. */
  typeOnly: boolean;
  /** The names a statement brings in (`{ a, b as c }` gives a and b); `*` for a namespace import; none for dynamic imports. */
  names: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const fromSrc = (path: string) => relative(SRC, path).split(sep).join('/');

/** Import and re-export statements start a line; their specifier ends it (the project's style, kept by the formatter). */
const STATEMENT = /^(import|export)\s+(type\s+)?(?:[^;'"()=]*?\sfrom\s+)?['"]([^'"]+)['"];?[ \t]*$/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function namesIn(statement: string): string[] {
  if (/^\w+\s+(type\s+)?\*/.test(statement)) return ['*'];
  const braces = /\{([^}]*)\}/.exec(statement)?.[1] ?? '';
  return braces.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!).filter(Boolean);
}

function importsOf(path: string): Import[] {
  const text = readFileSync(path, 'utf8');
  const file = fromSrc(path);
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const found: Import[] = [];
  const add = (spec: string, index: number, typeOnly: boolean, names: string[]) => {
    const local = spec.startsWith('.');
    let target = spec;
    if (local) {
      const resolved = resolve(dirname(path), spec.replace(/\.js$/, '.ts'));
      // An import the check cannot place would make every rule below blind to it.
      if (!existsSync(resolved)) throw new Error(`${file}:${lineAt(index)}: cannot resolve ${spec}`);
      target = fromSrc(resolved);
    }
    found.push({ file, line: lineAt(index), target, local, typeOnly, names });
  };
  for (const m of text.matchAll(STATEMENT)) add(m[3]!, m.index, m[2] !== undefined, namesIn(m[0]));
  for (const m of text.matchAll(DYNAMIC)) add(m[1]!, m.index, false, []);
  return found;
}

/** `cli/commands/sync.ts` → `cli`; files at the top of src/ (errors.ts, log.ts) are their own folder `.`. */
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');
const show = (i: Import) => `src/${i.file} -> ${i.local ? `src/${i.target}` : i.target}`;

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);
const byFile = new Map<string, Import[]>();
for (const i of imports) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);

/** Every module a file loads at run time, directly or through other files of src/, with the file that loads it. */
function runtimeClosure(file: string): Map<string, string> {
  const loadedBy = new Map<string, string>();
  const stack = [file];
  while (stack.length) {
    for (const i of byFile.get(stack.pop()!) ?? []) {
      if (i.typeOnly || loadedBy.has(i.target)) continue;
      loadedBy.set(i.target, i.file);
      if (i.local) stack.push(i.target);
    }
  }
  return loadedBy;
}

/** Groups of folders that import each other, directly or round a loop (Tarjan's strongly connected components). */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return groups;
}

describe('the import graph of src/', () => {
  it('reads every file and finds the imports it holds', () => {
    // Guards the parser: if the statement pattern stopped matching, every rule would pass vacuously.
    expect(files.length).toBeGreaterThan(200);
    expect(imports.filter((i) => i.local).length).toBeGreaterThan(files.length);
    expect(imports).toContainEqual(expect.objectContaining({ file: 'ledger/database.ts', target: 'better-sqlite3', typeOnly: false }));
    expect(imports).toContainEqual(expect.objectContaining({ file: 'app/open-shop.ts', target: 'channels/registry.ts', names: ['createChannels'] }));
  });

  it('points down: only cli/ imports cli/, and only cli/ and app/ import app/', () => {
    const upward = imports.filter((i) => {
      if (!i.local) return false;
      const [from, to] = [folderOf(i.file), folderOf(i.target)];
      if (to === 'cli') return from !== 'cli';
      if (to === 'app') return from !== 'cli' && from !== 'app';
      return false;
    });
    expect(upward.map(show).sort()).toEqual([...ALLOWED_UPWARD].sort());
  });

  it('imports only from its own layer or a lower one, and every folder has a layer', () => {
    const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));
    const folders = new Set(files.map((f) => folderOf(fromSrc(f))));
    expect([...folders].filter((f) => layerOf(f) < 0)).toEqual([]);
    const against = imports.filter((i) => i.local && layerOf(folderOf(i.target)) < layerOf(folderOf(i.file)));
    expect(against.map(show).sort()).toEqual([...ALLOWED_AGAINST_LAYERS].sort());
  });

  it(`keeps ${PURE_CORE.join('/, ')}/ free of I/O, even through the modules they load`, () => {
    const breaches: string[] = [];
    for (const file of byFile.keys()) {
      if (!PURE_CORE.includes(folderOf(file))) continue;
      for (const [target, by] of runtimeClosure(file)) {
        if (IO_MODULE.test(target)) breaches.push(`src/${file} -> ${target}${by === file ? '' : ` (through src/${by})`}`);
      }
    }
    expect(breaches.sort()).toEqual([...ALLOWED_IO_IN_CORE].sort());
  });

  it(`names no marketplace in ${PURE_CORE.join('/, ')}/: each channel folder hands its rules in as data`, () => {
    // A quoted channel id in code (\`channel === 'ebay'\`) is a marketplace rule in the wrong place.
    const naming: string[] = [];
    for (const path of files) {
      const file = fromSrc(path);
      if (!PURE_CORE.includes(folderOf(file))) continue;
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/^\s*\*/.test(code)) return;
        if (/['"`](amazon|ebay)['"`]/.test(code)) naming.push(`src/${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(naming).toEqual([]);
  });

  it('has no folders that import each other, directly or round a loop', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      if (!i.local) continue;
      const [from, to] = [folderOf(i.file), folderOf(i.target)];
      if (from === to) continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
    const groups = folderCycles(edges);
    const crossing = imports.filter((i) => i.local && groups.some((g) => g.includes(folderOf(i.file)) && g.includes(folderOf(i.target)) && folderOf(i.file) !== folderOf(i.target)));
    expect(groups.map((g) => g.join(' <-> ')).sort(), `imports inside the loops:\n${crossing.map(show).join('\n')}`).toEqual([...ALLOWED_FOLDER_CYCLES].sort());
  });

  it('reaches a channel from outside channels/ only through its public entry (channels/<name>/index.ts)', () => {
    const inside = imports.filter((i) => {
      if (!i.local || folderOf(i.file) === 'channels') return false;
      const parts = i.target.split('/');
      return parts[0] === 'channels' && parts.length > 2 && parts[2] !== 'index.ts';
    });
    expect(inside.map(show)).toEqual([]);
  });

  it('builds adapters and clients in app/ only: cli/ imports no channel factory (openShop, openEbayApp, syncDepsFrom do)', () => {
    // One way from a command to a marketplace: credentials resolved, .env warned about and
    // simulator waits scaled the same for every command.
    const factories = imports.filter((i) => i.local && folderOf(i.file) === 'cli' && folderOf(i.target) === 'channels' && i.names.some((n) => n === '*' || /^create[A-Z]/.test(n)));
    expect(factories.map((i) => `${show(i)}: ${i.names.join(', ')}`)).toEqual([]);
  });

  it('keeps the simulator apart from the adapters it stands in for', () => {
    const shared = imports.filter((i) => {
      const [from, to] = [folderOf(i.file), folderOf(i.target)];
      return i.local && ((from === 'simulator' && to === 'channels') || (from === 'channels' && to === 'simulator'));
    });
    expect(shared.map(show)).toEqual([]);
  });
});
