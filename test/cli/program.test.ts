import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GUARD_NAMES } from '../../src/plan/guards.js';
import { runCli } from '../support/run-cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('civetta (spawned)', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => dir.cleanup());

  it('--version prints the package version', async () => {
    const r = await runCli(['--version'], { cwd: dir.path });
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists every contract command and the global flags', async () => {
    const r = await runCli(['--help'], { cwd: dir.path });
    expect(r.code).toBe(0);
    for (const name of ['init', 'validate', 'hooks', 'plan', 'sync', 'list', 'delist', 'orders', 'auth', 'ebay', 'status', 'report', 'simulator', 'demo']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    for (const flag of ['--config <file>', '--json', '--quiet', '--verbose', '--version']) expect(r.stdout).toContain(flag);
  });

  it('subcommand help shows its own flags and the global ones', async () => {
    const r = await runCli(['orders', 'export', '--help'], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: civetta orders export [options]');
    for (const flag of ['--from <date>', '--to <date>', '--format <format>', '--out <file>', 'Global Options:', '--json']) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('sync --help names every guard --force-guard can override', async () => {
    const r = await runCli(['sync', '--help'], { cwd: dir.path });
    expect(r.code).toBe(0);
    // Help text wraps: join the lines before looking for the list.
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--force-guard <name>');
    for (const guard of GUARD_NAMES) expect(help).toContain(guard);
  });

  it('an unknown channel is a usage error: exit 2, JSON error only on stdout', async () => {
    const r = await runCli(['plan', '--channel', 'etsy', '--json'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { message: "option '--channel <channel>' argument 'etsy' is invalid. Allowed choices are amazon, ebay.", exitCode: 2, details: [] },
    });
    expect(r.stderr).toContain("error: option '--channel <channel>' argument 'etsy' is invalid.");
  });

  it('a missing mandatory flag is a usage error (exit 2)', async () => {
    const r = await runCli(['delist', 'SKU1'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: required option '--channel <channel>' not specified");
  });

  it('a non-numeric --port is a usage error (exit 2)', async () => {
    const r = await runCli(['simulator', '--port', 'abc'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be a whole number ≥ 0.');
  });
});
