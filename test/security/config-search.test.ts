// Whose config? A config planted above the working directory, or a JS/TS config someone else can
// change, is never loaded: loading a JS/TS config runs it, with the CIVETTA_* secrets in its
// environment. Each planted config writes a marker file if it ever runs (spawned CLI).
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

let dir: TempDir | undefined;
afterEach(() => dir?.cleanup());

const STOCK = 'Codice,Descrizione,Prezzo,Giacenza\nGIO-001,Costruzioni,10.00,3\n';
const CONFIG = { shop: { name: 'Negozio' }, stock: { file: './stock.csv', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' } }, hooks: { rules: [{ name: 'all', take: 5, rank: 'quantity' }] } };

/** A JS config that leaves `marker` behind when it runs. */
function plantedJs(marker: string): string {
  return `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, String(Object.keys(process.env).filter((k) => k.startsWith('CIVETTA_'))));\nexport default ${JSON.stringify(CONFIG)};\n`;
}

describe('config search stops where the user’s own folders end', () => {
  it('a civetta.config.mjs planted in a shared (world-writable) parent folder is not found, and never runs', async () => {
    dir = tempDir();
    const shared = join(dir.path, 'shared');
    const mine = join(shared, 'mine');
    mkdirSync(mine, { recursive: true });
    const marker = join(dir.path, 'ran');
    writeFileSync(join(shared, 'civetta.config.mjs'), plantedJs(marker));
    writeFileSync(join(mine, 'stock.csv'), STOCK);
    chmodSync(shared, 0o1777);
    const run = await runCli(['validate'], { cwd: mine, env: { CIVETTA_EBAY_REFRESH_TOKEN: 'v^1.1#planted-config-victim' } });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout + run.stderr).toContain(`no civetta config found in ${mine}`);
    expect(existsSync(marker)).toBe(false);
  });

  it('the search stops at the home folder and at the first project folder (package.json)', async () => {
    dir = tempDir();
    dir.write({
      'civetta.config.yaml': JSON.stringify(CONFIG),
      'home/work/stock.csv': STOCK,
      'other/civetta.config.yaml': JSON.stringify(CONFIG),
      'other/proj/package.json': '{"name":"proj"}',
      'other/proj/sub/stock.csv': STOCK,
    });
    const fromHome = await runCli(['validate'], { cwd: join(dir.path, 'home/work'), env: { HOME: join(dir.path, 'home') } });
    expect(fromHome.code, fromHome.stderr).toBe(2);
    expect(fromHome.stdout).toContain('no civetta config found');
    const fromProject = await runCli(['validate'], { cwd: join(dir.path, 'other/proj/sub'), env: { HOME: join(dir.path, 'home') } });
    expect(fromProject.code, fromProject.stderr).toBe(2);
    expect(fromProject.stdout).toContain('no civetta config found');
    // Within the project the search still climbs (a config at the project root, run from a subfolder).
    dir.write({ 'other/proj/civetta.config.yaml': JSON.stringify({ ...CONFIG, stock: { ...CONFIG.stock, file: './sub/stock.csv' } }) });
    const found = await runCli(['validate'], { cwd: join(dir.path, 'other/proj/sub'), env: { HOME: join(dir.path, 'home') } });
    expect(found.code, found.stderr).toBe(0);
  });
});

describe('a JS/TS config someone else can change is refused', () => {
  it.each([
    ['group-writable', (f: string) => chmodSync(f, 0o664), /can be changed by its group \(mode 664\)/],
    ['world-writable', (f: string) => chmodSync(f, 0o666), /can be changed by every user \(mode 666\)/],
    ['owned by another user', (f: string) => chownSync(f, 4242, 4242), /owned by another user \(uid 4242\)/],
  ])('%s: exit 2 naming the file, and it never runs (also with --config)', async (_what, spoil, message) => {
    dir = tempDir();
    const marker = join(dir.path, 'ran');
    const file = join(dir.path, 'civetta.config.mjs');
    dir.write({ 'civetta.config.mjs': plantedJs(marker), 'stock.csv': STOCK });
    spoil(file);
    for (const args of [['validate'], ['--config', file, 'validate'], ['--config', file, 'hooks']]) {
      const run = await runCli(args, { cwd: dir.path });
      expect(run.code, run.stderr).toBe(2);
      // validate lists it as a problem; any other command stops with it.
      const said = args.includes('hooks') ? run.stderr : run.stdout;
      expect(said).toContain(file);
      expect(said).toContain('refused to load the config');
      expect(said).toMatch(message);
    }
    expect(existsSync(marker)).toBe(false);
    // The owner's own, private file runs as before.
    chownSync(file, process.getuid!(), process.getgid!());
    chmodSync(file, 0o644);
    expect((await runCli(['validate'], { cwd: dir.path })).code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });
});
