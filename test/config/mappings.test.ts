import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cosmiconfig } from 'cosmiconfig';
import { Config } from '../../src/config/schema.js';
import { readStock } from '../../src/stock/read-stock.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** The shipped mapping as a user pastes it into a config, validated by the schema. */
async function mapping(name: string) {
  const raw = (await cosmiconfig('civetta').load(root(`config/mappings/${name}.yaml`)))!.config as { stock: Record<string, unknown> };
  return Config.parse({ shop: { name: 'x' }, hooks: {}, stock: { file: 'x.csv', ...raw.stock } }).stock;
}

describe('shipped column mappings read real exports without code changes', () => {
  it.each([
    ['woocommerce', 'fixtures/stock/woocommerce/wc-product-export-23-11-2026.csv', { rows: 11, good: 10, bad: 1 }],
    ['shopify', 'fixtures/stock/shopify/products_export_1.csv', { rows: 5, good: 5, bad: 0 }],
  ])('%s', async (name, file, want) => {
    const stock = await mapping(name);
    const result = await readStock({ ...stock, file: root(file) });
    expect({ rows: result.stats.rows, good: result.stats.goodRows, bad: result.stats.badRows }).toEqual(want);
    expect(result.items.length).toBe(result.stats.goodRows);
    expect(result.items.length).toBeGreaterThan(0);
  });
});
