// Text civetta did not write (stock titles, marketplace messages, buyer names, SKUs) must not act
// on the terminal, the spreadsheet or the marketplace address it ends up in (spawned CLI).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/database.js';
import { upsertOrders } from '../../src/ledger/orders.js';
import { MAX_RECORD_CHARS } from '../../src/stock/read-stock.js';
import { knownShop } from '../orders/known-ledger.js';
import { civetta } from '../acceptance/acceptance-helpers.js';
import { endpointsAt } from '../support/hostile-proxy.js';
import { loopbackServer } from '../support/loopback-server.js';
import { runCli } from '../support/run-cli.js';
import { createTestShop, type TestShop } from '../support/shop.js';

/** Clear the screen, retitle the window, a one-byte CSI, a bare carriage return, a bidi override. */
const HOSTILE = '\u001b[2J\u001b]0;owned\u0007\u009b31m\rFAKE\u202e';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must never reach the terminal raw
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]|\r(?!\n)/;

const dirs: string[] = [];
let shop: TestShop | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  shop?.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function expectNoRawControls(what: string, text: string): void {
  expect(RAW.test(text), `${what}: ${JSON.stringify(text.slice(0, 400))}`).toBe(false);
}

describe('terminal controls in text from files and marketplaces are shown escaped', () => {
  it('stock titles and a buyer name full of escape sequences: hooks, plan, report hooks, status, orders export', async () => {
    shop = createTestShop({ endpoints: endpointsAt('http://127.0.0.1:9'), amazon: { sellerId: 'A1TEXT' } }, { channels: ['ebay'], hooksLimit: 3 });
    shop.writeStock(shop.rows.map((r) => ({ ...r, Descrizione: `${r.Descrizione ?? ''}${HOSTILE}` })));
    const ledger = openLedger(shop.ledgerFile);
    const at = new Date(Date.now() - 10 * 86_400_000).toISOString();
    upsertOrders(ledger, [{
      channel: 'ebay', marketplace: 'EBAY_IT', orderId: `99-${HOSTILE}`, createdAt: at, updatedAt: at, status: 'unshipped', rawStatus: 'NOT_STARTED', currency: 'EUR',
      buyer: { name: `Buyer${HOSTILE}` },
      lines: [{ lineId: 'L1', sku: shop.rows[0]!.Codice!, title: `Rosa${HOSTILE}`, quantity: 1, unitPriceMinor: 1200, lineTotalMinor: 1200 }],
    }], { now: new Date() });
    ledger.close();
    for (const args of [['hooks'], ['plan'], ['report', 'hooks'], ['status'], ['orders', 'export'], ['--json', 'hooks'], ['--json', 'status']]) {
      const run = await civetta(shop, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).not.toBe(1);
      expectNoRawControls(`${args.join(' ')} stdout`, run.stdout);
      expectNoRawControls(`${args.join(' ')} stderr`, run.stderr);
      if (args[0] === 'hooks' || args[0] === 'orders') expect(run.stdout, args.join(' ')).toContain('\\u001b[2J');
    }
  });

  it('a marketplace message full of escape sequences, in a sync\'s failures', async () => {
    const server = await loopbackServer((req, res) => {
      if (req.url.includes('/auth/o2/token')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"Atza|hostile-text","token_type":"bearer","expires_in":3600}');
        return;
      }
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'InvalidInput', message: `refused${HOSTILE}`, details: HOSTILE }] }));
    });
    close = server.close;
    shop = createTestShop({ endpoints: endpointsAt(server.origin), amazon: { sellerId: 'A1TEXT' } }, { channels: ['amazon'], hooksLimit: 1 });
    for (const args of [['--verbose', 'sync'], ['--json', 'sync']]) {
      const run = await civetta(shop, args);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout + run.stderr).toContain('refused\\u001b[2J');
      expectNoRawControls(`${args.join(' ')} stdout`, run.stdout);
      expectNoRawControls(`${args.join(' ')} stderr`, run.stderr);
    }
  });
});

describe('spreadsheet formulas in exported cells', () => {
  it('a buyer name or title starting with a line feed, a space, or a full-width ＝ ＋ － ＠ gets the apostrophe', async () => {
    const s = knownShop();
    dirs.push(s.dir);
    const ledger = openLedger(join(s.dir, 'civetta.db'));
    const starts = ['\n=1+1', ' =1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '\u3000=1'];
    upsertOrders(ledger, starts.map((start, i) => ({
      channel: 'ebay' as const, marketplace: 'EBAY_IT', orderId: `77-${i}`, createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z',
      status: 'unshipped' as const, rawStatus: 'NOT_STARTED', currency: 'EUR', buyer: { name: `${start}Nome` },
      lines: [{ lineId: `L${i}`, sku: 'LIB-010', title: `${start}Titolo`, quantity: 1, unitPriceMinor: 1200, lineTotalMinor: 1200 }],
    })), { now: new Date('2026-11-02T10:00:00.000Z') });
    ledger.close();
    const run = await runCli(['orders', 'export', '--format', 'json'], { cwd: s.dir });
    expect(run.code, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout) as Array<Record<string, unknown>>).filter((r) => String(r.order_id).startsWith('77-'));
    // JSON carries the values as they are; only the CSV a spreadsheet opens is guarded.
    expect(rows.map((r) => r.title)).toEqual(starts.map((start) => `${start}Titolo`));
    const csv = await runCli(['orders', 'export'], { cwd: s.dir });
    for (const start of starts) {
      expect(csv.stdout, JSON.stringify(start)).toContain(`'${start}Nome`);
      expect(csv.stdout, JSON.stringify(start)).toContain(`'${start}Titolo`);
    }
  });
});

describe('the stock file', () => {
  it('a SKU of ".", ".." or with a "/" is refused with its file, line and column; the other rows go on', async () => {
    const s = knownShop();
    dirs.push(s.dir);
    const stock = join(s.dir, 'stock', 'export.csv');
    writeFileSync(stock, `${readFileSync(stock, 'utf8')}..,8001234567897,Due punti,10.00,5.00,3,22\r\nGIO/9,,Barra,10.00,5.00,3,22\r\n.,,Punto,10.00,5.00,3,22\r\n`);
    const run = await runCli(['validate'], { cwd: s.dir });
    expect(run.stdout).toContain('stock/export.csv:4 [Codice]: error: the SKU cannot be used in a marketplace address (only dots, or a "/") (found "..",');
    expect(run.stdout).toContain('stock/export.csv:5 [Codice]: error: the SKU cannot be used in a marketplace address');
    expect(run.stdout).toContain('stock/export.csv:6 [Codice]: error: the SKU cannot be used in a marketplace address');
    const hooks = await runCli(['--json', 'hooks'], { cwd: s.dir });
    expect(hooks.stdout).not.toMatch(/"sku":\s*"(\.\.|\.|GIO\/9)"/);
  });

  it(`a quote that never closes does not gather the rest of the file into one record (max ${MAX_RECORD_CHARS} characters)`, async () => {
    const s = knownShop();
    dirs.push(s.dir);
    const stock = join(s.dir, 'stock', 'export.csv');
    const filler = `${'x'.repeat(999)}\r\n`.repeat(3000);
    writeFileSync(stock, `${readFileSync(stock, 'utf8')}GIO-003,,"Senza fine,10.00,5.00,3,22\r\n${filler}`);
    const run = await runCli(['validate'], { cwd: s.dir });
    expect(run.code, run.stderr).not.toBe(1);
    expect(run.stdout + run.stderr).toMatch(/stock\/export\.csv:4\b.*(Max Record Size|longer than)/i);
  });
});
