// A shop owner's first day and a demo-like cycle, through the built CLI only: init → validate,
// validate on the sample shop's real till export, hooks --explain, plan → sync --dry-run → sync
// → sync again, buyers on both channels, orders pull, status, exports as the accountant opens
// them, and the hook report page.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/run-cli.js';
import { freshShops, liveSkus, shopOnSimulator } from '../support/simulator.js';
import { tempDir } from '../support/temp-dir.js';
import { bareEnv, civetta, ledgerRows, onlyJson } from './acceptance-helpers.js';

const FIXTURE_SHOP = fileURLToPath(new URL('../../fixtures/shop/', import.meta.url));
/**
 * A test that runs the CLI four to eight times. Under vitest's 60 s default, a machine running
 * two suites at once can cut such a test short while its last child process still works on the
 * ledger, and the next test of the cycle then reads a half-done state (the likeliest cause of the
 * one failure seen here: an Amazon sale missing from the hook report). Each test gets the time
 * its runs need, so none outlives its own test.
 */
const CLI_TEST_MS = 180_000;

describe('a new shop: init, then validate', () => {
  it('init writes the commented config; validate names the missing stock file, then passes once it is there', async () => {
    const dir = tempDir('civetta-init-');
    try {
      const init = await runCli(['init'], { cwd: dir.path });
      expect(init.code, init.stderr).toBe(0);
      expect(dir.files()).toEqual(['civetta.config.yaml']);
      expect(readFileSync(join(dir.path, 'civetta.config.yaml'), 'utf8')).toMatch(/^# /);

      const before = await runCli(['--json', 'validate'], { cwd: dir.path });
      expect(before.code).toBe(2);
      const report = onlyJson<{ safe: boolean; stock: { refused: boolean; message: string } }>(before);
      expect(report).toMatchObject({ safe: false, stock: { refused: true } });
      expect(report.stock.message).toContain(join(dir.path, 'stock', 'export.csv'));

      // The starter config's own columns, as a till would export them.
      dir.write({
        'stock/export.csv': [
          'Codice;EAN;Descrizione;Marca;Categoria;Prezzo;Costo;Giacenza;Immagine',
          'LEGO-60400;5702017416304;LEGO City Go-kart e auto da corsa;LEGO;LEGO;9,99;5,20;12;https://negozio.example/60400.jpg',
          'LEGO-31145;5702017159362;LEGO Creator Drago rosso;LEGO;LEGO;24,99;13,10;4;https://negozio.example/31145.jpg',
          '',
        ].join('\r\n'),
      });
      const after = await runCli(['validate'], { cwd: dir.path });
      expect(after.code, after.stdout + after.stderr).toBe(0);
      expect(after.stdout).toContain('2 rows, 2 good, 0 bad');
      // Looking at a shop that never synced creates no ledger file.
      for (const args of [['status'], ['orders', 'export'], ['report', 'hooks']]) {
        const look = await runCli(args, { cwd: dir.path });
        expect(look.code, `${args.join(' ')}: ${look.stderr}`).toBe(0);
      }
      expect(dir.files().filter((f) => f.startsWith('civetta.db'))).toEqual([]);
      // A second init refuses to overwrite the owner's edits.
      const again = await runCli(['init'], { cwd: dir.path });
      expect(again.code).toBe(2);
    } finally {
      dir.cleanup();
    }
  }, CLI_TEST_MS);
});

describe('the sample shop as shipped (Windows-1252, ";" and decimal comma)', () => {
  it('validate shows every broken row by file, line and column, and says a run is safe', async () => {
    const dir = tempDir('civetta-sample-');
    try {
      dir.copy(join(FIXTURE_SHOP, 'civetta.config.yaml'), 'civetta.config.yaml');
      dir.copy(join(FIXTURE_SHOP, 'stock'), 'stock');
      const run = await runCli(['validate', '--all'], { cwd: dir.path });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('406 rows, 399 good, 7 bad (windows-1252, delimiter ";", decimal ",")');
      for (const where of [
        'stock/magazzino.csv:23 [Codice]: error: the row has no SKU',
        'stock/magazzino.csv:123 [Prezzo]: error: the price is not an amount (found "12,,5"',
        'stock/magazzino.csv:153 [Codice]: error: SKU "PUZ-0056" appears on lines 153, 363',
        'stock/magazzino.csv:183 [Giacenza]: error: the quantity is negative (found "-2"',
        'stock/magazzino.csv:243 [Giacenza]: error: the quantity is not a number (found "tre"',
        'stock/magazzino.csv:303 [EAN]: error: the EAN has a wrong check digit (found "9788807806158"',
        'stock/magazzino.csv:363 [Codice]: error: SKU "PUZ-0056" appears on lines 153, 363',
      ]) {
        expect(run.stdout).toContain(where);
      }
      expect(run.stdout).toMatch(/a run is safe; a sync would list \d+ hook\(s\) on amazon, \d+ hook\(s\) on ebay\n$/);

      const json = await runCli(['--json', 'validate'], { cwd: dir.path });
      const body = onlyJson<{ safe: boolean; stock: { problems: Array<{ file: string; line: number; column: string; code: string }> } }>(json);
      expect(body.safe).toBe(true);
      const bad = body.stock.problems.filter((p) => p.line === 243);
      expect(bad).toEqual([expect.objectContaining({ file: join(dir.path, 'stock', 'magazzino.csv'), line: 243, column: 'Giacenza' })]);
    } finally {
      dir.cleanup();
    }
  });
});

describe('the sample shop against a plain `civetta simulator --port 0 --json` child', () => {
  it('its Amazon offers match the simulated catalogue and list (no catalogue mismatch)', async () => {
    const dir = tempDir('civetta-sample-sim-');
    const child = spawn(process.execPath, [BIN, 'simulator', '--port', '0', '--json'], { env: { ...bareEnv(), CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          text += d;
          if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
        });
        child.on('exit', (code) => reject(new Error(`simulator exited with ${String(code)}`)));
      });
      const endpoints = onlyJson<{ amazon: { endpoint: string } }>({ code: 0, stdout: line, stderr: '' });
      const origin = new URL(endpoints.amazon.endpoint).origin;
      dir.copy(join(FIXTURE_SHOP, 'stock'), 'stock');
      const config = readFileSync(join(FIXTURE_SHOP, 'civetta.config.yaml'), 'utf8').replaceAll('http://127.0.0.1:4010', origin).replace(/limit: \d+/, 'limit: 2');
      dir.write({ 'civetta.config.yaml': config });
      const run = await runCli(['sync', '--channel', 'amazon'], { cwd: dir.path });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('Sent: 2 ok, 0 failed.');
    } finally {
      child.kill('SIGTERM');
      dir.cleanup();
    }
  });
});

