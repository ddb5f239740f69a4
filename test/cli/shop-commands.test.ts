import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const SHOP = fileURLToPath(new URL('../../fixtures/shop/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('validate and hooks on the sample shop (spawned)', () => {
  it('validate --all shows every broken row by line and column; exit 0 because a run is safe', async () => {
    const r = await runCli(['validate', '--all'], { cwd: SHOP });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`config ${join(SHOP, 'civetta.config.yaml')}: ok (0 error(s), 0 warning(s))`);
    expect(lines[1]).toBe(`stock ${join(SHOP, 'stock/magazzino.csv')}: 406 rows, 399 good, 7 bad (windows-1252, delimiter ";", decimal ",")`);
    expect(lines.slice(2, 5)).toEqual([
      '  format generic: 399 products; prices VAT included',
      '  read as: LEGO-69525 "LEGO Minecraft Nave pirata 69525" 73,90 VAT incl., quantity 7, EAN 5702011642044 (line 2)',
      expect.stringMatching(/^ {2}read as: \S+ ".+" \d+,\d\d VAT incl\., quantity \d+, (EAN \d+|no EAN) \(line 3\)$/),
    ]);
    expect(lines.slice(5, 13)).toEqual([
      '  stock/magazzino.csv:23 [Codice]: error: the row has no SKU',
      '  stock/magazzino.csv:123 [Prezzo]: error: the price is not an amount (found "12,,5", expected an amount like 12,50 or 1.234,50)',
      '  stock/magazzino.csv:153 [Codice]: error: SKU "PUZ-0056" appears on lines 153, 363; none of them is used until only one remains',
      '  stock/magazzino.csv:183 [Giacenza]: error: the quantity is negative (found "-2", expected a whole number of 0 or more)',
      '  stock/magazzino.csv:217 [Immagine]: warning: an image is not an http(s) URL and is ignored (found "vedi catalogo cartaceo", expected https://… URLs separated by | or ,)',
      '  stock/magazzino.csv:243 [Giacenza]: error: the quantity is not a number (found "tre", expected a whole number of 0 or more)',
      '  stock/magazzino.csv:303 [EAN]: error: the EAN has a wrong check digit (found "9788807806158", expected check digit 5 (9788807806155))',
      '  stock/magazzino.csv:363 [Codice]: error: SKU "PUZ-0056" appears on lines 153, 363; none of them is used until only one remains',
    ]);
    expect(lines).toContain('amazon: 349 product(s) can be listed, 50 cannot; 22 hook(s) selected');
    expect(lines).toContain('ebay: 275 product(s) can be listed, 124 cannot; 28 hook(s) selected');
    expect(lines).toContain('  stock/magazzino.csv:7 [EAN]: error: amazon: no EAN: the offer cannot be attached to a catalogue product (expected an EAN-13)');
    expect(lines.at(-2)).toBe('198 error(s), 239 warning(s): a run is safe; a sync would list 22 hook(s) on amazon, 28 hook(s) on ebay');
  });

  it('validate --json: only JSON on stdout, with the structured problems', async () => {
    const r = await runCli(['validate', '--json'], { cwd: SHOP });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { safe: boolean; summary: unknown; stock: { stats: { rows: number; badRows: number }; problems: { line: number; code: string }[] } };
    expect(report.safe).toBe(true);
    expect(report.summary).toEqual({ errors: 198, warnings: 239 });
    expect(report.stock.problems.map((p) => `${p.line}:${p.code}`)).toEqual([
      '23:missing-sku', '123:price-invalid', '153:duplicate-sku', '183:quantity-negative', '217:image-not-url', '243:quantity-invalid', '303:ean-check-digit', '363:duplicate-sku',
    ]);
  });

  it('hooks --explain: every rule verdict per product, then the hook table', async () => {
    const r = await runCli(['hooks', '--explain', '--channel', 'amazon'], { cwd: SHOP });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('amazon: why each product is in or out');
    const i = lines.indexOf('IN  LEGO-74397  LEGO Duplo Elicottero di soccorso 74397  — hook: rule lego-under-60: taken (1st of 6)');
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe('      1. lego-under-60: taken (1st of 6)');
    expect(lines[i + 2]).toBe('      2. puzzles-in-stock: not reached');
    expect(lines).toContain('amazon: 22 hook(s)');
    expect(lines.some((l) => /^OUT \S+ .* — ineligible: amazon: no EAN/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {6}1\. lego-under-60: failed: price found \d+\.\d\d, expected at most 60\.00$/.test(l))).toBe(true);
    expect(lines.some((l) => l.endsWith('4. board-games-on-ebay: not for this channel'))).toBe(true);
    expect(r.stderr).toBe(`warning: 7 bad row(s) in the stock file are left out (run \`civetta --config ${join(SHOP, 'civetta.config.yaml')} validate\` to see them)\n`);
  });

  it('hooks --json parses, with price, floor, quantity and rule per hook', async () => {
    const r = await runCli(['hooks', '--json'], { cwd: SHOP });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { channels: Record<string, { hooks: { sku: string; priceMinor: number; floorMinor: number; quantity: number; rule: string }[] }> };
    expect(Object.keys(out.channels)).toEqual(['amazon', 'ebay']);
    expect(out.channels.amazon!.hooks.length).toBe(22);
    expect(out.channels.ebay!.hooks.length).toBe(28);
    expect(out.channels.ebay!.hooks[0]).toEqual({ sku: 'LEGO-74397', title: 'LEGO Duplo Elicottero di soccorso 74397', price: '35.90', priceMinor: 3590, currency: 'EUR', floorMinor: 2322, quantity: 5, rule: 'lego-under-60' });
    for (const h of Object.values(out.channels).flatMap((c) => c.hooks)) {
      expect(h.priceMinor).toBeGreaterThanOrEqual(h.floorMinor);
    }
  });
});

