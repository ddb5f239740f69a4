import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SPINNER_FRAMES, bareEnv, spawnExact } from '../acceptance/acceptance-helpers.js';
import { runCli } from '../support/run-cli.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'civetta-demo-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('civetta demo', () => {
  it('runs the whole cycle from the repository and exits 0: listings on both channels, orders pulled, export written', async () => {
    // TMPDIR keeps the demo's shop copy inside this test's scratch folder.
    const r = await runCli(['demo'], { cwd: REPO, env: { TMPDIR: scratch }, timeoutMs: 170_000 });
    const finished = Date.now();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const created = [...r.stdout.matchAll(/^ {3}(amazon|ebay): (\d+) listings created$/gm)].map((m) => [m[1], Number(m[2])]);
    expect(created.map(([c]) => c)).toEqual(['amazon', 'ebay']);
    for (const [, n] of created) expect(n).toBeGreaterThan(0);
    const pulled = [...r.stdout.matchAll(/^ {3}(amazon|ebay): (\d+) orders pulled \((\d+) new\)$/gm)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(pulled).toEqual([['amazon', 8, 8], ['ebay', 8, 8]]);
    const exportFile = /→ (.+ordini\.csv)$/m.exec(r.stdout)?.[1];
    expect(exportFile?.startsWith(scratch)).toBe(true);
    const csv = readFileSync(exportFile!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').trimEnd().split('\r\n')).toHaveLength(1 + 16);
    expect(existsSync(join(exportFile!, '..', 'hooks.html'))).toBe(true);
    expect(r.stdout).toMatch(/^7\. Top hooks so far/m);
    // No timestamp the demo wrote lies in the future (the simulated payment wait is in the past).
    const ledger = new Database(join(exportFile!, '..', 'civetta.db'), { readonly: true });
    try {
      const latest = ledger.prepare('SELECT max(created_at) AS at FROM orders').get() as { at: string };
      expect(Date.parse(latest.at)).toBeLessThanOrEqual(finished);
      const runs = ledger.prepare('SELECT max(finished_at) AS at FROM sync_runs').get() as { at: string };
      expect(Date.parse(runs.at)).toBeLessThanOrEqual(finished);
    } finally {
      ledger.close();
    }
  }, 180_000);

  it('on a terminal, the syncs and the pull show a spinner with the stage (the piped run above printed nothing on stderr)', async () => {
    const r = await spawnExact(['demo'], { cwd: REPO, env: { ...bareEnv(), TERM: 'xterm', TMPDIR: scratch }, tty: true, timeoutMs: 170_000 });
    expect(r.code, r.stdout).toBe(0);
    // `script` merges the terminal's output: spinner frames and stage text sit beside the numbered steps.
    expect(r.stdout).toMatch(SPINNER_FRAMES);
    expect(r.stdout).toMatch(/Syncing the hooks to both channels: \S/);
    expect(r.stdout).toContain('Pulling the orders…');
    expect(r.stdout).toMatch(/^2\. Sync to both channels:/m);
  }, 180_000);
});
