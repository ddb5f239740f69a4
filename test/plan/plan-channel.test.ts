import { describe, expect, it } from 'vitest';
import { LISTING_RULES } from '../../src/channels/registry.js';
import { planChannel, type ChannelPlanInput } from '../../src/plan/plan-channel.js';
import { revisionDay } from '../../src/plan/revision-budget.js';
import { listing, offer } from '../sync/fixtures.js';

const TODAY = '2026-11-23';
function plan(over: Partial<ChannelPlanInput>) {
  // Each marketplace's own revision rules, as the sync hands them in.
  return planChannel({ channel: 'ebay', desired: [], known: [], today: TODAY, quantityDeadBand: 2, maxRevisionsPerDay: 3, revisions: LISTING_RULES[over.channel ?? 'ebay'].revisions, ...over });
}

describe('planChannel', () => {
  it('creates what is missing, updates what differs field by field, delists what is no longer wanted', () => {
    const result = plan({
      desired: [offer('A'), offer('B', { priceMinor: 1190, quantity: 2 }), offer('C')],
      known: [listing('B'), listing('C'), listing('D'), listing('E', { status: 'ended' })],
    });
    expect(result.actions.map((a) => [a.kind, a.sku])).toEqual([
      ['create', 'A'],
      ['update', 'B'],
      ['delist', 'D'],
    ]);
    const update = result.actions[1];
    expect(update?.kind === 'update' && update.changes).toEqual([
      { field: 'price', from: 1290, to: 1190 },
      { field: 'quantity', from: 5, to: 2 },
    ]);
    expect(update?.kind === 'update' && update.remote).toEqual({ offerId: 'o-B', listingId: 'l-B' });
    expect(result.unchanged).toBe(1);
    expect(result.deferred).toEqual([]);
  });

  it('plans nothing when nothing changed', () => {
    const result = plan({ desired: [offer('A'), offer('B')], known: [listing('A'), listing('B')] });
    expect(result).toEqual({ actions: [], unchanged: 2, deferred: [], refused: [], held: [], shownFromCatalogue: [], missing: [] });
  });

  it('a content change the channel does not send (shown from its catalogue) is reported, not planned; price still goes', () => {
    const sendsContent = () => false;
    const result = plan({ desired: [offer('A', { contentHash: 'new' }), offer('B', { contentHash: 'new', priceMinor: 1250 })], known: [listing('A'), listing('B')], sendsContent });
    expect(result.shownFromCatalogue.map((s) => s.listing.sku)).toEqual(['A', 'B']);
    expect(result.actions.map((a) => [a.kind, a.sku, a.kind === 'update' ? a.changes.map((c) => c.field) : []])).toEqual([['update', 'B', ['price']]]);
    expect(result.unchanged).toBe(1);
  });

  it('re-creates a listing that ended or whose create failed', () => {
    const result = plan({ desired: [offer('A'), offer('B')], known: [listing('A', { status: 'ended' }), listing('B', { status: 'failed' })] });
    expect(result.actions.map((a) => [a.kind, a.sku])).toEqual([['create', 'A'], ['create', 'B']]);
  });

  it('reports a content change as the hash moving', () => {
    const result = plan({ desired: [offer('A', { contentHash: 'new' })], known: [listing('A')] });
    expect(result.actions[0]?.kind === 'update' && result.actions[0].changes).toEqual([{ field: 'content', from: 'hash-A', to: 'new' }]);
  });

  describe('quantity dead band', () => {
    it('skips a small upward move and says so, sending the live quantity', () => {
      const result = plan({ desired: [offer('A', { quantity: 6 })], known: [listing('A', { quantity: 5 })] });
      expect(result.actions).toEqual([]);
      expect(result.unchanged).toBe(1);
      expect(result.deferred).toEqual([
        expect.objectContaining({ sku: 'A', why: 'dead-band', changes: [{ field: 'quantity', from: 5, to: 6 }] }),
      ]);
    });

    it('sends a held-back move once it has waited hooks.deadBandMaxHours (before: it stayed off by 1 for two months)', () => {
      const input = { desired: [offer('A', { quantity: 6 })], known: [listing('A', { quantity: 5 })], deadBandMaxHours: 24 };
      const waiting = plan({ ...input, deadBandSince: new Map([['A', '2026-11-22T13:00:00.000Z']]), now: '2026-11-23T12:00:00.000Z' });
      expect(waiting.deferred.map((d) => d.why)).toEqual(['dead-band']);
      const due = plan({ ...input, deadBandSince: new Map([['A', '2026-11-22T12:00:00.000Z']]), now: '2026-11-23T12:00:00.000Z' });
      expect(due.deferred).toEqual([]);
      expect(due.actions[0]?.kind === 'update' && due.actions[0].changes).toEqual([{ field: 'quantity', from: 5, to: 6 }]);
    });

    it('does not list a hook that is not live at quantity 0: it waits for stock', () => {
      const result = plan({ desired: [offer('A', { quantity: 0 }), offer('B', { quantity: 0 })], known: [listing('B', { status: 'ended' })] });
      expect(result.actions).toEqual([]);
      expect(result.deferred.map((d) => [d.sku, d.why])).toEqual([['A', 'no-stock'], ['B', 'no-stock']]);
    });

    it('sends an upward move as large as the band', () => {
      const result = plan({ desired: [offer('A', { quantity: 7 })], known: [listing('A', { quantity: 5 })] });
      expect(result.actions[0]?.kind === 'update' && result.actions[0].changes).toEqual([{ field: 'quantity', from: 5, to: 7 }]);
    });

    it('never skips a drop, a sell-out or a move up from 0', () => {
      const result = plan({
        desired: [offer('A', { quantity: 4 }), offer('B', { quantity: 0 }), offer('C', { quantity: 1 })],
        known: [listing('A', { quantity: 5 }), listing('B', { quantity: 1 }), listing('C', { quantity: 0 })],
      });
      expect(result.actions.map((a) => a.kind === 'update' && a.changes)).toEqual([
        [{ field: 'quantity', from: 5, to: 4 }],
        [{ field: 'quantity', from: 1, to: 0 }],
        [{ field: 'quantity', from: 0, to: 1 }],
      ]);
      expect(result.deferred).toEqual([]);
    });

    it('lets a small move ride along when another field changes anyway (one coalesced revision)', () => {
      const result = plan({ desired: [offer('A', { quantity: 6, priceMinor: 1390 })], known: [listing('A', { quantity: 5 })] });
      expect(result.actions).toHaveLength(1);
      expect(result.actions[0]?.kind === 'update' && result.actions[0].changes).toEqual([
        { field: 'price', from: 1290, to: 1390 },
        { field: 'quantity', from: 5, to: 6 },
      ]);
      expect(result.deferred).toEqual([]);
    });
  });

  describe('revision cap', () => {
    it('defers an update once the listing used its revisions today', () => {
      const result = plan({ desired: [offer('A', { priceMinor: 1390 })], known: [listing('A', { revisionsToday: 3, revisionDay: TODAY })] });
      expect(result.actions).toEqual([]);
      expect(result.deferred).toEqual([expect.objectContaining({ sku: 'A', why: 'revision-cap', changes: [{ field: 'price', from: 1290, to: 1390 }] })]);
    });

    it('past the budget, still sends a quantity drop alone and holds the price back', () => {
      const result = plan({
        desired: [offer('A', { priceMinor: 1390, quantity: 1 })],
        known: [listing('A', { revisionsToday: 3, revisionDay: TODAY })],
      });
      const update = result.actions[0];
      expect(result.actions.map((a) => a.kind)).toEqual(['update']);
      expect(update?.kind === 'update' && update.changes).toEqual([{ field: 'quantity', from: 5, to: 1 }]);
      expect(update?.kind === 'update' && [update.offer.priceMinor, update.offer.quantity]).toEqual([1290, 1]);
      expect(result.deferred).toEqual([
        expect.objectContaining({ sku: 'A', why: 'revision-cap', changes: [{ field: 'price', from: 1290, to: 1390 }] }),
      ]);
    });

    it("never past eBay's own cap of 250, not even for a drop", () => {
      const result = plan({
        maxRevisionsPerDay: 200,
        desired: [offer('A', { quantity: 0 })],
        known: [listing('A', { revisionsToday: 250, revisionDay: TODAY })],
      });
      expect(result.actions).toEqual([]);
      expect(result.deferred).toEqual([expect.objectContaining({ sku: 'A', changes: [{ field: 'quantity', from: 5, to: 0 }] })]);
    });

    it('an eBay content update costs two revisions (item + offer): it waits when only one is left, a price alone goes', () => {
      const changed = offer('A', { contentHash: 'new-content' });
      const oneLeft = [listing('A', { revisionsToday: 2, revisionDay: TODAY })];
      const content = plan({ desired: [changed], known: oneLeft });
      expect(content.actions).toEqual([]);
      expect(content.deferred).toEqual([expect.objectContaining({ sku: 'A', why: 'revision-cap' })]);
      expect(plan({ desired: [offer('A', { priceMinor: 1390 })], known: oneLeft }).actions.map((a) => a.kind)).toEqual(['update']);
      expect(plan({ channel: 'amazon', desired: [changed], known: [listing('A', { channel: 'amazon', revisionsToday: 2, revisionDay: TODAY })] }).actions.map((a) => a.kind)).toEqual(['update']);
    });

    it("counts the shop's calendar day: 23:30 UTC on 1 March is 2 March in Rome", () => {
      expect(revisionDay('2026-03-01T23:30:00Z', 'Europe/Rome')).toBe('2026-03-02');
      expect(revisionDay('2026-03-01T23:30:00Z', 'UTC')).toBe('2026-03-01');
    });

    it('counts only today: yesterday’s revisions do not use today’s budget', () => {
      const result = plan({ desired: [offer('A', { priceMinor: 1390 })], known: [listing('A', { revisionsToday: 3, revisionDay: '2026-11-22' })] });
      expect(result.actions.map((a) => a.kind)).toEqual(['update']);
    });
  });

  describe('pins', () => {
    it('keeps a pinned listing no rule selects', () => {
      const result = plan({ desired: [], known: [listing('P', { pinned: true })] });
      expect(result.actions).toEqual([]);
      expect(result.unchanged).toBe(1);
    });
  });

  describe('a hook missing from the stock file', () => {
    const grace = (sku: string, expired = false) => ({ sku, rule: 'rule-a', since: '2026-11-22T12:00:00.000Z', delistAfter: '2026-11-23T12:00:00.000Z', expired });

    it('goes to quantity 0 within its grace, price and content as they are live (before: delisted at once)', () => {
      const before = plan({ desired: [offer('A')], known: [listing('A'), listing('B', { quantity: 4 })] });
      expect(before.actions.map((a) => [a.kind, a.sku])).toEqual([['delist', 'B']]);
      const result = plan({ desired: [offer('A')], known: [listing('A'), listing('B', { quantity: 4 })], missing: { hooks: [grace('B')], currency: 'EUR' } });
      expect(result.actions).toHaveLength(1);
      expect(result.actions[0]).toMatchObject({ kind: 'update', sku: 'B', changes: [{ field: 'quantity', from: 4, to: 0 }] });
      expect(result.actions[0]?.kind === 'update' && result.actions[0].offer).toMatchObject({ priceMinor: 1290, quantity: 0, contentHash: 'hash-B' });
      expect(result.actions[0]?.reason).toBe('missing from the stock file since 2026-11-22 12:00 UTC, delisted after 2026-11-23 12:00 UTC unless its row comes back: offered at 0 meanwhile');
      expect(result.missing).toEqual([{ channel: 'ebay', sku: 'B', since: '2026-11-22T12:00:00.000Z', delistAfter: '2026-11-23T12:00:00.000Z' }]);
    });

    it('at 0 already, or not live, nothing is sent and nothing is created', () => {
      const result = plan({ known: [listing('B', { quantity: 0 }), listing('C', { status: 'ended' })], missing: { hooks: [grace('B'), grace('C')], currency: 'EUR' } });
      expect(result.actions).toEqual([]);
      expect(result.unchanged).toBe(1);
      expect(result.missing.map((m) => m.sku)).toEqual(['B', 'C']);
    });

    it('is sent at 0 even when the day\'s revisions are used up (a drop always goes)', () => {
      const result = plan({ known: [listing('B', { revisionDay: TODAY, revisionsToday: 3 })], missing: { hooks: [grace('B')], currency: 'EUR' } });
      expect(result.actions[0]).toMatchObject({ kind: 'update', changes: [{ field: 'quantity', from: 5, to: 0 }] });
    });

    it('is delisted once its grace is over, saying why', () => {
      const result = plan({ known: [listing('B', { quantity: 0 })], missing: { hooks: [grace('B', true)], currency: 'EUR' } });
      expect(result.actions).toEqual([expect.objectContaining({ kind: 'delist', sku: 'B', reason: 'missing from the stock file since 2026-11-22 12:00 UTC: hooks.missingGraceHours is over' })]);
      expect(result.missing).toEqual([]);
    });
  });

  it('refuses a price below the floor and plans nothing for it', () => {
    const result = plan({ desired: [offer('A', { priceMinor: 800, floorMinor: 900 })], known: [listing('A')] });
    expect(result.actions).toEqual([]);
    expect(result.refused).toEqual([expect.objectContaining({ sku: 'A', why: 'below-floor', priceMinor: 800, floorMinor: 900 })]);
    // The shop owner reads this message: currency units, not minor units.
    expect(result.refused[0]?.message).toBe('price 8.00 is below the floor 9.00 (cost + fees + floorMargin): not pushed');
  });

  it('marks an update that puts back a marketplace edit', () => {
    const result = plan({ desired: [offer('A')], known: [listing('A', { priceMinor: 999 })], drifted: new Set(['A']) });
    expect(result.actions[0]).toMatchObject({ kind: 'update', correctsDrift: true, changes: [{ field: 'price', from: 999, to: 1290 }] });
  });
});