describe('exit 2 on bad input, with zero side effects (spawned)', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('a bad config: message on stderr, nothing on stdout, no file written', async () => {
    dir = tempDir();
    dir.copy(join(ROOT, 'fixtures/configs/markup-percent.yaml'), 'civetta.config.yaml');
    dir.write({ 'stock/export.csv': 'Codice;Descrizione;Prezzo;Giacenza\nA1;Uno;10,00;3\n' });
    const before = dir.files();
    const r = await runCli(['hooks'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe([
      `civetta: the config is not valid (${join(dir.path, 'civetta.config.yaml')}): 2 problem(s)`,
      `  ${join(dir.path, 'civetta.config.yaml')}:11:7: error: channels.ebay.pricing.markup: found "15%" (string), expected a number between 0 and 1`,
      `  ${join(dir.path, 'civetta.config.yaml')}:12:7: error: channels.ebay.pricing.round: found 1.5 (number), expected a number ≥ 0 and < 1`,
      '',
    ].join('\n'));
    expect(dir.files()).toEqual(before);
  });

  it('--json: the error as JSON on stdout', async () => {
    dir = tempDir();
    dir.copy(join(ROOT, 'fixtures/configs/markup-percent.yaml'), 'civetta.config.yaml');
    const r = await runCli(['hooks', '--json'], { cwd: dir.path });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { error: { message: string; exitCode: number; details: string[] } };
    expect(out.error.exitCode).toBe(2);
    expect(out.error.message).toBe(`the config is not valid (${join(dir.path, 'civetta.config.yaml')}): 2 problem(s)`);
    expect(out.error.details).toHaveLength(2);
  });

  it('validate: a stock file missing a mapped column is refused (exit 2)', async () => {
    dir = tempDir();
    dir.copy(join(ROOT, 'fixtures/configs/valid-minimal.yaml'), 'civetta.config.yaml');
    dir.write({ 'stock/export.csv': 'Codice;Descrizione;Prezzo;Giacenza\nA1;Uno;10,00;3\n' });
    const r = await runCli(['validate'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`stock ${join(dir.path, 'stock/export.csv')}: REFUSED`);
    expect(r.stdout).toMatch(/\[?Costo\]?/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/: a run would be unsafe \(exit 2\); a sync would list nothing$/);
    // The refused file leads the summary, with its fix.
    expect(r.stdout).toMatch(/\n1\. ERROR: .*Costo/);
  });

  it('validate --config on a broken config: exit 2, the report as JSON', async () => {
    dir = tempDir();
    const r = await runCli(['validate', '--json', '--config', join(ROOT, 'fixtures/configs/unknown-keys.yaml')], { cwd: dir.path });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { safe: boolean; config: { valid: boolean; problems: { key: string }[] } };
    expect(out.safe).toBe(false);
    expect(out.config.problems.map((p) => p.key)).toEqual(['shop.curency', 'hooks.limt', 'hooks.rules[0].where.prize', 'colour']);
  });
});

describe('init (spawned)', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('writes the starter config; refuses to overwrite (exit 2)', async () => {
    dir = tempDir();
    const r = await runCli(['init', '--dir', 'negozio'], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(dir.files()).toEqual(['negozio/civetta.config.yaml']);
    expect(readFileSync(join(dir.path, 'negozio/civetta.config.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'config/civetta.config.template.yaml'), 'utf8'));
    const again = await runCli(['init', '--dir', 'negozio'], { cwd: dir.path });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('civetta: init refuses to overwrite');
    // The starter config is valid as written: validate reaches the (still missing) stock file.
    const v = await runCli(['validate'], { cwd: join(dir.path, 'negozio') });
    expect(v.code).toBe(2);
    expect(v.stdout.split('\n')[0]).toBe(`config ${join(dir.path, 'negozio/civetta.config.yaml')}: ok (0 error(s), 1 warning(s))`);
    expect(existsSync(join(dir.path, 'negozio/civetta.db'))).toBe(false);
  });

  /** `civetta init --format F` in a new folder, the fixture saved where the config says; the config's text. */
  async function initWith(format: string, fixture: string, saveAs: string): Promise<string> {
    dir = tempDir();
    const r = await runCli(['init', '--format', format], { cwd: dir.path });
    expect(r.code, r.stderr).toBe(0);
    dir.write({ [`stock/${saveAs}`]: readFileSync(join(ROOT, 'fixtures/formats', format, fixture), 'utf8') });
    return readFileSync(join(dir.path, 'civetta.config.yaml'), 'utf8');
  }

  it('--format woocommerce writes a config for that export; validate reads the export, names the format and shows two products', async () => {
    const config = await initWith('woocommerce', 'wc-product-export-5-12-2026.csv', 'wc-product-export.csv');
    expect(config).toContain('  format: woocommerce');
    expect(config).toContain('  file: ./stock/wc-product-export.csv');
    const v = await runCli(['validate'], { cwd: dir.path });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    // The reading is the grouped summary's first block, shaped like a cause's.
    const lines = v.stdout.split('\n');
    const at = lines.indexOf('stock read as woocommerce — 5 products (3 variants); skipped 1 parent, 1 left out by stock.filter; prices VAT included');
    expect(at, v.stdout).toBeGreaterThan(1);
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '     MAG-01-4 "Maglietta Dinosauri - 4 anni" 12,50 VAT incl., quantity 3, EAN 8001234567040 (line 6)',
      '     LEGO-60337 "LEGO City Treno passeggeri espresso" 129,99 VAT incl., quantity 4, EAN 5702017583488 (line 2)',
    ]);
    // Not also under the stock line: that is --all's place for it.
    expect(v.stdout).not.toContain('  format woocommerce:');
    const json = JSON.parse((await runCli(['validate', '--json'], { cwd: dir.path })).stdout) as { reading: Record<string, unknown>; stock: Record<string, unknown> };
    expect(json.reading).toMatchObject({ format: 'woocommerce', products: 5, variants: 3, priceIncludesVat: true, skipped: { parents: 1, filtered: 1 } });
    expect(json.reading.preview).toHaveLength(2);
    expect(json.stock.reading).toBeUndefined();
  });

  it('--format prestashop without a VAT rate: the file is refused and the summary says how to give PrestaShop\'s tax rule ids their rates', async () => {
    const config = await initWith('prestashop', 'products_import.csv', 'products_import.csv');
    // An owner who deleted the default rate: the file's "Tax rule ID" is no rate to fall back on.
    writeFileSync(join(dir.path, 'civetta.config.yaml'), config.replace(/^ {2}default: 0\.22.*$/m, ''));
    const v = await runCli(['validate'], { cwd: dir.path });
    expect(v.code, v.stdout + v.stderr).toBe(2);
    const lines = v.stdout.split('\n');
    const at = lines.indexOf('1. ERROR: net price without a VAT rate to add — 2 rows');
    expect(at, v.stdout).toBeGreaterThan(0);
    expect(lines[at + 3]).toBe(
      '   fix: PrestaShop\'s "Tax rule ID" is your shop\'s own number, not a rate: set vat.default (e.g. 0.22) and vat.categories for the categories at 10% or 4%, ' +
        'or read the ids with stock.columns.vat: "Tax rule ID" and give each its rate in vat.aliases, e.g. { "1": 0.22, "2": 0.10, "3": 0.04 } (your ids, from International → Taxes → Tax rules)',
    );
  });

  it('--format with an unknown export: exit 2 listing the known ones', async () => {
    dir = tempDir();
    const r = await runCli(['init', '--format', 'ecwid'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "ecwid"');
    expect(r.stderr).toContain('generic, shopify, woocommerce, prestashop, lightspeed-x, odoo, magento, danea');
    expect(dir.files()).toEqual([]);
  });
});
