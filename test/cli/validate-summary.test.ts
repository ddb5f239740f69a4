import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPINNER_FRAMES, bareEnv, spawnExact } from '../acceptance/acceptance-helpers.js';
import { runCli } from '../support/run-cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

// A distributor's list as the first-hour trial met it: 1,500 rows, a VAT column holding the
// distributor's own code (R17, not a rate) on a third of them, no GPSR columns at all, shop
// categories of which eBay knows only a few, some rows without EAN or picture.
const BRANDS = ['Clementoni', 'Ravensburger', 'Hasbro', 'Mattel', 'Giochi Preziosi', 'Lisciani', 'Djeco', 'Haba', 'Playmobil', 'Bandai'];
const CATEGORIES = ['Puzzle', 'Giochi da tavolo', 'Bambole', 'Action figure', 'Prima infanzia', 'Costruzioni', 'Peluche', 'Scienza'];
const MAPPED = ['Puzzle', 'Giochi da tavolo', 'Peluche'];

function ean(i: number): string {
  const body = `800${String(i).padStart(9, '0')}`;
  const sum = [...body].reduce((s, d, k) => s + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function distributorList(rows: number): string {
  const lines = ['Codice;EAN;Descrizione;Marca;Categoria;Prezzo;Costo;Giacenza;Immagine;IVA'];
  for (let i = 1; i <= rows; i += 1) {
    const brand = BRANDS[i % BRANDS.length]!;
    const category = CATEGORIES[i % CATEGORIES.length]!;
    lines.push([
      `ART-${String(i).padStart(5, '0')}`,
      i % 11 === 0 ? '' : ean(i),
      `${brand} ${category} articolo ${i}`,
      brand,
      category,
      `${10 + (i % 40)},90`,
      `${5 + (i % 20)},10`,
      String(i % 7),
      i % 13 === 0 ? '' : `https://distributore.example/img/${i}.jpg`,
      i % 3 === 0 ? 'R17' : '22',
    ].join(';'));
  }
  return `${lines.join('\n')}\n`;
}

const CONFIG = `shop: { name: Negozio }
stock:
  file: ./listino.csv
  columns: { sku: Codice, ean: EAN, title: Descrizione, brand: Marca, category: Categoria, price: Prezzo, cost: Costo, quantity: Giacenza, image: Immagine, vat: IVA }
vat: { default: 0.22 }
hooks: { limit: 20 }
channels:
  amazon:
    environment: simulator
    marketplaceIds: [APJ6JRA9NG5V4]
    sellerId: A1TEST
    endpoint: http://127.0.0.1:9/amazon
    tokenEndpoint: http://127.0.0.1:9/amazon/auth/o2/token
  ebay:
    environment: simulator
    endpoint: http://127.0.0.1:9/ebay
    tokenEndpoint: http://127.0.0.1:9/ebay/identity/v1/oauth2/token
    merchantLocationKey: negozio
    policies: { fulfillment: "1", payment: "2", return: "3" }
    categories: { ${MAPPED.map((c) => `${c}: "19169"`).join(', ')} }
`;

describe('validate on a 1,500-row distributor list (spawned)', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = tempDir();
    dir.write({ 'civetta.config.yaml': CONFIG, 'listino.csv': distributorList(1500) });
  });
  afterAll(() => dir.cleanup());

  it('the default is a summary under 60 lines naming the brands and categories to fix, most important first', async () => {
    const r = await runCli(['validate'], { cwd: dir.path });
    // Nothing on either channel can be listed: a cron sync would do nothing forever, so exit 2.
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length, r.stdout).toBeLessThan(60);
    expect(lines).toContain('stock read as generic — 1500 products; prices VAT included');
    // GPSR first: it stops every product on both channels; every brand named, a block to paste.
    const gpsr = lines.findIndex((l) => l.startsWith('2. ERROR: product-safety (GPSR) data missing: manufacturer, EU responsible person, warnings — 1500 products on amazon, ebay'));
    expect(gpsr, r.stdout).toBeGreaterThan(0);
    const brandsLine = lines.find((l) => l.startsWith('   brands: '))!;
    for (const b of BRANDS) expect(brandsLine).toContain(`${b} (150)`);
    expect(lines).toContain('     productSafety:');
    expect(lines).toContain('         clementoni:      { name: "", street: "", city: "", postalCode: "", country: "", email: "" }');
    expect(lines).toContain('         Clementoni:      { manufacturer: clementoni, responsiblePerson: clementoni, warnings: "" }   # 150 product(s)');
    expect(lines[gpsr - 2]).toBe('1. ERROR: nothing can be listed until the causes below are fixed: GPSR manufacturer missing for 1,500 products of 10 brands — 1500 products on amazon, ebay');
    // Categories: the five the eBay config lacks, with the command that finds an id.
    const categoriesLine = lines.find((l) => l.startsWith('   categories: '))!;
    for (const c of CATEGORIES.filter((c) => !MAPPED.includes(c))) expect(categoriesLine).toContain(c);
    for (const c of MAPPED) expect(categoriesLine).not.toContain(`${c} (`);
    expect(r.stdout).toContain(`find an id with \`civetta --config ${join(dir.path, 'civetta.config.yaml')} ebay categories "<category>"\``);
    // The 500 identical VAT warnings are one cause with three examples.
    const vat = lines.findIndex((l) => /warning: VAT column value not usable — 500 rows$/.test(l));
    expect(vat, r.stdout).toBeGreaterThan(gpsr);
    expect(lines.slice(vat + 1, vat + 4).every((l) => l.includes('[IVA]: warning: the VAT rate is not usable'))).toBe(true);
    expect(lines[vat + 4]).toMatch(/^ {3}fix: /);
    expect(lines.at(-1)).toMatch(/: a run would be unsafe \(exit 2\); a sync would list 0 hook\(s\) on amazon, 0 hook\(s\) on ebay$/);
  });

  it('on a terminal, reading and checking show progress; under cron (CI, piped) nothing extra', async () => {
    const tty = await spawnExact(['validate'], { cwd: dir.path, env: { ...bareEnv(), TERM: 'xterm' }, tty: true });
    expect(tty.code, tty.stdout).toBe(2);
    expect(tty.stdout).toMatch(SPINNER_FRAMES);
    expect(tty.stdout).toContain('checking 1500 product(s)');
    const cron = await runCli(['validate'], { cwd: dir.path });
    expect(cron.stderr).toBe('');
    expect(cron.stdout).not.toMatch(SPINNER_FRAMES);
  });

  it('--all prints every problem on its own line, as before', async () => {
    const r = await runCli(['validate', '--all'], { cwd: dir.path });
    expect(r.code, r.stderr).toBe(2);
    const problemLines = r.stdout.split('\n').filter((l) => /^ {2}listino\.csv:\d+/.test(l));
    const json = JSON.parse((await runCli(['validate', '--json'], { cwd: dir.path })).stdout) as { summary: { errors: number; warnings: number }; groups: unknown[] };
    expect(problemLines.length).toBe(json.summary.errors + json.summary.warnings);
    expect(problemLines.length).toBeGreaterThan(6000);
    expect(json.groups.length).toBeGreaterThan(3);
  });
});
