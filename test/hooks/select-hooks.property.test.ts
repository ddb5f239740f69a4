import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectHooks } from '../../src/hooks/select-hooks.js';
import { config, item } from './make.js';

const arbItem = fc.record({
  sku: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'),
  category: fc.constantFrom('LEGO', 'Puzzle', 'Libri'),
  priceMinor: fc.integer({ min: 100, max: 10_000 }),
  costMinor: fc.option(fc.integer({ min: 50, max: 9_000 }), { nil: undefined }),
  quantity: fc.integer({ min: 0, max: 30 }),
});
const arbRule = fc.record({
  name: fc.constantFrom('r1', 'r2', 'r3'),
  where: fc.record({ category: fc.option(fc.subarray(['LEGO', 'Puzzle', 'Libri']), { nil: undefined }), quantity: fc.option(fc.record({ min: fc.integer({ min: 0, max: 10 }) }), { nil: undefined }) }, { requiredKeys: [] }),
  rank: fc.constantFrom('margin', 'quantity', 'price', '-price', 'sales'),
  take: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
});

describe('selectHooks properties', () => {
  it('never exceeds limit + pins, never selects an excluded product, never selects twice, ignores input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbItem, { selector: (i) => i.sku, maxLength: 8 }),
        fc.uniqueArray(arbRule, { selector: (r) => r.name, maxLength: 3 }),
        fc.integer({ min: 0, max: 6 }),
        fc.subarray(['A', 'B', 'C']),
        fc.subarray(['C', 'D']),
        fc.subarray(['A', 'E', 'F']),
        fc.integer({ min: 0, max: 3 }),
        (raw, rules, limit, include, exclude, previous, keepMargin) => {
          const items = raw.map((r) => item(r.sku, r));
          const hooks = config({ hooks: { limit, include, exclude, keepMargin, rules } }).hooks;
          const input = { channel: 'ebay' as const, items, hooks, previous: new Set(previous) };
          const r = selectHooks(input);
          const skus = r.hooks.map((h) => h.item.sku);
          const pins = r.hooks.filter((h) => h.rule === 'pinned').length;
          expect(new Set(skus).size).toBe(skus.length);
          expect(r.hooks.length - pins).toBeLessThanOrEqual(Math.max(0, limit - pins));
          for (const s of exclude) expect(skus).not.toContain(s);
          expect(r.verdicts.length).toBe(items.length);
          const again = selectHooks({ ...input, items: [...items].reverse() });
          expect(again.hooks.map((h) => [h.item.sku, h.rule])).toEqual(r.hooks.map((h) => [h.item.sku, h.rule]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
