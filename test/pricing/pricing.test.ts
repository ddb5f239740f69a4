import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PricingConfig, ChannelStockConfig } from '../../src/config/schema.js';
import { roundUpToEnding } from '../../src/pricing/round-to-ending.js';
import { coversFloor, floorPrice } from '../../src/pricing/floor.js';
import { channelPrice } from '../../src/pricing/channel-price.js';
import { channelQuantity } from '../../src/pricing/channel-quantity.js';

const pricing = (p: Record<string, unknown>) => PricingConfig.parse(p);

describe('roundUpToEnding', () => {
  it.each([
    [1234, 0.99, 1299],
    [1299, 0.99, 1299],
    [1300, 0.99, 1399],
    [1295, 0.9, 1390],
    [1290, 0.9, 1290],
    [1201, 0, 1300],
    [1200, 0, 1200],
    [5, 0.99, 99],
    [1234, undefined, 1234],
  ])('%i with ending %s → %i (never down)', (price, ending, want) => {
    expect(roundUpToEnding(price, ending)).toBe(want);
  });
});

describe('floorPrice', () => {
  it('is the smallest price whose net proceeds after VAT and fees cover cost × (1 + floorMargin)', () => {
    // eBay-like: 12.9% + 0.35, 8% margin, 22% VAT, cost 10.00.
    // p ≥ (1000 × 1.08 + 35) / (1/1.22 − 0.129) = 1115 / 0.690672… = 1614.38… → 1615
    const p = pricing({ feePercent: 0.129, feeFixed: 0.35, floorMargin: 0.08 });
    expect(floorPrice(1000, 0.22, p)).toBe(1615);
    expect(coversFloor(1615, 1000, 0.22, p)).toBe(true);
    expect(coversFloor(1614, 1000, 0.22, p)).toBe(false);
  });

  it('without fees, margin or VAT the floor is the cost', () => {
    expect(floorPrice(1234, 0, pricing({}))).toBe(1234);
  });

  it('books at 4% VAT have a lower floor than toys at 22%', () => {
    const p = pricing({ feePercent: 0.1545, floorMargin: 0.08 });
    // 1000 × 1.08 / (1/1.04 − 0.1545) = 1080 / 0.807038… = 1338.2… → 1339
    expect(floorPrice(1000, 0.04, p)).toBe(1339);
    // 1080 / (1/1.22 − 0.1545) = 1080 / 0.665172… = 1623.6… → 1624
    expect(floorPrice(1000, 0.22, p)).toBe(1624);
  });

  it('reports no-cost and fees-exceed-revenue', () => {
    expect(floorPrice(undefined, 0.22, pricing({}))).toBe('no-cost');
    expect(floorPrice(1000, 0.22, pricing({ feePercent: 0.9 }))).toBe('fees-exceed-revenue');
  });
});

describe('channelPrice', () => {
  const amazon = pricing({ markup: 0.15, add: 0, floorMargin: 0.08, feePercent: 0.1545, round: 0.99 });

  it('applies markup and add, then rounds up to the ending', () => {
    // 19.90 × 1.15 = 22.885 → 2289 (half up) → 22.99
    expect(channelPrice(1990, 1000, 0.22, amazon)).toEqual({ priceMinor: 2299, floorMinor: 1624, raisedToFloor: false });
    expect(channelPrice(1000, undefined, 0.22, pricing({ markup: 0.1, add: 1.5, round: 0.9 }))).toEqual({ priceMinor: 1290, raisedToFloor: false });
  });

  it('raises a price below the floor to the floor, then rounds up again', () => {
    // shop price 12.00, cost 10.00: 12 × 1.15 = 13.80 → 13.99 < floor 16.24 → 16.99
    expect(channelPrice(1200, 1000, 0.22, amazon)).toEqual({ priceMinor: 1699, floorMinor: 1624, raisedToFloor: true });
  });

  it('keeps cents without an ending', () => {
    expect(channelPrice(1234, undefined, 0.22, pricing({}))).toEqual({ priceMinor: 1234, raisedToFloor: false });
  });

  it('property: never below the floor, whatever the inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(0, 0.04, 0.1, 0.22),
        fc.record({
          markup: fc.double({ min: 0, max: 1, noNaN: true }),
          add: fc.integer({ min: 0, max: 500 }).map((c) => c / 100),
          floorMargin: fc.double({ min: 0, max: 1, noNaN: true }),
          feePercent: fc.double({ min: 0, max: 0.5, noNaN: true }),
          feeFixed: fc.integer({ min: 0, max: 300 }).map((c) => c / 100),
          round: fc.option(fc.integer({ min: 0, max: 99 }).map((c) => c / 100), { nil: undefined }),
        }),
        (shop, cost, vat, raw) => {
          const p = pricing(raw);
          const r = channelPrice(shop, cost, vat, p);
          if (r === 'fees-exceed-revenue') return;
          expect(r.floorMinor).toBeDefined();
          expect(r.priceMinor).toBeGreaterThanOrEqual(r.floorMinor!);
          expect(coversFloor(r.priceMinor, cost, vat, p)).toBe(true);
          expect(Number.isInteger(r.priceMinor)).toBe(true);
          if (p.round !== undefined) expect(r.priceMinor % 100).toBe(Math.round(p.round * 100));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('channelQuantity', () => {
  const stock = (s: Record<string, unknown>) => ChannelStockConfig.parse(s);
  it.each([
    [10, { reserve: 1, max: 5 }, 0, 5],
    [4, { reserve: 1, max: 5 }, 0, 3],
    [4, { reserve: 1, max: 5 }, 2, 1],
    [1, { reserve: 1 }, 0, 0],
    [0, { reserve: 2 }, 3, 0],
    [4, { reserve: 1, subtractOpenOrders: false }, 2, 3],
    [100, {}, 0, 100],
  ])('stock %i with %j and %i open → %i', (units, cfg, open, want) => {
    expect(channelQuantity(units, stock(cfg), open)).toBe(want);
  });

  it('property: always within [0, max]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50 }), (units, reserve, max, open) => {
        const q = channelQuantity(units, stock({ reserve, max }), open);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(max);
        expect(Number.isInteger(q)).toBe(true);
      }),
    );
  });
});
