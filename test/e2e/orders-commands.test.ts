import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/database.js';
import { acquireLock } from '../../src/ledger/lock.js';
import { knownShop } from '../orders/known-ledger.js';
import { runCli } from '../support/run-cli.js';

const shops: string[] = [];
function shop() {
  const s = knownShop();
  shops.push(s.dir);
  return s;
}
afterEach(() => {
  for (const d of shops.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('orders commands on a known ledger (spawned)', () => {
  it('purge-pii erases buyer data of shipped and closed orders past the retention; exports then show none', async () => {
    const s = shop();
    const r = await runCli(['orders', 'purge-pii', '--older-than', '0', '--json'], { cwd: s.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ purged: 2, olderThanDays: 0 });
    const ex = await runCli(['orders', 'export', '--json'], { cwd: s.dir });
    const rows = (JSON.parse(ex.stdout) as { rows: Array<Record<string, unknown>> }).rows;
    expect(rows.map((row) => [row.order_id, row.buyer_name])).toEqual([
      ['12-00000-00001', null],
      ['12-34567-89012', null],
      ['12-34567-89012', null],
      ['171-1234567-7654321', null],
    ]);
  });

  it('ship of an order the ledger does not know exits 2', async () => {
    const s = shop();
    const r = await runCli(['orders', 'ship', '999-0000000-0000000', '--carrier', 'BRT', '--tracking', 'X1'], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Order 999-0000000-0000000 is not in the ledger.');
  });

  it('ship with a carrier civetta does not know exits 2 before sending, listing the known ones', async () => {
    const s = shop();
    const r = await runCli(['orders', 'ship', '12-34567-89012', '--carrier', 'Corriere Pippo', '--tracking', 'X1'], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown carrier "Corriere Pippo".');
    expect(r.stderr).toContain('Known carriers (case and spaces ignored): Poste Italiane, BRT, GLS, SDA, DHL, UPS, TNT, FedEx, Amazon Shipping');
    expect(r.stderr).toContain('--carrier-code');
    const none = await runCli(['orders', 'ship', '12-34567-89012', '--tracking', 'X1'], { cwd: s.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--carrier NAME (or --carrier-code CODE)');
  });

  it('a run holding the ledger lock makes purge-pii exit 3 and change nothing', async () => {
    const s = shop();
    const release = acquireLock(join(s.dir, 'civetta.db'), 'sync');
    try {
      const r = await runCli(['orders', 'purge-pii', '--older-than', '0'], { cwd: s.dir });
      expect(r.code).toBe(3);
    } finally {
      release();
    }
    const ledger = openLedger(join(s.dir, 'civetta.db'));
    const purged = ledger.db.prepare('SELECT count(*) AS n FROM orders WHERE pii_purged_at IS NOT NULL').get() as { n: number };
    ledger.close();
    expect(purged.n).toBe(0);
  });

  it('report hooks: per hook and channel since it became a hook, with the HTML chart written', async () => {
    const s = shop();
    const ledger = openLedger(join(s.dir, 'civetta.db'));
    const hook = ledger.db.prepare('INSERT INTO hook_history (channel, sku, since, until, reason) VALUES (?, ?, ?, ?, ?)');
    hook.run('ebay', 'LIB-010', '2026-10-01T00:00:00.000Z', null, 'best-margin');
    hook.run('ebay', 'GIO-002', '2026-11-01T16:00:00.000Z', null, 'best-margin');
    // The report counts only hooks that were really listed: both are live on eBay.
    const listing = ledger.db.prepare("INSERT INTO listings (channel, sku, status, price_minor, quantity, updated_at) VALUES ('ebay', ?, 'active', 1200, 1, '2026-11-01T16:00:00.000Z')");
    for (const sku of ['LIB-010', 'GIO-002']) listing.run(sku);
    ledger.close();
    const r = await runCli(['report', 'hooks', '--html', 'hooks.html', '--json'], { cwd: s.dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { hooks: Array<{ sku: string; units: number; revenueMinor: number; marginMinor?: number }>; html: string };
    // LIB-010: 12.00 at 4% → net 11.54 − cost 7.00 − fee share 1.64 = 2.90; GIO-002 sold before it became a hook
    expect(report.hooks.map((h) => [h.sku, h.units, h.revenueMinor, h.marginMinor])).toEqual([
      ['LIB-010', 1, 1200, 290],
      ['GIO-002', 0, 0, 0],
    ]);
    expect(report.html).toBe(join(s.dir, 'hooks.html'));
    const html = readFileSync(report.html, 'utf8');
    expect(html.match(/<svg class="hook-chart"/g)).toHaveLength(2);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
