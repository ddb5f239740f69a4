import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { blockingTrips, checkGuards, parseForcedGuards, type GuardInput } from '../../src/plan/guards.js';
import type { PlanAction } from '../../src/plan/sync-plan.js';
import { offer } from '../sync/fixtures.js';

const safety = { maxDelistPercent: 25, maxPriceChangePercent: 40, minStockRowsPercent: 80 };
const base: GuardInput = { safety, stockRows: 100, lastAcceptedRows: 100, actions: [], refused: [], liveCount: { ebay: 10 } };
const delist = (sku: string): PlanAction => ({ kind: 'delist', channel: 'ebay', sku, remote: {}, reason: 'x' });
const priceMove = (from: number, to: number): PlanAction => ({
  kind: 'update', channel: 'ebay', sku: 'A', offer: offer('A'), changes: [{ field: 'price', from, to }], remote: {}, reason: 'r', correctsDrift: false,
});

describe('checkGuards', () => {
  it('passes a normal plan', () => {
    expect(checkGuards({ ...base, actions: [delist('A'), priceMove(1000, 1400)] })).toEqual([]);
  });

  it('stock-rows: a file shorter than the share of the last accepted one', () => {
    expect(checkGuards({ ...base, stockRows: 80 })).toEqual([]);
    expect(checkGuards({ ...base, stockRows: 79 }).map((t) => t.guard)).toEqual(['stock-rows']);
    expect(checkGuards({ ...base, stockRows: 1, lastAcceptedRows: undefined as unknown as number }).map((t) => t.guard)).toEqual([]);
  });

  it('mass-delist: more than the share of live listings of a channel', () => {
    expect(checkGuards({ ...base, actions: [delist('A'), delist('B')] })).toEqual([]);
    const trips = checkGuards({ ...base, actions: [delist('A'), delist('B'), delist('C')] });
    expect(trips).toEqual([expect.objectContaining({ guard: 'mass-delist', items: ['ebay A', 'ebay B', 'ebay C'] })]);
  });

  it('price-change: a move of more than the share, up or down', () => {
    expect(checkGuards({ ...base, actions: [priceMove(1000, 600)] })).toEqual([]);
    expect(checkGuards({ ...base, actions: [priceMove(1000, 1401)] }).map((t) => t.guard)).toEqual(['price-change']);
    expect(checkGuards({ ...base, actions: [priceMove(1000, 599)] }).map((t) => t.guard)).toEqual(['price-change']);
  });

  it('price-change: each move is shown in currency units, as the shop owner reads prices', () => {
    const [trip] = checkGuards({ ...base, actions: [priceMove(1000, 1401)] });
    expect(trip?.items).toHaveLength(1);
    expect(trip?.items[0]).toMatch(/: 10\.00 → 14\.01 \(40\.1%\)$/);
  });

  it('price-change: putting back a marketplace edit is measured from the price civetta last set', () => {
    const back = { ...priceMove(300, 1000), correctsDrift: true, ledgerPriceMinor: 1000 } as PlanAction;
    expect(checkGuards({ ...base, actions: [back] })).toEqual([]);
  });

  it('price-floor: any refusal trips it', () => {
    const refused = [{ channel: 'ebay' as const, sku: 'A', why: 'below-floor' as const, priceMinor: 800, floorMinor: 900, message: 'm' }];
    expect(checkGuards({ ...base, refused }).map((t) => t.guard)).toEqual(['price-floor']);
  });
});

describe('--force-guard', () => {
  it('overrides only the named guards', () => {
    const trips = checkGuards({ ...base, stockRows: 10, actions: [priceMove(1000, 2000)] });
    expect(blockingTrips(trips, parseForcedGuards(['stock-rows'])).map((t) => t.guard)).toEqual(['price-change']);
    expect(blockingTrips(trips, parseForcedGuards(['stock-rows', 'maxPriceChangePercent']))).toEqual([]);
  });

  it('refuses an unknown guard name with exit 2', () => {
    expect(() => parseForcedGuards(['yes'])).toThrow(InputError);
  });
});
