import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext } from '../../src/cli/build-context.js';
import { run } from '../../src/cli/commands/orders-export.js';
import { captureOutput } from '../../src/cli/output.js';
import { EXPECTED_IT, EXPECTED_PLAIN } from '../orders/expected-export.js';
import { knownShop } from '../orders/known-ledger.js';
import { runCli } from '../support/run-cli.js';

let shop: { dir: string; config: string };
beforeAll(() => {
  shop = knownShop();
});
afterAll(() => rmSync(shop.dir, { recursive: true, force: true }));

describe('civetta orders export on a known ledger', () => {
  it('spawned: plain CSV on stdout, byte for byte (formula-looking title neutralised)', async () => {
    const r = await runCli(['orders', 'export'], { cwd: shop.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(EXPECTED_PLAIN);
  });

  it('spawned: --json carries the rows and nothing else on stdout; bad dates exit 2', async () => {
    const r = await runCli(['orders', 'export', '--channel', 'amazon', '--json'], { cwd: shop.dir });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { rows: Array<Record<string, unknown>> };
    expect(body.rows.map((row) => [row.order_id, row.gross, row.title])).toEqual([
      ['171-1234567-7654321', '34.80', '=HYPERLINK("http://x","Puzzle 1000, pezzi")'],
    ]);
    const bad = await runCli(['orders', 'export', '--from', '01/11/2026'], { cwd: shop.dir });
    expect(bad.code).toBe(2);
  });

  it('Italian style with --out: BOM + semicolons + decimal comma, no buyer columns, written atomically', async () => {
    const out = captureOutput();
    const ctx = buildContext({ options: { json: false, quiet: false, verbose: false, config: shop.config }, out, cwd: shop.dir, env: {} });
    const result = await run({ format: 'csv', style: 'it', pii: false, out: 'export-it.csv' }, ctx);
    expect(result).toEqual({ exitCode: 0, json: { file: join(shop.dir, 'export-it.csv'), rows: 4, format: 'csv', style: 'it' } });
    expect(readFileSync(join(shop.dir, 'export-it.csv'))).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EXPECTED_IT, 'utf8')]));
    expect(readdirSync(shop.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(out.stdout).toEqual([`4 order line(s) written to ${join(shop.dir, 'export-it.csv')}\n`]);
  });
});
