import { describe, expect, it } from 'vitest';
import { LISTING_RULES } from '../../src/channels/registry.js';
import { channelHooks } from '../../src/hooks/channel-hooks.js';
import { buildOffers } from '../../src/pricing/build-offers.js';
import { contentHash, stableJson } from '../../src/pricing/content-hash.js';
import { explainText, hooksTable } from '../../src/cli/render/hooks-table.js';
import { config, item } from './make.js';

const cfg = config({
  channels: {
    ebay: {
      merchantLocationKey: 'negozio', policies: { fulfillment: 'f', payment: 'p', return: 'r' }, categories: { LEGO: '183446' },
      pricing: { markup: 0.1, floorMargin: 0.08, feePercent: 0.129, feeFixed: 0.35, round: 0.9 }, stock: { reserve: 1, max: 5 },
    },
  },
  hooks: { limit: 10, rules: [{ name: 'lego-under-30', where: { category: ['LEGO'], price: { max: 30 } }, rank: 'margin', take: 5 }] },
});
const items = [
  item('LEG1', { title: 'LEGO City Stazione di Polizia', category: 'LEGO', priceMinor: 2990, costMinor: 1700, quantity: 9 }),
  item('LEG2', { title: 'LEGO Friends Casa', category: 'LEGO', priceMinor: 3990, costMinor: 2000, quantity: 3 }),
  item('LEG3', { title: 'LEGO Duplo Treno', category: 'LEGO', priceMinor: 1490, costMinor: 1200, quantity: 2 }),
  item('PUZ1', { title: 'Puzzle 1000 pezzi', category: 'Puzzle', priceMinor: 1290, costMinor: 600, quantity: 8 }),
];

describe('channelHooks + buildOffers', () => {
  it('prices the hooks: markup, ending, floor, reserve, max and open orders', () => {
    // LEG3 (2 in stock, reserve 1, 1 in an open order) has 0 to sell: as a previous hook it keeps
    // its slot and waits for stock; as a newcomer it takes none (next test).
    const r = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay, { openOrderUnits: new Map([['LEG3', 1]]), previous: new Map([['LEG3', 'all']]) });
    expect(r.offers.map((o) => [o.sku, o.priceMinor, o.floorMinor, o.quantity, o.reason, o.currency])).toEqual([
      // 29.90 × 1.1 = 32.89 → 32.90; floor (1700 × 1.08 + 35) / (1/1.22 − 0.129) = 2709
      ['LEG1', 3290, 2709, 5, 'lego-under-30', 'EUR'],
      // 14.90 × 1.1 = 16.39 → 16.90 < floor (1200 × 1.08 + 35) / 0.690672 = 1927.1 → 1928 → 19.90
      ['LEG3', 1990, 1928, 0, 'lego-under-30', 'EUR'],
    ]);
    expect(r.offers[0]!.contentHash).toBe(contentHash(r.offers[0]!.product));
  });

  it('a product with nothing to sell on the channel takes no hook slot unless it is already a hook', () => {
    const r = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay, { openOrderUnits: new Map([['LEG3', 1]]), explain: true });
    expect(r.offers.map((o) => o.sku)).toEqual(['LEG1']);
    expect(r.verdicts?.find((v) => v.sku === 'LEG3')).toMatchObject({ outcome: 'no-stock', reason: expect.stringMatching(/^channel quantity 0/) });
  });

  it('explains every product', () => {
    const r = channelHooks(cfg, items, 'ebay', LISTING_RULES.ebay, { explain: true });
    expect(explainText(r).split('\n')).toEqual([
      'ebay: why each product is in or out',
      'IN  LEG1  LEGO City Stazione di Polizia  — hook: rule lego-under-30: taken (1st of 2)',
      '      1. lego-under-30: taken (1st of 2)',
      'OUT LEG2  LEGO Friends Casa  — not-selected: matches no rule',
      '      1. lego-under-30: failed: price found 39.90, expected at most 30.00',
      'IN  LEG3  LEGO Duplo Treno  — hook: rule lego-under-30: taken (2nd of 2)',
      '      1. lego-under-30: taken (2nd of 2)',
      'OUT PUZ1  Puzzle 1000 pezzi  — ineligible: ebay: category "Puzzle" has no eBay category in channels.ebay.categories',
    ]);
    expect(hooksTable(r).split('\n')).toEqual([
      'ebay: 2 hook(s)',
      'SKU   TITLE                              PRICE  QTY  RULE',
      'LEG1  LEGO City Stazione di Polizia  32.90 EUR    5  lego-under-30',
      'LEG3  LEGO Duplo Treno               19.90 EUR    1  lego-under-30',
    ]);
  });

  it('a channel that is not configured gets no offers', () => {
    expect(buildOffers([{ item: items[0]!, rule: 'x' }], cfg, 'amazon')).toEqual([]);
  });
});

describe('contentHash', () => {
  it('ignores key order, price and quantity; changes with the content', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const a = item('A');
    expect(contentHash({ ...a, priceMinor: 1, quantity: 0 })).toBe(contentHash(a));
    expect(contentHash({ ...a, title: 'Altro' })).not.toBe(contentHash(a));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
