import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LISTING_RULES } from '../../src/channels/registry.js';
import { channelHooks } from '../../src/hooks/channel-hooks.js';
import type { ProductVerdict } from '../../src/hooks/verdicts.js';
import { config, item } from './make.js';

const ebay = {
  merchantLocationKey: 'negozio', policies: { fulfillment: 'f', payment: 'p', return: 'r' }, categories: { LEGO: '183446', Puzzle: '2613' },
  pricing: { markup: 0.1, floorMargin: 0.08, feePercent: 0.129, feeFixed: 0.35, round: 0.9 }, stock: { reserve: 1, max: 5 },
};
// Libri has no eBay category and a product without cost has no floor: both are refused on eBay,
// so the walk meets ineligible products, products waiting for stock (quantity ≤ reserve) and eligible ones.
const arbItem = fc.record({
  n: fc.integer({ min: 0, max: 999 }),
  category: fc.constantFrom('LEGO', 'Puzzle', 'Libri'),
  brand: fc.constantFrom('LEGO', 'Clementoni', undefined),
  priceMinor: fc.integer({ min: 500, max: 10_000 }),
  costMinor: fc.option(fc.integer({ min: 50, max: 4_000 }), { nil: undefined, freq: 8 }),
  quantity: fc.integer({ min: 0, max: 8 }),
});
const arbRule = fc.record({
  name: fc.constantFrom('r1', 'r2', 'r3'),
  where: fc.record(
    { category: fc.option(fc.subarray(['LEGO', 'Puzzle', 'Libri']), { nil: undefined }), quantity: fc.option(fc.record({ min: fc.integer({ min: 0, max: 6 }) }), { nil: undefined }), price: fc.option(fc.record({ max: fc.integer({ min: 10, max: 90 }) }), { nil: undefined }) },
    { requiredKeys: [] },
  ),
  rank: fc.constantFrom('margin', 'quantity', 'price', '-price', 'sales'),
  take: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  channels: fc.option(fc.constantFrom(['ebay'], ['amazon']), { nil: undefined }),
});
const skuOf = (n: number) => `S${n}`;

/**
 * What listability counts, worked out the slow way from every product's verdict (selectHooks
 * over the whole file): the walk's tally must arrive at the same numbers.
 */
function countedFromVerdicts(verdicts: readonly ProductVerdict[]) {
  const reasons = new Map<string, number>();
  let eligible = 0;
  const rules = new Map<string, { taken: number; passed: number; reached: boolean; failures: Map<string, number> }>();
  for (const v of verdicts) {
    for (const r of v.rules) {
      const e = rules.get(r.rule) ?? { taken: 0, passed: 0, reached: false, failures: new Map<string, number>() };
      if (r.status === 'taken') e.taken += 1;
      if (r.status === 'passed') e.passed += 1;
      if (r.status === 'failed') e.failures.set(r.failure.condition, (e.failures.get(r.failure.condition) ?? 0) + 1);
      if (r.status === 'taken' || r.status === 'passed' || r.status === 'failed') e.reached = true;
      rules.set(r.rule, e);
    }
    if (v.outcome === 'excluded') continue;
    const codes = new Set(v.problems.filter((p) => p.severity === 'error').map((p) => p.code));
    if (v.outcome === 'no-stock') codes.add('no-stock');
    if (codes.size === 0) eligible += 1;
    for (const code of codes) reasons.set(code, (reasons.get(code) ?? 0) + 1);
  }
  const empty = [...rules].filter(([, e]) => e.reached && e.taken === 0).map(([rule, e]) => ({ rule, passed: e.passed, mostFailing: e.passed > 0 ? 0 : Math.max(0, ...e.failures.values()) }));
  return { products: verdicts.length, eligible, reasons: Object.fromEntries(reasons), empty };
}

describe('channelHooks walks the file keeping only the best candidates', () => {
  it('selects, prices and counts exactly as when every product is kept', () => {
    fc.assert(
      fc.property(
        // Up to 300 products, so a rule's candidates are cut back (past 2 × (limit + keepMargin) + 64) during the walk.
        fc.uniqueArray(arbItem, { selector: (i) => i.n, maxLength: 300, size: 'max' }),
        fc.uniqueArray(arbRule, { selector: (r) => r.name, maxLength: 3 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        // Which products were hooks, are pinned or excluded: every k-th of the file (0: none), so they meet the cut often.
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 40 })), { maxLength: 30 }),
        (raw, rules, limit, keepMargin, hookEvery, pinEvery, excludeEvery, sold) => {
          const every = (k: number) => raw.filter((_, i) => k > 0 && i % k === k - 1).map((r) => r.n);
          const [previous, include, exclude] = [every(hookEvery), [...every(pinEvery), 1000], every(excludeEvery)];
          const items = raw.map((r, i) => item(skuOf(r.n), { ...r, line: i + 2, ean: r.n % 11 === 0 ? undefined : '8001234567897' }));
          const cfg = config({ channels: { ebay }, hooks: { limit, keepMargin, include: include.map(skuOf), exclude: exclude.map(skuOf), rules } });
          const opts = {
            previous: new Map(previous.map((n) => [skuOf(n), 'r1'])),
            now: '2026-12-06T04:00:00Z',
            sales: new Map(sold.map(([n, units]) => [skuOf(n), units])),
          };
          const walked = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay, opts);
          const everything = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay, { ...opts, explain: true });
          expect(walked.selection.hooks.map((h) => [h.item.sku, h.rule])).toEqual(everything.selection.hooks.map((h) => [h.item.sku, h.rule]));
          expect(walked.offers).toEqual(everything.offers);
          expect(walked.listability).toEqual(everything.listability);
          expect([walked.selection.warnings, walked.selection.missing]).toEqual([everything.selection.warnings, everything.selection.missing]);
          expect(everything.verdicts).toHaveLength(items.length);
          expect(walked.verdicts).toBeUndefined();
          const counted = countedFromVerdicts(everything.verdicts ?? []);
          const l = walked.listability;
          expect({ products: l.products, eligible: l.eligible }).toEqual({ products: counted.products, eligible: counted.eligible });
          for (const r of l.reasons) if (r.code !== 'no-rule-selects') expect([r.code, r.products]).toEqual([r.code, counted.reasons[r.code]]);
          expect(l.reasons.filter((r) => r.code !== 'no-rule-selects')).toHaveLength(Math.min(5, Object.keys(counted.reasons).length));
          expect(l.emptyRules.map((r) => ({ rule: r.rule, passed: r.passed, mostFailing: Number(/: (\d+) products?\)$/.exec(r.message)?.[1] ?? 0) }))).toEqual(counted.empty);
        },
      ),
      { numRuns: 200 },
    );
  });
});