describe('a cycle on the simulator', () => {
  const world = shopOnSimulator({ shop: { hooksLimit: 2 } });

  it('hooks --explain --json gives each product\'s verdict per rule', async () => {
    const run = await civetta(world.shop, ['--json', 'hooks', '--explain', '--channel', 'ebay']);
    expect(run.code, run.stderr).toBe(0);
    type Verdict = { sku: string; outcome: string; reason: string; rules: Array<{ rule: string; status: string }> };
    const body = onlyJson<{ channels: { ebay: { hooks: Array<{ sku: string; rule: string }>; verdicts: Verdict[] } } }>(run);
    const { hooks, verdicts } = body.channels.ebay;
    expect(hooks).toHaveLength(2);
    // Every good row of the file gets a verdict; each hook's says which rule took it.
    expect(verdicts).toHaveLength(world.shop.rows.length - 7);
    for (const hook of hooks) {
      const verdict = verdicts.find((v) => v.sku === hook.sku)!;
      expect(verdict.rules.find((r) => r.rule === hook.rule)?.status).toBe('taken');
    }
    expect(verdicts.filter((v) => v.outcome === 'ineligible').every((v) => v.reason.length > 0)).toBe(true);
  });

  it('plan, sync --dry-run (same plan, zero writes), sync, sync again (zero writes)', async () => {
    const plan = await civetta(world.shop, ['--json', 'plan']);
    expect(plan.code, plan.stderr).toBe(0);
    const dry = await civetta(world.shop, ['--json', 'sync', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(world.sim.writeCount()).toBe(0);
    const planned = onlyJson<{ actions: unknown[]; unchanged: unknown; refused: unknown; guards: unknown }>(plan);
    const dryPlan = onlyJson<{ plan: typeof planned }>(dry).plan;
    expect(planned.actions).toHaveLength(4);
    expect(dryPlan.actions).toEqual(planned.actions);
    expect([dryPlan.unchanged, dryPlan.refused, dryPlan.guards]).toEqual([planned.unchanged, planned.refused, planned.guards]);
    // The human tables match line for line too.
    const planText = await civetta(world.shop, ['plan']);
    const dryText = await civetta(world.shop, ['sync', '--dry-run']);
    expect(dryText.stdout.startsWith(planText.stdout.trimEnd())).toBe(true);
    expect(dryText.stdout).toContain('Dry run: nothing was sent.');
    expect(world.sim.writeCount()).toBe(0);

    const sync = await civetta(world.shop, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(liveSkus(world.sim).amazon).toHaveLength(2);
    expect(liveSkus(world.sim).ebay).toHaveLength(2);
    const writes = world.sim.writeCount();
    const again = await civetta(world.shop, ['--json', 'sync']);
    expect(again.code, again.stderr).toBe(0);
    expect(onlyJson<{ plan: { actions: unknown[] } }>(again).plan.actions).toEqual([]);
    expect(world.sim.writeCount()).toBe(writes);
  }, CLI_TEST_MS);

  it('buyers on both channels → orders pull → status and the exports the accountant opens', async () => {
    const live = liveSkus(world.sim);
    // A buyer whose name and address a spreadsheet would take for formulas.
    const buyer = { name: '=HYPERLINK("http://evil.example","Paga qui")', address: { line1: '+39 Via Roma 1', city: '@Milano', postalCode: '20121', province: 'MI', countryCode: 'IT', phone: '-1' } };
    const ebayOrder = world.sim.buyers.placeOrder({ channel: 'ebay', sku: live.ebay[0]!, quantity: 1, buyer });
    const amazonOrder = world.sim.buyers.placeOrder({ channel: 'amazon', sku: live.amazon[0]!, quantity: 1 });
    world.sim.clock.advance(15 * 60_000); // Amazon: paid (pending → unshipped) and past its visibility delay

    const pull = await civetta(world.shop, ['--json', 'orders', 'pull']);
    expect(pull.code, pull.stderr).toBe(0);
    const orders = ledgerRows<{ channel: string; order_id: string }>(world.shop.ledgerFile, 'SELECT channel, order_id FROM orders ORDER BY channel');
    expect(orders).toEqual([
      { channel: 'amazon', order_id: amazonOrder.orderId },
      { channel: 'ebay', order_id: ebayOrder.orderId },
    ]);
    const pullAgain = await civetta(world.shop, ['orders', 'pull']);
    expect(pullAgain.code).toBe(0);
    expect(ledgerRows(world.shop.ledgerFile, 'SELECT 1 FROM orders')).toHaveLength(2);

    const status = await civetta(world.shop, ['--json', 'status']);
    expect(status.code, status.stderr).toBe(0);
    const st = onlyJson<{ runs: Array<{ command: string; exitCode: number }>; listings: unknown }>(status);
    expect(st.runs.length).toBeGreaterThanOrEqual(2);
    expect(st.runs.every((r) => r.exitCode === 0)).toBe(true);

    const plain = await civetta(world.shop, ['orders', 'export']);
    expect(plain.code, plain.stderr).toBe(0);
    const plainLines = plain.stdout.split('\r\n').filter(Boolean);
    expect(plainLines).toHaveLength(3);
    expect(plainLines[0]).toMatch(/^channel,marketplace,order_id,/);
    // Every cell a spreadsheet would run as a formula starts with an apostrophe.
    expect(plain.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""Paga qui"")"`);
    expect(plain.stdout).not.toMatch(/(^|,)"?[=+\-@]/m);

    const out = join(world.shop.dir.path, 'ordini-it.csv');
    const it = await civetta(world.shop, ['orders', 'export', '--style', 'it', '--channel', 'ebay', '--out', out]);
    expect(it.code, it.stderr).toBe(0);
    expect(it.stdout).not.toContain('order_id');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [header, row] = text.split('\r\n');
    expect(header!.split(';')).toContain('order_id');
    const cells = Object.fromEntries(header!.split(';').map((h, i) => [h, row!.split(';')[i]]));
    expect(cells.order_id).toBe(ebayOrder.orderId);
    expect(cells.order_date).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(cells.unit_price).toMatch(/^\d+,\d\d$/);
    expect(cells.quantity).toBe('1');
    // Long digit codes are civetta's own ="…" (kept as text); nothing from the shop's data runs.
    expect(cells.line_id).toMatch(/^"=""\d{12,}"""$/);
    expect(text.replace(/(^|;)"=""\d+"""(?=;|\r|$)/gm, '$1')).not.toMatch(/(^|;)"?[=+\-@]/m);
    expect(text).toContain(`'=HYPERLINK`);
  }, CLI_TEST_MS);

  it('orders ship sends the tracking to the channel each order came from; shipping it again exits 2 and sends nothing', async () => {
    for (const channel of ['ebay', 'amazon'] as const) {
      const order = world.sim.orders(channel).at(-1)!;
      const run = await civetta(world.shop, ['orders', 'ship', order.orderId, '--carrier', 'Poste Italiane', '--tracking', `PI${channel}42`]);
      expect(run.code, run.stderr).toBe(0);
      expect(world.sim.orders(channel).at(-1)!.shipments.map((s) => s.trackingNumber)).toEqual([`PI${channel}42`]);
      expect(ledgerRows(world.shop.ledgerFile, 'SELECT channel, tracking FROM shipments WHERE order_id = ?', order.orderId)).toEqual([{ channel, tracking: `PI${channel}42` }]);
      const writes = world.sim.writeCount();
      const again = await civetta(world.shop, ['--json', 'orders', 'ship', order.orderId, '--carrier', 'Poste Italiane', '--tracking', `PI${channel}43`]);
      expect(again.code, again.stderr).toBe(2);
      expect(onlyJson<{ error: { message: string } }>(again).error.message).toContain(order.orderId);
      expect(world.sim.writeCount()).toBe(writes);
    }
  }, CLI_TEST_MS);

  it('report hooks --html writes one self-contained page', async () => {
    // What the page counts: the two sales pulled above, each priced (said here, not as a count below).
    const pulled = ledgerRows<{ channel: string; priced: number }>(
      world.shop.ledgerFile,
      'SELECT o.channel, l.line_total_minor IS NOT NULL AS priced FROM orders o JOIN order_lines l USING (channel, order_id) ORDER BY o.channel',
    );
    expect(pulled).toEqual([{ channel: 'amazon', priced: 1 }, { channel: 'ebay', priced: 1 }]);
    const file = join(world.shop.dir.path, 'report', 'civette.html');
    const run = await civetta(world.shop, ['--json', 'report', 'hooks', '--html', file]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/<svg/);
    // Nothing fetched from anywhere: no external script, style, image, font or frame.
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href)=/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html.replace(/xmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, '')).not.toMatch(/https?:\/\//);
    const body = onlyJson<{ hooks: Array<{ sku: string; units: number; channels: Array<{ channel: string; units: number }> }> }>(run);
    // The one unit sold on each channel in the cycle above.
    const sold = body.hooks.flatMap((h) => h.channels.filter((c) => c.units > 0).map((c) => [c.channel, c.units]));
    expect(sold.sort()).toEqual([['amazon', 1], ['ebay', 1]]);
    expect(html).toContain(body.hooks[0]!.sku);
  }, CLI_TEST_MS);
});

describe('status: unshipped orders past their handling time', () => {
  const ownShop = freshShops();
  it('an eBay order paid six days ago and not shipped is listed as overdue', async () => {
    // The marketplace's clock six days back: the order was paid then, as far as eBay says.
    const sixDays = 6 * 86_400_000;
    const { sim, shop } = await ownShop({ simulator: { now: () => Date.now() - sixDays }, shop: { channels: ['ebay'], hooksLimit: 1 } });
    const sync = await civetta(shop, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const order = sim.buyers.placeOrder({ channel: 'ebay', sku: liveSkus(sim).ebay[0]!, quantity: 1 });
    const pull = await civetta(shop, ['orders', 'pull']);
    expect(pull.code, pull.stderr).toBe(0);
    const status = await civetta(shop, ['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('1 unshipped order(s) past their handling time:');
    expect(status.stdout).toMatch(new RegExp(`^  ebay  ${order.orderId}  due \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC  \\(\\d+ day\\(s\\) late\\)$`, 'm'));
    const json = onlyJson<{ orders: { overdue: Array<{ orderId: string }> } }>(await civetta(shop, ['--json', 'status']));
    expect(json.orders.overdue.map((o) => o.orderId)).toEqual([order.orderId]);
  }, CLI_TEST_MS);
});
