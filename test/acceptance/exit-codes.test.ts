// Every exit code of the contract from a realistic scenario, driven through the built CLI as a
// cron script would, and checked against the simulator's write count where the contract says
// "nothing was sent".
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/ledger/lock.js';
import { loopbackServer } from '../support/loopback-server.js';
import type { StockRow } from '../support/shop.js';
import { freshShops, liveSkus, shopOnSimulator } from '../support/simulator.js';
import { civetta, expectJsonError, expectPlainStreams, ledgerRows, onlyJson } from './acceptance-helpers.js';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown; dump(value: unknown): string };

let full: StockRow[];
let hooks: string[];

/** A copy of the shop's config with one change, written beside it (so stock.file and ledger still resolve). */
// biome-ignore lint/suspicious/noExplicitAny: free-form YAML edited in place
function configVariant(name: string, edit: (config: Record<string, any>) => void): string {
  // biome-ignore lint/suspicious/noExplicitAny: free-form YAML, as above
  const config = yaml.load(readFileSync(world.shop.configFile, 'utf8')) as Record<string, any>;
  edit(config);
  const file = join(world.shop.dir.path, name);
  writeFileSync(file, yaml.dump(config));
  return file;
}

/** Runs and asserts the simulator received no state-changing call meanwhile. */
async function withoutWrites<T>(fn: () => Promise<T>): Promise<T> {
  const before = world.sim.writeCount();
  const result = await fn();
  expect(world.sim.writeCount() - before, 'remote writes').toBe(0);
  return result;
}

const world = shopOnSimulator({
  simulator: { ebay: { credentials: { refreshTokens: ['v^1.1#civetta-simulator', 'v^1.1#acceptance-shop-token'] } } },
  shop: { hooksLimit: 4, safety: { maxPriceChangePercent: 5 } },
});
beforeAll(async () => {
  full = world.shop.rows;
  const first = await civetta(world.shop, ['sync']);
  expect(first.code, first.stderr).toBe(0);
  hooks = liveSkus(world.sim).ebay;
  expect(hooks).toHaveLength(4);
}, 120_000);

describe('exit 0', () => {
  it('a sync with nothing to change exits 0 and sends nothing', async () => {
    const run = await withoutWrites(() => civetta(world.shop, ['--json', 'sync']));
    expect(run.code, run.stderr).toBe(0);
    expect(onlyJson<{ exitCode: number; failed: unknown[] }>(run)).toMatchObject({ exitCode: 0, failed: [] });
    expectPlainStreams(run);
  });
});

describe('exit 2: invalid usage, config or input, nothing sent', () => {
  it('a wrong config value names the key path, the value found and what was expected', async () => {
    const file = configVariant('bad-markup.yaml', (c) => {
      c.channels.ebay.pricing.markup = '15%';
    });
    const run = await withoutWrites(() => civetta(world.shop, ['--config', file, '--json', 'sync']));
    const error = expectJsonError(run, 2);
    const text = [error.message, ...error.details].join('\n');
    expect(text).toContain('channels.ebay.pricing.markup');
    expect(text).toContain('"15%"');
    expect(text).toContain('expected a number between 0 and 1');
    expect(run.stderr).toContain('channels.ebay.pricing.markup');
  });

  it('a misspelt config key is refused with its path', async () => {
    const file = configVariant('misspelt.yaml', (c) => {
      c.safety = { ...c.safety, maxDelistPrecent: 10 };
    });
    const run = await withoutWrites(() => civetta(world.shop, ['--config', file, '--json', 'plan']));
    const error = expectJsonError(run, 2);
    expect([error.message, ...error.details].join('\n')).toContain('safety.maxDelistPrecent');
  });

  it('a missing stock file is named', async () => {
    const file = configVariant('no-stock.yaml', (c) => {
      c.stock.file = './export-di-ieri.csv';
    });
    const run = await withoutWrites(() => civetta(world.shop, ['--config', file, '--json', 'sync']));
    const error = expectJsonError(run, 2);
    expect(error.message).toContain('export-di-ieri.csv');
    expect(run.stderr).toContain('export-di-ieri.csv');
  });

  it('a stock file missing a mapped column is refused, naming the column', async () => {
    const headers = Object.keys(full[0]!).filter((h) => h !== 'Giacenza');
    const lines = [headers.join(','), ...full.slice(0, 20).map((r) => headers.map((h) => JSON.stringify(r[h] ?? '')).join(','))];
    writeFileSync(join(world.shop.dir.path, 'senza-giacenza.csv'), `${lines.join('\n')}\n`);
    const file = configVariant('no-column.yaml', (c) => {
      c.stock.file = './senza-giacenza.csv';
    });
    const run = await withoutWrites(() => civetta(world.shop, ['--config', file, '--json', 'sync']));
    const error = expectJsonError(run, 2);
    expect([error.message, ...error.details].join('\n')).toContain('Giacenza');
  });

  it('an unknown --channel is a usage error', async () => {
    const run = await withoutWrites(() => civetta(world.shop, ['--json', 'sync', '--channel', 'etsy']));
    const error = expectJsonError(run, 2);
    expect(error.message).toContain('etsy');
  });

  it('list of a SKU the stock file does not have', async () => {
    const run = await withoutWrites(() => civetta(world.shop, ['--json', 'list', 'NON-ESISTE-1', '--channel', 'ebay']));
    expect(expectJsonError(run, 2).message).toContain('NON-ESISTE-1');
  });

  it('orders ship of an order the ledger does not know', async () => {
    const run = await withoutWrites(() => civetta(world.shop, ['--json', 'orders', 'ship', '999-0000000-0000000', '--carrier', 'BRT', '--tracking', 'BRT1']));
    expect(expectJsonError(run, 2).message).toContain('999-0000000-0000000');
  });

  it('simulator on a port already taken names the port, no internal error', async () => {
    const taken = await loopbackServer(() => undefined);
    try {
      const port = new URL(taken.origin).port;
      const run = await civetta(world.shop, ['--json', 'simulator', '--port', port]);
      expect(expectJsonError(run, 2).message).toBe(`port ${port} on 127.0.0.1 is already in use: choose another --port, or --port 0 for any free one.`);
    } finally {
      await taken.close();
    }
  });

  it('an unknown --force-guard name', async () => {
    const run = await withoutWrites(() => civetta(world.shop, ['--json', 'sync', '--force-guard', 'everything']));
    expect(expectJsonError(run, 2).message).toContain('everything');
  });
});

