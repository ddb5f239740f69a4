import { describe, expect, it } from 'vitest';
import { AmazonConfig } from '../../../src/config/schema.js';
import { IT } from './helpers.js';

const parse = (over: Record<string, unknown>) => AmazonConfig.safeParse({ marketplaceIds: [IT], sellerId: 'A1SELLER', ...over });
const problems = (over: Record<string, unknown>) => {
  const r = parse(over);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('channels.amazon config section', () => {
  it('condition is one of the listings model values (listingsItems_2021-08-01 conditionType), default new_new', () => {
    expect(parse({}).data?.condition).toBe('new_new');
    expect(parse({ condition: 'used_very_good' }).data?.condition).toBe('used_very_good');
    expect(problems({ condition: 'new' })).toEqual(['condition']);
    expect(problems({ condition: 'New_New' })).toEqual(['condition']);
  });

  it('marketplaceIds: 1 to 50 (searchOrders maxItems)', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `M${i}`);
    expect(problems({ marketplaceIds: ids(50) })).toEqual([]);
    expect(problems({ marketplaceIds: ids(51) })).toEqual(['marketplaceIds']);
    expect(problems({ marketplaceIds: [] })).toEqual(['marketplaceIds']);
  });
});
