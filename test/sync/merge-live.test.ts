import { describe, expect, it } from 'vitest';
import type { RemoteListing } from '../../src/domain/listing.js';
import { mergeLive } from '../../src/plan/merge-live.js';
import { judgePending } from '../../src/plan/judge-pending.js';
import type { ActionRecord } from '../../src/ledger/actions.js';
import { listing } from './fixtures.js';

const NOW = '2026-11-23T12:00:00.000Z';
const live = (sku: string, over: Partial<RemoteListing> = {}): [string, RemoteListing] => [
  sku,
  { sku, status: 'active', remote: { offerId: `o-${sku}` }, priceMinor: 1290, quantity: 5, ...over },
];

describe('mergeLive', () => {
  it('reports a price edited on the marketplace and diffs against it', () => {
    const merged = mergeLive('ebay', [listing('A')], new Map([live('A', { priceMinor: 1000 })]), NOW);
    expect(merged.drift).toEqual([{ channel: 'ebay', sku: 'A', kind: 'price', ledger: '12.90', live: '10.00' }]);
    expect(merged.known[0]?.priceMinor).toBe(1000);
    expect([...merged.drifted]).toEqual(['A']);
  });

  it('a listing the marketplace holds but does not sell stays listed (no create), with its reasons', () => {
    const issue = { code: '90220', message: "'list_price' is required but not supplied." };
    const held = live('A', { status: 'not-buyable', issues: [issue] });
    const merged = mergeLive('amazon', [listing('A', { channel: 'amazon', issues: [{ code: 'old', message: 'gone' }] })], new Map([held]), NOW);
    expect(merged.known[0]).toMatchObject({ status: 'active', issues: [issue] });
    expect(merged.notBuyable).toEqual([{ channel: 'amazon', sku: 'A', issues: [issue] }]);
    expect(merged.drift).toEqual([]);
    // Buyable again: the old reasons go.
    const fixed = mergeLive('amazon', merged.known, new Map([live('A')]), NOW);
    expect(fixed.known[0]?.issues).toBeUndefined();
    expect(fixed.notBuyable).toEqual([]);
  });

  it('a held listing the ledger ended at 0 units is left alone; one with units is adopted with its reasons', () => {
    const issue = { code: '90220', message: 'missing' };
    const merged = mergeLive('amazon', [listing('Z', { status: 'ended', quantity: 0 })], new Map([
      live('Z', { status: 'not-buyable', quantity: 0, issues: [issue] }),
      live('N', { status: 'not-buyable', quantity: 3, issues: [issue] }),
    ]), NOW);
    expect(merged.known.map((l) => [l.sku, l.status])).toEqual([['Z', 'ended'], ['N', 'active']]);
    expect(merged.notBuyable.map((n) => n.sku)).toEqual(['N']);
    expect(merged.drift).toEqual([{ channel: 'amazon', sku: 'N', kind: 'adopted', ledger: 'unknown', live: 'not-buyable' }]);
  });

  it('reports a listing ended by the marketplace and marks it ended', () => {
    const merged = mergeLive('ebay', [listing('A')], new Map([live('A', { status: 'ended' })]), NOW);
    expect(merged.drift).toEqual([{ channel: 'ebay', sku: 'A', kind: 'ended', ledger: 'active', live: 'ended' }]);
    expect(merged.known[0]?.status).toBe('ended');
  });

  it('adopts a live listing the ledger does not know, with unknown content', () => {
    const merged = mergeLive('ebay', [], new Map([live('N'), live('M', { status: 'missing', remote: {} })]), NOW);
    expect(merged.known).toEqual([expect.objectContaining({ sku: 'N', status: 'active', priceMinor: 1290, quantity: 5, contentHash: '', remote: { offerId: 'o-N' } })]);
    expect(merged.drift.map((d) => d.kind)).toEqual(['adopted']);
  });

  it('treats a withdrawn offer (not buyable, units left) as ended, but a sold-out one as live', () => {
    const withdrawn = mergeLive('ebay', [listing('A')], new Map([live('A', { status: 'inactive', quantity: 5 })]), NOW);
    expect(withdrawn.drift.map((d) => d.kind)).toEqual(['ended']);
    expect(withdrawn.known[0]?.status).toBe('ended');
    const soldOut = mergeLive('ebay', [listing('A', { quantity: 0 })], new Map([live('A', { status: 'inactive', quantity: 0 })]), NOW);
    expect(soldOut.drift).toEqual([]);
    expect(soldOut.known[0]?.status).toBe('active');
  });

  it('changes nothing when the live listing matches', () => {
    const merged = mergeLive('ebay', [listing('A')], new Map([live('A')]), NOW);
    expect(merged.drift).toEqual([]);
  });
});

describe('judgePending', () => {
  const action = (kind: ActionRecord['kind'], changes: unknown[]): ActionRecord => ({
    id: 1, runId: 1, channel: 'ebay', sku: 'A', kind, changes: JSON.stringify(changes), outcome: 'pending', errors: '[]', createdAt: NOW,
  });
  it('a create that is live landed, and keeps the content hash it sent', () => {
    const v = judgePending(action('create', [{ field: 'content', to: 'h1' }]), live('A')[1]);
    expect(v).toMatchObject({ outcome: 'ok', contentHash: 'h1' });
    expect(judgePending(action('create', []), { sku: 'A', status: 'missing', remote: {} }).outcome).toBe('abandoned');
  });
  it('an update landed only if the live values are the ones it sent', () => {
    expect(judgePending(action('update', [{ field: 'price', from: 1000, to: 1290 }]), live('A')[1]).outcome).toBe('ok');
    expect(judgePending(action('update', [{ field: 'price', from: 1290, to: 1400 }]), live('A')[1]).outcome).toBe('abandoned');
  });
  it('a delist landed when nothing is live', () => {
    expect(judgePending(action('delist', []), { sku: 'A', status: 'ended', remote: {} }).outcome).toBe('ok');
    expect(judgePending(action('delist', []), live('A')[1]).outcome).toBe('abandoned');
  });
});
