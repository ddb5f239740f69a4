import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A read-only npm registry on 127.0.0.1 serving the packages already installed in this
 * checkout's node_modules, at the versions package-lock.json names. It lets a test install the
 * packed tarball the way a shop owner would (`npm install -g`, resolving every dependency through
 * a registry) with no network: each package's tarball is packed from its installed folder, its
 * packument built from its package.json.
 *
 * better-sqlite3's folder is packed without its compiled `build/`, so its install script really
 * runs; see `seedPrebuild` for how that script finds the binary offline.
 */
export interface LocalRegistry {
  url: string;
  close(): Promise<void>;
}

interface Entry {
  name: string;
  version: string;
  manifest: Record<string, unknown>;
  dir: string;
  /** Packed on first request: most of node_modules (test tools) is never asked for. */
  tarball?: Buffer;
}

/** `tar` of an installed package folder as npm lays tarballs out (`package/…`), nested node_modules left out. */
function packFolder(dir: string, exclude: readonly string[]): Buffer {
  return execFileSync('tar', ['-cz', '--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=1985-10-26', '--exclude=./node_modules', ...exclude.map((e) => `--exclude=./${e}`), '--transform', 's,^\\.,package,', '-C', dir, '.'], { maxBuffer: 256 * 1024 * 1024 });
}

export async function startLocalRegistry(root: string): Promise<LocalRegistry> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; link?: boolean }> };
  const byName = new Map<string, Entry[]>();
  for (const [path, info] of Object.entries(lock.packages)) {
    if (!path || info.link || !info.version) continue;
    const dir = join(root, path);
    if (!existsSync(join(dir, 'package.json'))) continue; // an optional package for another platform
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string; version: string };
    const list = byName.get(manifest.name) ?? [];
    if (list.some((e) => e.version === manifest.version)) continue;
    list.push({ name: manifest.name, version: manifest.version, manifest, dir });
    byName.set(manifest.name, list);
  }

  let origin = '';
  const tarballPath = (e: Entry) => `/${e.name}/-/${e.name.replace(/^@[^/]+\//, '')}-${e.version}.tgz`;
  const tarballs = new Map<string, Entry>();
  for (const list of byName.values()) for (const e of list) tarballs.set(tarballPath(e), e);
  const packed = (e: Entry): Buffer => (e.tarball ??= packFolder(e.dir, e.name === 'better-sqlite3' ? ['build'] : []));

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const entry = tarballs.get(path);
    if (entry) {
      const tarball = packed(entry);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length });
      res.end(tarball);
      return;
    }
    const list = byName.get(path.slice(1));
    if (!list) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"Not found"}');
      return;
    }
    const versions: Record<string, unknown> = {};
    for (const e of list) {
      const tarball = packed(e);
      versions[e.version] = {
        ...e.manifest,
        dist: {
          tarball: `${origin}${tarballPath(e)}`,
          integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
          shasum: createHash('sha1').update(tarball).digest('hex'),
        },
      };
    }
    const latest = list.map((e) => e.version).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1)!;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ name: list[0]!.name, 'dist-tags': { latest }, versions }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/**
 * better-sqlite3's install script is `prebuild-install || node-gyp rebuild`. prebuild-install
 * first looks in `<npm cache>/_prebuilds/` for the release tarball it would download, named
 * after a hash of the download URL; seeding that cache with the binary this checkout already
 * compiled (same version, same Node ABI) is what an offline machine with a warm cache has.
 * Without it the script would compile from source (about two minutes here), still offline.
 */
export function seedPrebuild(root: string, cacheDir: string): void {
  const dir = join(root, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  // prebuild-install's download URL (its util.getDownloadUrl with better-sqlite3's GitHub repository).
  const url = `https://github.com/WiseLibs/better-sqlite3/releases/download/v${version}/${name}`;
  const digest = createHash('sha512').update(url).digest('hex').slice(0, 6);
  const target = join(cacheDir, '_prebuilds', `${digest}-${name.replace(/[^a-zA-Z0-9.]+/g, '-')}`);
  mkdirSync(join(cacheDir, '_prebuilds'), { recursive: true });
  execFileSync('tar', ['-czf', target, '-C', dir, 'build/Release/better_sqlite3.node']);
}
