// The packed package installed as a shop owner installs it: `npm pack`, then `npm install -g`
// into a fresh prefix, then `civetta demo` from an unrelated folder with only that prefix's bin
// on PATH. Offline and hermetic: dependencies come from a loopback registry built from this
// checkout's node_modules, npm uses an empty cache of its own, and better-sqlite3's install
// script finds its binary in that cache (test/support/local-registry.ts says why that is sound).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPrebuild, startLocalRegistry, type LocalRegistry } from '../support/local-registry.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A child process, awaited without blocking this process: the registry answers from here. */
function run(command: string, args: readonly string[], opts: { cwd: string; env: Record<string, string> }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm pack → npm install -g → civetta on PATH', () => {
  let dir: TempDir;
  let registry: LocalRegistry;
  let tarball: string;
  const npmEnv = (): Record<string, string> => {
    const env: Record<string, string> = {};
    for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[k]) env[k] = process.env[k]!;
    return { ...env, npm_config_cache: join(dir.path, 'cache'), npm_config_registry: registry.url, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
  };

  beforeAll(async () => {
    dir = tempDir('civetta-install-');
    registry = await startLocalRegistry(ROOT);
    // `npm test` built dist/ already; --ignore-scripts packs it as it is (prepack would rebuild).
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir.path], { cwd: ROOT, encoding: 'utf8', env: npmEnv() });
    tarball = join(dir.path, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
    seedPrebuild(ROOT, join(dir.path, 'cache'));
  }, 120_000);
  afterAll(async () => {
    await registry?.close();
    dir?.cleanup();
  });

  it('the tarball holds the CLI and the sample shop, no source maps or bench output', () => {
    const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(list).toContain('package/bin/civetta.js');
    expect(list).toContain('package/dist/src/cli/main.js');
    expect(list).toContain('package/fixtures/shop/civetta.config.yaml');
    expect(list.filter((f) => f.endsWith('.map') || f.startsWith('package/dist/bench/') || f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
  });

  it('installs with no warning, and `civetta demo` works from another folder', async () => {
    const prefix = join(dir.path, 'prefix');
    const install = await run('npm', ['install', '-g', '--prefix', prefix, '--allow-scripts=better-sqlite3', tarball], { cwd: dir.path, env: npmEnv() });
    expect(install.status, install.stdout + install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/npm warn|allowScripts|install-scripts/i);
    expect(existsSync(join(prefix, 'bin', 'civetta'))).toBe(true);
    // The binary came from the seeded cache, not from a compile.
    expect(readdirSync(join(prefix, 'lib/node_modules/civetta/node_modules/better-sqlite3/build/Release'))).toContain('better_sqlite3.node');

    const elsewhere = join(dir.path, 'somewhere-else');
    mkdirSync(elsewhere);
    const env = { PATH: [join(prefix, 'bin'), '/usr/bin', '/bin'].join(delimiter), HOME: dir.path, CI: '1', NO_COLOR: '1' };
    const version = await run('civetta', ['--version'], { cwd: elsewhere, env });
    expect(version.status, version.stderr).toBe(0);
    const demo = await run('civetta', ['demo'], { cwd: elsewhere, env });
    expect(demo.status, demo.stdout + demo.stderr).toBe(0);
    expect(demo.stdout).toContain('5. Export:');
    // The demo's own hint is a command that works as printed, from anywhere.
    const hint = /civetta --config (\S+) status/.exec(demo.stdout);
    expect(hint, demo.stdout).not.toBeNull();
    expect(hint![1]!.startsWith('/')).toBe(true);
  }, 900_000);
});
