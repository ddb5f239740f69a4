import { describe, expect, it } from 'vitest';
import { missingHooks } from '../../src/hooks/missing-hooks.js';
import { selectHooks } from '../../src/hooks/select-hooks.js';
import type { Config } from '../../src/config/schema.js';
import { config, item } from './make.js';

const hooksCfg = (h: Record<string, unknown>): Config['hooks'] => config({ hooks: h }).hooks;
const skus = (r: { hooks: { item: { sku: string } }[] }) => r.hooks.map((h) => h.item.sku);
const NOW = '2026-12-05T12:00:00.000Z';
const rules = [{ name: 'lego', where: { category: ['LEGO'] }, rank: 'margin', take: 2 }];

// margins with 22% VAT: B 0.5, C 0.4, A 0.3
const A = item('A', { category: 'LEGO', priceMinor: 2440, costMinor: 1400, quantity: 9 });
const B = item('B', { category: 'LEGO', priceMinor: 2440, costMinor: 1000, quantity: 2 });
const C = item('C', { category: 'LEGO', priceMinor: 2440, costMinor: 1200, quantity: 5 });

describe('missingHooks', () => {
  const base = { previous: new Map([['B', 'lego'], ['C', 'lego']]), inFile: new Set(['A', 'C']), since: new Map<string, string>(), now: NOW };

  it('a previous hook missing from the file starts its grace now and is delisted after missingGraceHours', () => {
    expect(missingHooks({ ...base, hooks: hooksCfg({ rules }) })).toEqual([
      { sku: 'B', rule: 'lego', since: NOW, delistAfter: '2026-12-06T12:00:00.000Z', expired: false },
    ]);
  });

  it('measures the grace from when a run first found it missing', () => {
    const within = missingHooks({ ...base, since: new Map([['B', '2026-12-04T12:00:01.000Z']]), hooks: hooksCfg({ rules }) });
    expect(within[0]?.expired).toBe(false);
    const over = missingHooks({ ...base, since: new Map([['B', '2026-12-04T12:00:00.000Z']]), hooks: hooksCfg({ rules }) });
    expect(over[0]).toMatchObject({ sku: 'B', expired: true, delistAfter: NOW });
    // 0 hours: the old behaviour, delisted at the first run that misses it.
    expect(missingHooks({ ...base, hooks: hooksCfg({ rules, missingGraceHours: 0 }) })[0]?.expired).toBe(true);
  });

  it('does not keep a hook the config would drop anyway: excluded now, or its rule or pin gone', () => {
    expect(missingHooks({ ...base, hooks: hooksCfg({ rules, exclude: ['B'] }) })).toEqual([]);
    expect(missingHooks({ ...base, hooks: hooksCfg({ rules: [{ ...rules[0], name: 'renamed' }] }) })).toEqual([]);
    const pinned = { ...base, previous: new Map([['B', 'pinned']]) };
    expect(missingHooks({ ...pinned, hooks: hooksCfg({ rules }) })).toEqual([]);
    expect(missingHooks({ ...pinned, hooks: hooksCfg({ rules, include: ['B'] }) })).toHaveLength(1);
  });
});

describe('selectHooks with a hook missing from the file', () => {
  const missing = (expired: boolean) => [{ sku: 'B', rule: 'lego', since: NOW, delistAfter: NOW, expired }];

  it('keeps its slot in its rule while the grace lasts: no replacement is taken', () => {
    const before = selectHooks({ channel: 'ebay', items: [A, B, C], hooks: hooksCfg({ rules }) });
    expect(skus(before)).toEqual(['B', 'C']);
    // B vanished: before the grace, A took its slot at once.
    expect(skus(selectHooks({ channel: 'ebay', items: [A, C], hooks: hooksCfg({ rules }), previous: new Set(['B', 'C']) }))).toEqual(['C', 'A']);
    const kept = selectHooks({ channel: 'ebay', items: [A, C], hooks: hooksCfg({ rules }), previous: new Set(['B', 'C']), missing: missing(false) });
    expect(skus(kept)).toEqual(['C']);
    expect(kept.missing).toEqual(missing(false));
    expect(kept.verdicts.find((v) => v.sku === 'A')?.reason).toBe('rule lego: passed, 2nd of 2, not taken: take is 2, 1 slot(s) kept for hooks missing from the stock file');
  });

  it('keeps its slot in hooks.limit too', () => {
    const r = selectHooks({ channel: 'ebay', items: [A, C], hooks: hooksCfg({ limit: 2, rules: [{ ...rules[0], take: undefined }] }), previous: new Set(['B', 'C']), missing: missing(false) });
    expect(skus(r)).toEqual(['C']);
    expect(r.verdicts.find((v) => v.sku === 'A')?.reason).toContain('limit reached (hooks.limit 2, 1 slot(s) kept for hooks missing from the stock file)');
  });

  it('once the grace is over the slot goes to the next product', () => {
    expect(skus(selectHooks({ channel: 'ebay', items: [A, C], hooks: hooksCfg({ rules }), previous: new Set(['B', 'C']), missing: missing(true) }))).toEqual(['C', 'A']);
  });
});
