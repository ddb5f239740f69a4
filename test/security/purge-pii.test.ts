// orders purge-pii must erase buyer data from the file, not only from query results: the bytes of
// the ledger (and of its WAL) are searched for every purged name, address and e-mail, as an
// auditor with `strings` would, after the spawned CLI purged them.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../src/domain/order.js';
import { openLedger } from '../../src/ledger/database.js';
import { upsertOrders } from '../../src/ledger/orders.js';
import { OPEN_ORDER_PII_DAYS } from '../../src/orders/purge-pii.js';
import { runCli } from '../support/run-cli.js';

const DAY = 86_400_000;
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function order(id: string, placedDaysAgo: number, status: Order['status']): Order {
  const at = new Date(Date.now() - placedDaysAgo * DAY).toISOString();
  return {
    channel: 'ebay', marketplace: 'EBAY_IT', orderId: id, createdAt: at, updatedAt: at, status,
    rawStatus: status === 'shipped' ? 'FULFILLED' : 'NOT_STARTED', currency: 'EUR',
    buyer: { name: `Acquirente Riservato ${id}`, address: `Via Segreta ${id}, 10121 Torino`, email: `privato.${id}@example.it` },
    lines: [{ lineId: `${id}-1`, sku: 'GIO-001', title: 'Costruzioni', quantity: 1, unitPriceMinor: 1000, lineTotalMinor: 1000 }],
  };
}

/** Every byte of the ledger and its side files, searchable as text. */
function ledgerBytes(file: string): string {
  return ['', '-wal', '-shm'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s).toString('latin1')).join('\n');
}

describe('orders purge-pii leaves nothing behind', () => {
  it('50 shipped orders and 3 stuck open ones past the age limit: none of their buyer data is left in the file bytes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'civetta-purge-'));
    writeFileSync(join(dir, 'civetta.config.yaml'), [
      'shop: { name: "Giocattoli Rossi" }',
      'stock: { file: ./stock.csv, columns: { sku: Codice, title: Descrizione, price: Prezzo, quantity: Giacenza } }',
      'vat: { default: 0.22 }',
      'hooks: { rules: [{ name: all, take: 10, rank: quantity }] }',
      'ledger: ./civetta.db',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'stock.csv'), 'Codice,Descrizione,Prezzo,Giacenza\nGIO-001,Costruzioni,10.00,3\n');
    const file = join(dir, 'civetta.db');
    const shipped = Array.from({ length: 50 }, (_, i) => order(`S${String(i).padStart(3, '0')}`, 45, 'shipped'));
    const stuck = ['P01', 'P02', 'P03'].map((id) => order(id, OPEN_ORDER_PII_DAYS + 5, id === 'P01' ? 'pending' : 'unshipped'));
    const recent = order('R01', 2, 'unshipped');
    const ledger = openLedger(file);
    // Shipped 40 days ago: past the default 30-day retention.
    upsertOrders(ledger, shipped.map((o) => ({ ...o, updatedAt: new Date(Date.now() - 40 * DAY).toISOString() })), { now: new Date(Date.now() - 40 * DAY) });
    upsertOrders(ledger, [...stuck, recent], { now: new Date(Date.now() - DAY) });
    ledger.close();
    const purgedValues = [...shipped, ...stuck].flatMap((o) => [o.buyer!.name!, o.buyer!.address!, o.buyer!.email!]);
    // The search works: before the purge every value is in the file.
    const before = ledgerBytes(file);
    expect(purgedValues.filter((v) => before.includes(v))).toHaveLength(purgedValues.length);

    const run = await runCli(['orders', 'purge-pii', '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ purged: 53 });

    const after = ledgerBytes(file);
    expect(purgedValues.filter((v) => after.includes(v))).toEqual([]);
    // The order still open and recent keeps its buyer (the shop has to ship it).
    expect(after).toContain(recent.buyer!.name!);
    // The WAL was checkpointed into the ledger and truncated.
    if (existsSync(`${file}-wal`)) expect(statSync(`${file}-wal`).size).toBe(0);
  });
});
