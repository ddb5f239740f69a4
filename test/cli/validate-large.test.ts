import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { gtinCheckDigit } from '../../src/stock/ean.js';

/** Rows, past what `push(...problems)` could spread (a RangeError from about 130,000 here). */
const ROWS = 200_000;

/** A distributor's list without safety warnings: every product gets the GPSR warnings warning on Amazon. */
function distributorList(): string {
  const lines = ['sku,ean,title,brand,category,price,cost,quantity,image'];
  for (let i = 0; i < ROWS; i++) {
    const body = `800${String(i).padStart(9, '0')}`;
    lines.push(`ART-${i},${body}${gtinCheckDigit(body)},Puzzle ${i} pezzi,Clementoni,Puzzle,${(9.9 + (i % 50)).toFixed(2)},4.00,${i % 30},https://img.example/${i}.jpg`);
  }
  return `${lines.join('\n')}\n`;
}

const CONFIG = `shop: { name: Grossista, currency: EUR }
stock:
  file: ./listino.csv
  columns: { sku: sku, ean: ean, title: title, brand: brand, category: category, price: price, cost: cost, quantity: quantity, image: image }
vat: { default: 0.22 }
productSafety:
  parties: { clementoni: { name: "Clementoni S.p.A.", street: "Zona Industriale Fontenoce", city: Recanati, postalCode: "62019", country: IT, email: sicurezza@clementoni.example } }
  brands: { Clementoni: { manufacturer: clementoni, responsiblePerson: clementoni } }
hooks:
  limit: 10
  rules: [{ name: puzzles, where: { category: [Puzzle] }, rank: margin }]
channels:
  amazon:
    enabled: true
    environment: simulator
    marketplaceIds: [APJ6JRA9NG5V4]
    sellerId: A1CIVETTASIM
    endpoint: http://127.0.0.1:9/amazon
    tokenEndpoint: http://127.0.0.1:9/amazon/auth/o2/token
    pricing: { markup: 0.15, floorMargin: 0.08, feePercent: 0.1545, round: 0.99 }
`;

describe('validate over a distributor list of 200,000 rows (spawned)', () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.cleanup());

  // Before: "civetta: internal error, please report it: Maximum call stack size exceeded", exit 1.
  it('counts a warning on every row and exits 0', async () => {
    dir = tempDir();
    dir.write({ 'civetta.config.yaml': CONFIG, 'listino.csv': distributorList() });
    const r = await runCli(['validate'], { cwd: dir.path, timeoutMs: 170_000 });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`amazon: ${ROWS} product(s) can be listed, 0 cannot; 10 hook(s) selected`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`0 error(s), ${ROWS} warning(s): a run is safe; a sync would list 10 hook(s) on amazon`);
  }, 180_000);
});
