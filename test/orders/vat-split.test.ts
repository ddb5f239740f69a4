import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/orders/allocate.js';
import { splitVat } from '../../src/orders/vat-split.js';

describe('splitVat', () => {
  it('splits VAT-inclusive amounts at Italian rates', () => {
    expect(splitVat(12_200, 0.22)).toEqual({ netMinor: 10_000, vatMinor: 2_200, grossMinor: 12_200 });
    expect(splitVat(1_200, 0.04)).toEqual({ netMinor: 1_154, vatMinor: 46, grossMinor: 1_200 });
    expect(splitVat(1_055, 0.055)).toEqual({ netMinor: 1_000, vatMinor: 55, grossMinor: 1_055 });
    expect(splitVat(-3_480, 0.22)).toEqual({ netMinor: -2_852, vatMinor: -628, grossMinor: -3_480 });
    expect(splitVat(999, 0)).toEqual({ netMinor: 999, vatMinor: 0, grossMinor: 999 });
  });

  it('net + vat always equals gross, and the net is the nearest cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.constantFrom(0, 0.04, 0.05, 0.1, 0.22, 0.055), (g, r) => {
        const s = splitVat(g, r);
        expect(s.netMinor + s.vatMinor).toBe(g);
        expect(Math.abs(s.netMinor - g / (1 + r))).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });
});

describe('allocate', () => {
  it('spreads by weight and adds up exactly', () => {
    expect(allocate(301, [1200, 1000])).toEqual([164, 137]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(50, [0, 0])).toEqual([50, 0]);
    expect(allocate(-10, [1, 1, 1])).toEqual([-4, -3, -3]);
  });

  it('shares always sum to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.array(fc.nat(50_000), { minLength: 1, maxLength: 8 }), (t, w) => {
        expect(allocate(t, w).reduce((a, b) => a + b, 0)).toBe(t);
      }),
    );
  });
});
