import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openLedger } from '../../src/ledger/database.js';
import { recordHooks } from '../../src/ledger/history.js';
import { unitsSold } from '../../src/hooks/units-sold.js';
import { runCli } from '../support/run-cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const SHOP = fileURLToPath(new URL('../../fixtures/shop', import.meta.url));

describe('hooks reads the ledger like sync does', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('keeps a previous hook within keepMargin (3) of the cut, and says so', async () => {
    dir = tempDir();
    const shop = dir.copy(SHOP, 'shop');
    const ledger = openLedger(join(shop, 'civetta.db'));
    recordHooks(ledger, 'amazon', new Map([['PUZ-0042', 'puzzles-in-stock']]), '2026-11-01T10:00:00.000Z');
    ledger.close();
    const r = await runCli(['hooks', '--explain', '--channel', 'amazon'], { cwd: shop });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('IN  PUZ-0042  Puzzle 1000 pezzi – Animali della savana  — hook: rule puzzles-in-stock: taken (10th of 27, kept as a previous hook)');
    expect(lines).toContain('OUT PUZ-0037  Puzzle 2000 pezzi – Mappa del mondo antico  — not-selected: rule puzzles-in-stock: passed, 8th of 27, not taken: previous hook PUZ-0042 kept (hooks.keepMargin 3)');
  });

  it('without a ledger file, hooks creates none', async () => {
    dir = tempDir();
    const shop = dir.copy(SHOP, 'shop');
    const before = dir.files();
    expect((await runCli(['hooks'], { cwd: shop })).code).toBe(0);
    expect(dir.files()).toEqual(before);
  });
});

describe('unitsSold', () => {
  it('sums units per SKU over every channel, leaving out cancelled and refunded orders', () => {
    const line = (sku: string | undefined, quantity: number) => ({ lineId: 'l', title: 't', quantity, ...(sku ? { sku } : {}) });
    expect(unitsSold([
      { status: 'shipped', lines: [line('A', 2), line('B', 1)] },
      { status: 'unshipped', lines: [line('A', 1), line(undefined, 4)] },
      { status: 'cancelled', lines: [line('B', 5)] },
      { status: 'refunded', lines: [line('A', 3)] },
    ])).toEqual(new Map([['A', 3], ['B', 1]]));
  });
});
