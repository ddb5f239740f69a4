import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../src/ledger/database.js';

/** A fresh ledger file in its own temp folder. */
export function tempLedger(): { ledger: Ledger; dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'civetta-orders-'));
  const ledger = openLedger(join(dir, 'civetta.db'));
  return {
    ledger,
    dir,
    dispose: () => {
      ledger.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
