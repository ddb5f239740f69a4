// Files that hold buyer data, sales or secrets are the owner's alone, whatever the umask, and
// civetta never writes a secret through a symbolic link someone planted (spawned CLI).
import { chmodSync, existsSync, lstatSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS } from '../../src/config/credentials.js';
import { knownShop } from '../orders/known-ledger.js';
import { runCli } from '../support/run-cli.js';
import { loopbackServer } from '../support/loopback-server.js';

const dirs: string[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function shop() {
  const s = knownShop();
  dirs.push(s.dir);
  return s;
}

const mode = (file: string) => statSync(file).mode & 0o777;

/** An eBay token endpoint on loopback that answers a code exchange with `refreshToken`. */
async function ebayTokenServer(refreshToken: string): Promise<string> {
  const server = await loopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      access_token: 'v^1.1#i^1#access-private-files', expires_in: 7200, token_type: 'User Access Token',
      refresh_token: refreshToken, refresh_token_expires_in: 47304000,
    }));
  });
  closers.push(server.close);
  return server.origin;
}

function addEbay(config: string, origin: string): void {
  writeFileSync(config, `${readFileSync(config, 'utf8')}channels:\n  ebay:\n    environment: sandbox\n    endpoint: ${origin}/ebay\n    tokenEndpoint: ${origin}/ebay/identity/v1/oauth2/token\n    ruName: Giocattoli_Rossi-civetta-SBX-test\n    merchantLocationKey: negozio\n    policies: { fulfillment: "1", payment: "2", return: "3" }\n    enabled: false\n`);
}

const KEYS = { CIVETTA_EBAY_CLIENT_ID: SIMULATOR_CREDENTIALS.ebay.clientId, CIVETTA_EBAY_CLIENT_SECRET: 'private-files-secret-42' };

describe('files with buyer data or reports are created 0600', () => {
  it('orders export --out and report hooks --html, under umask 022, are readable by the owner only', async () => {
    const s = shop();
    const csv = join(s.dir, 'out', 'ordini.csv');
    const html = join(s.dir, 'out', 'hooks.html');
    // Existing, world-readable files are replaced, not written through.
    const run = await runCli(['orders', 'export', '--out', csv], { cwd: s.dir });
    expect(run.code, run.stderr).toBe(0);
    chmodSync(csv, 0o644);
    expect((await runCli(['orders', 'export', '--out', csv], { cwd: s.dir })).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('12-34567-89012');
    const report = await runCli(['report', 'hooks', '--html', html], { cwd: s.dir });
    expect(report.code, report.stderr).toBe(0);
    expect([mode(csv), mode(html)]).toEqual([0o600, 0o600]);
  });
});

describe('.env and the lock owner note', () => {
  it('auth ebay --write-env refuses a .env that is a symbolic link, and leaves its target alone', async () => {
    const s = shop();
    addEbay(s.config, await ebayTokenServer('v^1.1#i^1#r^1#never-written-here'));
    const victim = join(s.dir, 'victim.txt');
    writeFileSync(victim, 'not yours\n', { mode: 0o644 });
    symlinkSync(victim, join(s.dir, '.env'));
    const run = await runCli(['auth', 'ebay', '--code', 'v%5E1.1%23i%5E1%23code', '--write-env'], { cwd: s.dir, env: KEYS });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('it is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
    expect(mode(victim)).toBe(0o644);
    expect(lstatSync(join(s.dir, '.env')).isSymbolicLink()).toBe(true);
  });

  it('auth ebay --write-env writes a fresh 0600 .env over a 0644 one (no half-written file), and refuses a token with a line break', async () => {
    const s = shop();
    addEbay(s.config, await ebayTokenServer('v^1.1#i^1#r^1#fresh-token'));
    const env = join(s.dir, '.env');
    writeFileSync(env, 'OTHER=kept\n', { mode: 0o644 });
    chmodSync(env, 0o644);
    const run = await runCli(['auth', 'ebay', '--code', 'v%5E1.1%23i%5E1%23code', '--write-env'], { cwd: s.dir, env: KEYS });
    expect(run.code, run.stderr).toBe(0);
    // The .env was readable by others when the run began: the owner is told.
    expect(run.stderr).toMatch(/\.env can be read by every user of this machine \(mode 644\)/);
    expect(mode(env)).toBe(0o600);
    expect(readFileSync(env, 'utf8')).toBe("OTHER=kept\nCIVETTA_EBAY_REFRESH_TOKEN='v^1.1#i^1#r^1#fresh-token'\n");

    const s2 = shop();
    addEbay(s2.config, await ebayTokenServer('v^1.1#i^1#bad\nCIVETTA_AMAZON_CLIENT_SECRET=planted'));
    const bad = await runCli(['auth', 'ebay', '--code', 'v%5E1.1%23i%5E1%23code', '--write-env'], { cwd: s2.dir, env: KEYS });
    expect(bad.code, bad.stderr).toBe(2);
    expect(bad.stderr).toContain('line break');
    expect(existsSync(join(s2.dir, '.env'))).toBe(false);
  });

  it('a group-readable .env gets a warning on every run that reads credentials', async () => {
    const s = shop();
    addEbay(s.config, 'http://127.0.0.1:9');
    writeFileSync(s.config, readFileSync(s.config, 'utf8').replace('enabled: false', 'enabled: true'));
    writeFileSync(join(s.dir, '.env'), "CIVETTA_EBAY_CLIENT_ID=a-client-id\nCIVETTA_EBAY_CLIENT_SECRET=a-secret-value\nCIVETTA_EBAY_REFRESH_TOKEN='v^1.1#x'\n");
    chmodSync(join(s.dir, '.env'), 0o640);
    const run = await runCli(['plan', '--refresh'], { cwd: s.dir });
    expect(run.stderr).toContain('.env can be read by its group (mode 640)');
    expect(run.stderr).toContain('chmod 600');
  });

  it('a planted civetta.db.lock.owner symlink is refused (exit 2), its target untouched, and the lock released', async () => {
    const s = shop();
    const victim = join(s.dir, 'victim.txt');
    writeFileSync(victim, 'not yours\n');
    symlinkSync(victim, join(s.dir, 'civetta.db.lock.owner'));
    const run = await runCli(['orders', 'purge-pii'], { cwd: s.dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('it is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
    rmSync(join(s.dir, 'civetta.db.lock.owner'));
    expect((await runCli(['orders', 'purge-pii'], { cwd: s.dir })).code).toBe(0);
    expect(mode(join(s.dir, 'civetta.db.lock.owner'))).toBe(0o600);
  });
});