describe('exit 3: another run holds the ledger lock', () => {
  it('sync, list and orders pull give up at once and do nothing', async () => {
    world.shop.setRow(hooks[0]!, { Giacenza: '2' });
    const runsBefore = ledgerRows<{ n: number }>(world.shop.ledgerFile, 'SELECT count(*) AS n FROM sync_runs')[0]!.n;
    const release = acquireLock(world.shop.ledgerFile, 'sync');
    try {
      for (const args of [['sync'], ['list', hooks[0]!, '--channel', 'ebay'], ['orders', 'pull']]) {
        const run = await withoutWrites(() => civetta(world.shop, ['--json', ...args]));
        expect(expectJsonError(run, 3).message).toContain('lock');
      }
    } finally {
      release();
      world.shop.writeStock(full);
    }
    expect(ledgerRows<{ n: number }>(world.shop.ledgerFile, 'SELECT count(*) AS n FROM sync_runs')[0]!.n).toBe(runsBefore);
  });
});

describe('exit 4: a safety guard stops the run before any remote write', () => {
  async function expectGuard(args: string[], guard: string): Promise<void> {
    const run = await withoutWrites(() => civetta(world.shop, ['--json', ...args]));
    const error = expectJsonError(run, 4);
    expect(error.guards).toEqual([guard]);
    const text = [error.message, ...error.details].join('\n');
    expect(text).toContain(guard);
    expect(text).toContain(`--force-guard ${guard}`);
    expect(run.stderr).toContain(`--force-guard ${guard}`);
  }

  it('stock-rows: a stock file shrunk to half', async () => {
    const keep = [...full.filter((r) => hooks.includes(r.Codice!)), ...full.filter((r) => !hooks.includes(r.Codice!))];
    world.shop.writeStock(keep.slice(0, Math.floor(full.length / 2)));
    try {
      await expectGuard(['sync', '--yes'], 'stock-rows');
    } finally {
      world.shop.writeStock(full);
    }
  });

  it('mass-delist: half the live listings would end', async () => {
    // Moved to a category no rule takes (a sold-out hook would stay and wait for stock).
    world.shop.writeStock(full.map((r) => (r.Codice === hooks[0] || r.Codice === hooks[1] ? { ...r, Categoria: 'Ricambi' } : r)));
    try {
      await expectGuard(['sync', '--channel', 'ebay'], 'mass-delist');
    } finally {
      world.shop.writeStock(full);
    }
  });

  it('price-change: a price moving more than maxPriceChangePercent', async () => {
    const row = full.find((r) => r.Codice === hooks[0])!;
    world.shop.setRow(hooks[0]!, { Prezzo: (Number(row.Prezzo) * 1.2).toFixed(2) });
    try {
      await expectGuard(['sync', '--channel', 'ebay'], 'price-change');
    } finally {
      world.shop.writeStock(full);
    }
  });

  it('price-floor: list with a price typed below the floor says the floor in currency units', async () => {
    const run = await withoutWrites(() => civetta(world.shop, ['--json', 'list', hooks[0]!, '--channel', 'ebay', '--price', '1.00']));
    const error = expectJsonError(run, 4);
    expect(error.guards).toEqual(['price-floor']);
    expect(error.details.join('\n')).toMatch(/price 1\.00 is below the floor \d+\.\d\d /);
  });

  it('price-floor: a sync whose pinned price fell below a raised cost', async () => {
    const row = full.find((r) => r.Codice === hooks[1])!;
    const pinned = await civetta(world.shop, ['list', hooks[1]!, '--channel', 'ebay', '--price', row.Prezzo!]);
    expect(pinned.code, pinned.stderr).toBe(0);
    world.shop.setRow(hooks[1]!, { Costo: (Number(row.Prezzo) * 2).toFixed(2) });
    try {
      await expectGuard(['sync', '--channel', 'ebay'], 'price-floor');
    } finally {
      world.shop.writeStock(full);
      const unpinned = await civetta(world.shop, ['delist', hooks[1]!, '--channel', 'ebay']);
      expect(unpinned.code, unpinned.stderr).toBe(0);
      const back = await civetta(world.shop, ['sync', '--channel', 'ebay']);
      expect(back.code, back.stderr).toBe(0);
    }
  });
});

