import { describe, expect, it } from 'vitest';
import { selectHooks } from '../../src/hooks/select-hooks.js';
import { rankItems } from '../../src/hooks/rank.js';
import type { Config } from '../../src/config/schema.js';
import type { Problem } from '../../src/domain/problem.js';
import { config, item } from './make.js';

const hooksCfg = (h: Record<string, unknown>): Config['hooks'] => config({ hooks: h }).hooks;
const skus = (r: { hooks: { item: { sku: string } }[] }) => r.hooks.map((h) => h.item.sku);

// margins with 22% VAT: B 0.5, C 0.4, A 0.3, E (net 3000, cost 2200) 0.267, D 0.2
const A = item('A', { category: 'LEGO', priceMinor: 2440, costMinor: 1400, quantity: 9 });
const B = item('B', { category: 'LEGO', priceMinor: 2440, costMinor: 1000, quantity: 2 });
const C = item('C', { category: 'LEGO', priceMinor: 2440, costMinor: 1200, quantity: 5 });
const D = item('D', { category: 'Puzzle', priceMinor: 1220, costMinor: 800, quantity: 20 });
const E = item('E', { category: 'Puzzle', priceMinor: 3660, costMinor: 2200, quantity: 1 });
const ALL = [A, B, C, D, E];

describe('rankItems', () => {
  it('orders by each rank key with a SKU tie-break', () => {
    expect(rankItems(ALL, 'margin').map((i) => i.sku)).toEqual(['B', 'C', 'A', 'E', 'D']);
    expect(rankItems(ALL, 'quantity').map((i) => i.sku)).toEqual(['D', 'A', 'C', 'B', 'E']);
    expect(rankItems(ALL, 'price').map((i) => i.sku)).toEqual(['E', 'A', 'B', 'C', 'D']);
    expect(rankItems(ALL, '-price').map((i) => i.sku)).toEqual(['D', 'A', 'B', 'C', 'E']);
    expect(rankItems(ALL, 'sales', new Map([['C', 3], ['E', 7]])).map((i) => i.sku)).toEqual(['E', 'C', 'A', 'B', 'D']);
  });

  it('puts products without a margin last', () => {
    const noCost = item('0', { costMinor: undefined });
    expect(rankItems([noCost, D], 'margin').map((i) => i.sku)).toEqual(['D', '0']);
  });
});

