import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadConfig, readConfig } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const CONFIGS = fileURLToPath(new URL('../../fixtures/configs/', import.meta.url));
const summary = async (file: string) => (await readConfig({ cwd: CONFIGS, file })).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);

const MINIMAL = {
  shop: { name: 'Negozio' },
  stock: { file: 'stock.csv', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' } },
  hooks: { limit: 7 },
};

describe('readConfig: errors name the key, the value found and what was expected', () => {
  it('a wrong type and an out-of-range number', async () => {
    expect(await summary('markup-percent.yaml')).toEqual([
      '11:7 error channels.ebay.pricing.markup: found "15%" (string), expected a number between 0 and 1',
      '12:7 error channels.ebay.pricing.round: found 1.5 (number), expected a number ≥ 0 and < 1',
    ]);
  });

  it('unknown keys, with "did you mean" when close', async () => {
    expect(await summary('unknown-keys.yaml')).toEqual([
      '1:35 error shop.curency: unknown key, did you mean "currency"?',
      '6:3 error hooks.limt: unknown key, did you mean "limit"?',
      '9:34 error hooks.rules[0].where.prize: unknown key, did you mean "price"?',
      '10:1 error colour: unknown key (known here: shop, stock, vat, productSafety, hooks, channels, sync, ledger, safety, orders)',
    ]);
  });

  it('missing keys, enums and whole numbers', async () => {
    expect(await summary('missing-keys.yaml')).toEqual([
      '1:1 error shop.name: missing, expected text',
      '4:3 error stock.columns.title: missing, expected text: the header of this column (stock.format generic reads only stock.columns), or stock.format set to your export',
      '5:3 error stock.encoding: found "ascii" (string), expected one of "auto", "utf-8", "windows-1252", "latin1", "utf-16le", "utf-16be"',
      '7:3 error hooks.limit: found -1 (number), expected a whole number ≥ 0',
    ]);
  });

  it('shop.timeZone must be an IANA zone; Europe/Rome by default', async () => {
    const dir = tempDir();
    dir.write({ 'c.yaml': 'shop: { name: Negozio, timeZone: Europe/Roma }\nstock: { file: stock.csv, columns: { sku: Codice, title: Descrizione, price: Prezzo, quantity: Giacenza } }\nhooks: { limit: 7 }\n' });
    const r = await readConfig({ cwd: dir.path, file: 'c.yaml' });
    dir.cleanup();
    expect(r.problems.map((p) => `${p.line} ${p.message}`)).toEqual(['1 shop.timeZone: found "Europe/Roma" (string), expected an IANA time zone such as Europe/Rome']);
    expect((await loadConfig({ cwd: CONFIGS, file: 'valid-minimal.yaml' })).config.shop.timeZone).toBe('Europe/Rome');
  });

  it('cross-field rules: endpoints https unless loopback, simulator needs both endpoints', async () => {
    expect(await summary('insecure-endpoint.yaml')).toEqual([
      '4:3 warning no cost column (stock.columns.cost): amazon prices have no floor',
      '4:3 warning no cost column (stock.columns.cost): ebay prices have no floor',
      '10:5 error channels.amazon.endpoint: found "http://sellingpartnerapi-eu.amazon.com", expected an https:// URL (plain http only on loopback)',
      '11:3 error channels.ebay.tokenEndpoint is required with environment: simulator (start `civetta simulator` and copy its endpoints)',
    ]);
  });

  it('cross-field rules: floors and margin rules need cost, rule names unique, eBay categories mapped', async () => {
    expect(await summary('floor-without-cost.yaml')).toEqual([
      '7:5 error rule "lego" uses where.margin, rank: margin but stock.columns.cost is not mapped',
      '10:7 error hooks.rules[1].name: "lego" is used by an earlier rule',
      '11:16 warning rule "lego" selects category "Puzzle", which has no eBay category in channels.ebay.categories: those products are not listed on eBay',
      '18:16 error channels.ebay.pricing.floorMargin needs the purchase cost: map stock.columns.cost',
    ]);
  });

  it('GPSR parties: an incomplete party is named by key, named or written in a brand', async () => {
    expect(await summary('gpsr-incomplete.yaml')).toEqual([
      '8:5 error productSafety.parties.trudi.city: missing, expected text',
      '11:7 error productSafety.brands.Revell.manufacturer.city: missing, expected text',
    ]);
  });

  it('GPSR parties: ISO country, a contact, known ids, the old one-line text refused with the new form, one party in the EU', async () => {
    const problems = (await readConfig({ cwd: CONFIGS, file: 'gpsr-parties.yaml' })).problems;
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual([
      '9:105 gpsr-country productSafety.parties.djeco.country: "FRANCIA" is not an ISO 3166 country code',
      '10:5 gpsr-contact productSafety.parties.hasbro-us: "Hasbro, Inc." has no contact: add email, phone or url',
      '12:15 gpsr-free-text productSafety.brands.Giunti.manufacturer: a party is no longer written as one line of text; give it name, street, city, postalCode, country and a contact under productSafety.parties and name it here by id',
      '12:88 gpsr-party-unknown productSafety.brands.Giunti.responsiblePerson: "trudy" is not a party in productSafety.parties; did you mean "trudi"?',
      '13:5 gpsr-no-eu-party productSafety.brands.Hasbro: neither party is in the EU; EU buyers need a responsible person established in the EU',
    ]);
    expect(problems.find((p) => p.code === 'gpsr-free-text')?.expected).toBe(
      'productSafety: { parties: { giunti: { name: "Giunti Editore S.p.A.", street: "…", city: "…", postalCode: "…", country: IT, email: "…" } }, brands: { Giunti: { manufacturer: giunti } } }',
    );
  });

  it('loadConfig throws InputError (exit 2) with one detail line per error', async () => {
    const error = await loadConfig({ cwd: CONFIGS, file: 'markup-percent.yaml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).details).toEqual([
      `${join(CONFIGS, 'markup-percent.yaml')}:11:7: error: channels.ebay.pricing.markup: found "15%" (string), expected a number between 0 and 1`,
      `${join(CONFIGS, 'markup-percent.yaml')}:12:7: error: channels.ebay.pricing.round: found 1.5 (number), expected a number ≥ 0 and < 1`,
    ]);
  });

  it('a missing --config file and a YAML syntax error are problems, not crashes', async () => {
    expect((await readConfig({ cwd: CONFIGS, file: 'nope.yaml' })).problems.map((p) => [p.code, p.message])).toEqual([['config-not-found', 'config file not found']]);
    const dir = tempDir();
    try {
      dir.write({ 'civetta.config.yaml': 'shop:\n  name: "unterminated\n' });
      const r = await readConfig({ cwd: dir.path });
      expect(r.problems.map((p) => p.code)).toEqual(['config-unreadable']);
      expect(r.problems[0]!.line).toBeGreaterThan(0);
      // Found by the search, so validate can say which file to fix.
      expect(r.file).toBe(join(dir.path, 'civetta.config.yaml'));
      expect(r.problems[0]!.file).toBe(join(dir.path, 'civetta.config.yaml'));
    } finally {
      dir.cleanup();
    }
  });
});

describe('loading each format and searching upwards', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('valid YAML: defaults applied, paths resolved against the config file', async () => {
    const loaded = await loadConfig({ cwd: CONFIGS, file: 'valid-minimal.yaml' });
    expect(loaded.file).toBe(join(CONFIGS, 'valid-minimal.yaml'));
    expect(loaded.config.stock.file).toBe(join(CONFIGS, 'stock/export.csv'));
    expect(loaded.config.ledger).toBe(join(CONFIGS, 'civetta.db'));
    expect(loaded.config.hooks.limit).toBe(40);
    expect(loaded.config.channels.amazon?.pricing).toEqual({ markup: 0, add: 0, floorMargin: 0, feePercent: 0, feeFixed: 0 });
    expect(loaded.warnings).toEqual([]);
    dir = tempDir();
  });

  it.each([
    ['civetta.config.json', JSON.stringify(MINIMAL)],
    ['civetta.config.mjs', `export default ${JSON.stringify(MINIMAL)};`],
    ['civetta.config.ts', `interface Shop { name: string }\nconst shop: Shop = { name: 'Negozio' };\nexport default { ...${JSON.stringify(MINIMAL)}, shop } satisfies Record<string, unknown>;`],
    ['.civettarc.yaml', 'shop: { name: Negozio }\nstock: { file: stock.csv, columns: { sku: Codice, title: Descrizione, price: Prezzo, quantity: Giacenza } }\nhooks: { limit: 7 }\n'],
  ])('%s is found from a subfolder', async (name, text) => {
    dir = tempDir();
    dir.write({ [name]: text, 'package.json': '{"name":"shop"}', 'sub/deeper/.keep': '' });
    const loaded = await loadConfig({ cwd: join(dir.path, 'sub/deeper') });
    expect(loaded.file).toBe(join(dir.path, name));
    expect(loaded.config.hooks.limit).toBe(7);
    expect(loaded.config.stock.file).toBe(join(dir.path, 'stock.csv'));
  });

  it('no config anywhere: InputError naming the folder', async () => {
    dir = tempDir();
    dir.write({ 'package.json': '{"name":"shop"}' });
    await expect(loadConfig({ cwd: dir.path })).rejects.toThrow(`no civetta config found in ${dir.path} or its parent folders (run \`civetta init\` or pass --config FILE)`);
    await expect(loadConfig({ cwd: dir.path, file: 'missing.yaml' })).rejects.toThrow(`config file not found: ${join(dir.path, 'missing.yaml')}`);
    const r = await readConfig({ cwd: dir.path });
    expect(r.problems.map((p) => p.message)).toEqual([`no civetta config found in ${dir.path} or its parent folders (run \`civetta init\` or pass --config FILE)`]);
  });
});
