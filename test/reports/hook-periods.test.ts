import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/database.js';
import { readHookPeriods } from '../../src/reports/hook-periods.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

describe('hook periods for the report: only hooks that were really listed', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('keeps live, ended and once-created listings; leaves out hooks whose create was refused', () => {
    dir = tempDir();
    const ledger = openLedger(join(dir.path, 'civetta.db'));
    try {
      const db = ledger.db;
      const hook = db.prepare('INSERT INTO hook_history (channel, sku, since, reason) VALUES (?, ?, ?, ?)');
      const listing = db.prepare("INSERT INTO listings (channel, sku, status, price_minor, quantity, updated_at) VALUES (?, ?, ?, 1000, 1, '2026-11-01T00:00:00Z')");
      for (const sku of ['LIVE', 'ENDED', 'REFUSED', 'RELISTED-REFUSED', 'NEVER-TRIED']) hook.run('ebay', sku, '2026-11-01T00:00:00Z', 'rule');
      listing.run('ebay', 'LIVE', 'active');
      listing.run('ebay', 'ENDED', 'ended');
      listing.run('ebay', 'REFUSED', 'failed');
      listing.run('ebay', 'RELISTED-REFUSED', 'failed');
      db.prepare("INSERT INTO sync_runs (id, command, started_at) VALUES (1, 'sync', '2026-11-01T00:00:00Z')").run();
      const action = db.prepare("INSERT INTO actions (run_id, channel, sku, kind, outcome, created_at) VALUES (1, 'ebay', ?, 'create', ?, '2026-11-01T00:00:00Z')");
      action.run('REFUSED', 'failed');
      action.run('RELISTED-REFUSED', 'ok');
      action.run('RELISTED-REFUSED', 'failed');
      expect(readHookPeriods(ledger).map((p) => p.sku)).toEqual(['ENDED', 'LIVE', 'RELISTED-REFUSED']);
    } finally {
      ledger.close();
    }
  });
});