describe('selectHooks', () => {
  it('takes per rule in rank order, rules in order; a product passes on to later rules', () => {
    const r = selectHooks({
      channel: 'ebay',
      items: ALL,
      hooks: hooksCfg({ rules: [
        { name: 'lego', where: { category: ['LEGO'] }, rank: 'margin', take: 2 },
        { name: 'stocked', where: { quantity: { min: 5 } }, rank: 'quantity' },
      ] }),
    });
    expect(r.hooks.map((h) => [h.item.sku, h.rule])).toEqual([['B', 'lego'], ['C', 'lego'], ['D', 'stocked'], ['A', 'stocked']]);
    const a = r.verdicts.find((v) => v.sku === 'A')!;
    expect(a.outcome).toBe('hook');
    expect(a.rules).toEqual([
      { rule: 'lego', status: 'passed', position: 3, of: 3, note: 'take is 2' },
      { rule: 'stocked', status: 'taken', position: 2, of: 2, kept: false },
    ]);
    const e = r.verdicts.find((v) => v.sku === 'E')!;
    expect(e).toMatchObject({ outcome: 'not-selected', reason: 'matches no rule' });
    expect(e.rules).toEqual([
      { rule: 'lego', status: 'failed', failure: { condition: 'category', found: '"Puzzle"', expected: 'one of LEGO' } },
      { rule: 'stocked', status: 'failed', failure: { condition: 'quantity', found: '1', expected: 'at least 5' } },
    ]);
    const b = r.verdicts.find((v) => v.sku === 'B')!;
    expect(b.rules[1]).toEqual({ rule: 'stocked', status: 'not-reached' });
  });

  it('stops at the overall limit; pins count first and stay even beyond the limit', () => {
    const rules = [{ name: 'all', where: {}, rank: 'margin' }];
    expect(skus(selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ limit: 3, rules }) }))).toEqual(['B', 'C', 'A']);
    const pinned = selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ limit: 3, include: ['D'], rules }) });
    expect(pinned.hooks.map((h) => [h.item.sku, h.rule])).toEqual([['D', 'pinned'], ['B', 'all'], ['C', 'all']]);
    expect(pinned.verdicts.find((v) => v.sku === 'A')!.reason).toBe('rule all: passed, 3rd of 4, not taken: limit reached (hooks.limit 3)');
    const over = selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ limit: 1, include: ['D', 'A'], rules }) });
    expect(skus(over)).toEqual(['D', 'A']);
  });

  it('exclude wins over rules and pins; an unknown pin is a warning', () => {
    const r = selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ include: ['B', 'ZZZ'], exclude: ['B', 'C'], rules: [{ name: 'all', where: {} }] }) });
    expect(skus(r)).toEqual(['A', 'E', 'D']);
    expect(r.verdicts.find((v) => v.sku === 'B')).toMatchObject({ outcome: 'excluded', reason: 'in hooks.exclude' });
    expect(r.warnings).toEqual(['pinned SKU "ZZZ" is not in the stock file']);
  });

  it('a product with a product-data error is never selected, not even when pinned', () => {
    const problem: Problem = { severity: 'error', code: 'ean-missing', message: 'amazon: no EAN' };
    const r = selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ include: ['C'], rules: [{ name: 'all', where: {} }] }), problems: new Map([['B', [problem]], ['C', [problem]]]) });
    expect(skus(r)).toEqual(['A', 'E', 'D']);
    expect(r.verdicts.find((v) => v.sku === 'B')).toMatchObject({ outcome: 'ineligible', reason: 'amazon: no EAN' });
  });

  it('a rule restricted to other channels is skipped', () => {
    const h = hooksCfg({ rules: [{ name: 'ebay-only', where: {}, channels: ['ebay'], take: 1 }, { name: 'rest', where: { category: ['Puzzle'] }, rank: 'quantity' }] });
    expect(skus(selectHooks({ channel: 'amazon', items: ALL, hooks: h }))).toEqual(['D', 'E']);
    expect(skus(selectHooks({ channel: 'ebay', items: ALL, hooks: h }))).toEqual(['B', 'D', 'E']);
    const amazonA = selectHooks({ channel: 'amazon', items: ALL, hooks: h }).verdicts.find((v) => v.sku === 'A')!;
    expect(amazonA.rules[0]).toEqual({ rule: 'ebay-only', status: 'other-channel' });
  });

  it('keeps a previous hook up to keepMargin places below the cut, displacing the lowest newcomer', () => {
    const rules = [{ name: 'all', where: {}, rank: 'margin', take: 2 }];
    // margin order: B, C, A, E, D. Cut at 2: B, C. E was a hook before and is 2 places below the cut.
    const kept = selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ keepMargin: 2, rules }), previous: new Set(['E']) });
    expect(skus(kept)).toEqual(['B', 'E']);
    expect(kept.verdicts.find((v) => v.sku === 'E')!.rules[0]).toEqual({ rule: 'all', status: 'taken', position: 4, of: 5, kept: true });
    expect(kept.verdicts.find((v) => v.sku === 'C')!.reason).toBe('rule all: passed, 2nd of 5, not taken: previous hook E kept (hooks.keepMargin 2)');
    // With keepMargin 1, E (2 places below the cut) drops out.
    expect(skus(selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ keepMargin: 1, rules }), previous: new Set(['E']) }))).toEqual(['B', 'C']);
    // A previous hook never displaces another previous hook.
    expect(skus(selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ keepMargin: 5, rules }), previous: new Set(['B', 'C', 'A']) }))).toEqual(['B', 'C']);
    // keepMargin 0: plain ranking.
    expect(skus(selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ keepMargin: 0, rules }), previous: new Set(['A']) }))).toEqual(['B', 'C']);
  });

  it("a rule's quantity minimum chooses new hooks; a hook already listed that sells below it stays and waits for stock", () => {
    // B (quantity 2) and E (quantity 1) are under the minimum of 3: neither becomes a hook.
    const rules = [{ name: 'stocked', where: { quantity: { min: 3 } }, rank: 'margin', take: 2 }];
    expect(skus(selectHooks({ channel: 'ebay', items: ALL, hooks: hooksCfg({ rules }) }))).toEqual(['C', 'A']);
    // B was a hook before and sold down to 2 (before: dropped at once, A or D listed instead).
    const kept = selectHooks({ channel: 'ebay', items: ALL, hooks: hooksCfg({ rules }), previous: new Set(['B', 'C']) });
    expect(skus(kept)).toEqual(['B', 'C']);
    expect(kept.verdicts.find((v) => v.sku === 'B')!.reason).toBe(
      "rule stocked: taken (1st of 4, below the rule's quantity minimum: a hook already, it sells what is left and waits for stock)",
    );
    // At 0 too; only the minimum is relaxed: every other condition still holds for a previous hook.
    const soldOut = { ...B, quantity: 0 };
    expect(skus(selectHooks({ channel: 'ebay', items: [A, soldOut, C, D, E], hooks: hooksCfg({ rules }), previous: new Set(['B', 'C']) }))).toEqual(['B', 'C']);
    const elsewhere = [{ name: 'stocked', where: { category: ['Puzzle'], quantity: { min: 3 } }, rank: 'margin', take: 2 }];
    expect(selectHooks({ channel: 'ebay', items: ALL, hooks: hooksCfg({ rules: elsewhere }), previous: new Set(['B']) }).verdicts.find((v) => v.sku === 'B')!.rules[0]).toMatchObject({
      status: 'failed',
      failure: { condition: 'category' },
    });
    const capped = [{ name: 'stocked', where: { quantity: { min: 3, max: 1 } }, rank: 'margin', take: 2 }];
    expect(selectHooks({ channel: 'ebay', items: ALL, hooks: hooksCfg({ rules: capped }), previous: new Set(['B']) }).verdicts.find((v) => v.sku === 'B')!.rules[0]).toMatchObject({
      status: 'failed',
      failure: { condition: 'quantity', found: '2', expected: 'at most 1' },
    });
  });

  it('is deterministic: the input order does not matter', () => {
    const h = hooksCfg({ limit: 3, rules: [{ name: 'all', where: {}, rank: 'price' }] });
    const forward = selectHooks({ channel: 'amazon', items: ALL, hooks: h });
    const backward = selectHooks({ channel: 'amazon', items: [...ALL].reverse(), hooks: h });
    expect(skus(forward)).toEqual(['E', 'A', 'B']);
    expect(skus(backward)).toEqual(skus(forward));
  });

  it('no rules selects nothing but pins', () => {
    const r = selectHooks({ channel: 'amazon', items: ALL, hooks: hooksCfg({ include: ['E'] }) });
    expect(skus(r)).toEqual(['E']);
    expect(r.verdicts.find((v) => v.sku === 'A')!.reason).toBe('no rules configured');
  });
});