describe('exit 5: the marketplace refuses the credentials', () => {
  it('a revoked eBay refresh token stops the run, names the channel and never the secret', async () => {
    const env = {
      CIVETTA_EBAY_CLIENT_ID: 'civetta-simulator',
      CIVETTA_EBAY_CLIENT_SECRET: 'civetta-simulator-secret',
      CIVETTA_EBAY_REFRESH_TOKEN: 'v^1.1#acceptance-shop-token',
    };
    // production: a simulator channel would use the simulator's own credentials, never these.
    const production = configVariant('production.yaml', (c) => {
      c.channels.ebay.environment = 'production';
    });
    const ok = await civetta(world.shop, ['--config', production, 'sync', '--channel', 'ebay'], { env });
    expect(ok.code, ok.stderr).toBe(0);
    world.sim.revokeRefreshToken('ebay', env.CIVETTA_EBAY_REFRESH_TOKEN);
    world.shop.setRow(hooks[0]!, { Giacenza: '2' });
    try {
      const run = await withoutWrites(() => civetta(world.shop, ['--config', production, '--json', 'sync', '--channel', 'ebay'], { env }));
      const error = expectJsonError(run, 5);
      expect(error.channel).toBe('ebay');
      expect(error.message).toMatch(/ebay/i);
      for (const secret of ['acceptance-shop-token', 'civetta-simulator-secret']) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    } finally {
      world.shop.writeStock(full);
    }
  });
});

describe('exit 1: the run finished but an item failed', () => {
  it('a marketplace that does not answer: exit 1 saying which call failed, not "internal error"', async () => {
    const gone = await loopbackServer(() => undefined);
    await gone.close();
    const file = configVariant('unreachable.yaml', (c) => {
      c.channels.ebay.endpoint = `${gone.origin}/ebay`;
      c.channels.ebay.tokenEndpoint = `${gone.origin}/ebay/identity/v1/oauth2/token`;
    });
    const run = await withoutWrites(() => civetta(world.shop, ['--config', file, '--json', 'sync', '--channel', 'ebay']));
    const error = expectJsonError(run, 1);
    expect(error.message).toMatch(/^a marketplace call failed: \w+: no answer from the marketplace \(connect ECONNREFUSED/);
    expect(run.stderr).not.toContain('internal error');
  });

  const ownShop = freshShops();
  it('an eBay listing refused by the marketplace is listed in the output and recorded in the ledger', async () => {
    const { shop: other } = await ownShop({ shop: { channels: ['ebay'], hooksLimit: 2 } });
    // 155202 (backpacks) requires a Colore aspect the shop never sends: eBay refuses the offer.
    const file = join(other.dir.path, 'civetta.config.yaml');
    // biome-ignore lint/suspicious/noExplicitAny: free-form YAML
    const config = yaml.load(readFileSync(file, 'utf8')) as Record<string, any>;
    config.channels.ebay.categories.LEGO = { id: '155202', aspects: { Marca: '{brand}' } };
    writeFileSync(file, yaml.dump(config));
    const run = await civetta(other, ['--json', 'sync']);
    expect(run.code, run.stderr).toBe(1);
    const report = onlyJson<{ exitCode: number; failed: Array<{ channel: string; sku: string; errors: Array<{ code: string; message: string }> }> }>(run);
    expect(report.exitCode).toBe(1);
    const failedSkus = report.failed.map((f) => f.sku).sort();
    expect(failedSkus).toHaveLength(2);
    expect(report.failed.every((f) => f.channel === 'ebay' && f.errors.some((e) => e.message.includes('Colore')))).toBe(true);
    // The refusal cannot change until the config does: the items are held, the next run
    // sends nothing for them and exits 0, naming them as held.
    const human = await civetta(other, ['sync']);
    expect(human.code, human.stdout).toBe(0);
    expect(human.stdout).toMatch(/Held \(refused before/);
    for (const sku of failedSkus) expect(human.stdout).toContain(sku);
    const recorded = ledgerRows<{ sku: string; outcome: string; errors: string }>(
      other.ledgerFile,
      "SELECT sku, outcome, errors FROM actions WHERE outcome = 'failed' AND run_id = (SELECT min(id) FROM sync_runs) ORDER BY sku",
    );
    expect(recorded.map((r) => r.sku)).toEqual(failedSkus);
    expect(recorded.every((r) => r.errors.includes('Colore'))).toBe(true);
  });
});
