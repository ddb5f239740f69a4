import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { configJsonSchema, configReference, configReferenceMarkdown } from '../../src/config/config-reference.js';
import { referenceBlock } from '../../src/config/readme-block.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('documentation generated from the config schema', () => {
  it('every key has a description', () => {
    expect(configReference().filter((r) => !r.description).map((r) => r.key)).toEqual([]);
  });

  it('README config reference matches the schema (regenerate: npx tsx scripts/gen-config-docs.ts)', () => {
    expect(referenceBlock(read('README.md'))).toBe(configReferenceMarkdown());
  });

  it('config/civetta.schema.json matches the schema (regenerate: npx tsx scripts/gen-config-docs.ts)', () => {
    expect(read('config/civetta.schema.json')).toBe(configJsonSchema());
  });

  it('the reference states types and defaults in words', () => {
    const rows = new Map(configReference().map((r) => [r.key, r]));
    expect(rows.get('channels.ebay.pricing.round')).toEqual({ key: 'channels.ebay.pricing.round', expected: 'a number ≥ 0 and < 1 (optional)', description: 'price ending: 0.99 rounds up to x.99, 0.90 to x.90; omit to keep cents' });
    expect(rows.get('hooks.limit')).toEqual({ key: 'hooks.limit', expected: 'a whole number ≥ 0', default: '40', description: 'most hooks per channel' });
    expect(rows.get('hooks.rules[].rank')?.expected).toBe('one of "margin", "quantity", "price", "-price", "sales"');
  });
});
