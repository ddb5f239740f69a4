import { describe, expect, it } from 'vitest';
import { LISTING_RULES } from '../../src/channels/registry.js';
import { channelHooks } from '../../src/hooks/channel-hooks.js';
import { config, item } from './make.js';

const ebay = {
  merchantLocationKey: 'negozio', policies: { fulfillment: 'f', payment: 'p', return: 'r' }, categories: { LEGO: '183446' },
  pricing: { markup: 0.1, floorMargin: 0.08, feePercent: 0.129, feeFixed: 0.35, round: 0.9 }, stock: { reserve: 1, max: 5 },
};
const rules = [
  { name: 'lego', where: { category: ['LEGO'] }, rank: 'margin', take: 5 },
  { name: 'peluche', where: { category: ['Peluche'], quantity: { min: 50 } }, rank: 'margin', take: 5 },
];
const noSafety = { safety: {} };

describe('listability', () => {
  it('a channel whose every product lacks GPSR data or an eBay category lists nothing: top reasons with counts and spread', () => {
    const items = [
      item('L1', { category: 'LEGO', brand: 'LEGO', costMinor: 900, ...noSafety }),
      item('L2', { category: 'LEGO', brand: 'LEGO', costMinor: 900, ...noSafety }),
      item('D1', { category: 'Puzzle', brand: 'Djeco', costMinor: 900, ...noSafety }),
      item('P1', { category: 'Peluche', brand: 'Trudi', costMinor: 900 }),
      item('B1', { category: 'Libri', brand: 'Giunti', costMinor: 900 }),
    ];
    const cfg = config({ channels: { ebay }, hooks: { limit: 10, rules } });
    const hooks = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay);
    // Before: `hooks` printed "0 hook(s)" and validate/sync exited 0.
    const l = hooks.listability;
    expect(l).toMatchObject({ channel: 'ebay', products: 5, eligible: 0, hooks: 0, nothingListable: true });
    // Most products first; ties by code.
    expect(l.reasons.map((r) => r.text)).toEqual([
      'no eBay category for 3 products in 3 shop categories',
      'GPSR manufacturer missing for 3 products of 2 brands',
      'GPSR responsible person missing for 3 products of 2 brands',
    ]);
    expect(l.reasons[0]).toMatchObject({ code: 'ebay-category-unmapped', products: 3, spread: { by: 'category', count: 3 } });
  });

  it('a rule that selects nothing is named, with the condition most products fail on', () => {
    const items = [item('L1', { category: 'LEGO', costMinor: 900 }), item('P1', { category: 'Peluche', costMinor: 900, quantity: 3 })];
    const cfg = config({ channels: { ebay: { ...ebay, categories: { LEGO: '183446', Peluche: '2624' } } }, hooks: { limit: 10, rules } });
    const l = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay).listability;
    expect(l.nothingListable).toBe(false);
    expect(l.emptyRules).toEqual([
      { rule: 'peluche', passed: 0, message: 'rule "peluche" selects nothing on ebay: no product passes its conditions (most fail on quantity: 1 product)' },
    ]);
  });

  it('eligible products that no rule takes are a reason of their own', () => {
    const items = [item('P1', { category: 'Peluche', costMinor: 900, quantity: 3 })];
    const cfg = config({ channels: { ebay: { ...ebay, categories: { Peluche: '2624' } } }, hooks: { limit: 10, rules } });
    const l = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay).listability;
    expect(l.nothingListable).toBe(true);
    expect(l.reasons[0]).toEqual({ code: 'no-rule-selects', products: 1, text: 'no rule selects any of the 1 product that could be listed' });
  });

  it('a rule that finds every product taken by the rules before it is not named, one that finds them all over the limit is', () => {
    const items = [item('L1', { category: 'LEGO', costMinor: 900 }), item('L2', { category: 'LEGO', costMinor: 900 })];
    const legoTwice = [{ name: 'all-lego', where: { category: ['LEGO'] }, rank: 'margin' }, { name: 'lego-again', where: { category: ['LEGO'] }, rank: 'price' }];
    const cfg = (limit: number) => config({ channels: { ebay }, hooks: { limit, rules: legoTwice } });
    expect(channelHooks(cfg(10), items, 'ebay', LISTING_RULES.ebay).listability.emptyRules).toEqual([]);
    expect(channelHooks(cfg(1), items, 'ebay', LISTING_RULES.ebay).listability.emptyRules).toEqual([
      { rule: 'lego-again', passed: 1, message: 'rule "lego-again" selects nothing on ebay: 1 product pass its conditions, but earlier rules and pins filled hooks.limit' },
    ]);
  });
});
