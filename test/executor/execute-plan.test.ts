import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChangeOutcome, ListingChange } from '../../src/channels/channel.js';
import { executePlan } from '../../src/executor/execute-plan.js';
import { actionsOfRun } from '../../src/ledger/actions.js';
import { openLedger, type Ledger } from '../../src/ledger/database.js';
import { readListing, saveListing } from '../../src/ledger/listings.js';
import { startRun } from '../../src/ledger/runs.js';
import { collectingLogger } from '../../src/log.js';
import type { PlanAction } from '../../src/plan/sync-plan.js';
import { listing, offer } from '../sync/fixtures.js';

let dir: string;
let ledger: Ledger;
let runId: number;
const now = () => new Date('2026-11-23T12:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civetta-exec-'));
  ledger = openLedger(join(dir, 'civetta.db'));
  runId = startRun(ledger, { command: 'sync', dryRun: false, forcedGuards: [], startedAt: now().toISOString() });
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A channel that answers each change with the outcome `decide` gives, and remembers what the ledger held when apply began. */
function fakeChannel(decide: (c: ListingChange) => ChangeOutcome | undefined, onApply?: () => void): Channel & { sent: ListingChange[] } {
  const sent: ListingChange[] = [];
  return {
    id: 'ebay',
    sent,
    authenticate: async () => undefined,
    readListings: async () => new Map(),
    apply: async (changes, onOutcome) => {
      onApply?.();
      for (const c of changes) {
        sent.push(c);
        const o = decide(c);
        if (o) onOutcome(o);
      }
    },
    pullOrders: async function* () {},
    ship: async () => ({ ok: true, errors: [] }),
  };
}

const ok = (c: ListingChange): ChangeOutcome => {
  const sku = c.kind === 'delist' ? c.sku : c.offer.sku;
  return { sku, kind: c.kind, ok: true, request: `${c.kind} ${sku}`, response: '200', remote: { offerId: `new-${sku}` }, errors: [], warnings: [] };
};

const actions: PlanAction[] = [
  { kind: 'create', channel: 'ebay', sku: 'A', offer: offer('A'), reason: 'rule-a' },
  { kind: 'update', channel: 'ebay', sku: 'B', offer: offer('B', { priceMinor: 1190 }), changes: [{ field: 'price', from: 1290, to: 1190 }], remote: { offerId: 'o-B' }, reason: 'rule-a', correctsDrift: false },
  { kind: 'delist', channel: 'ebay', sku: 'C', remote: { offerId: 'o-C' }, reason: 'gone' },
];

describe('executePlan', () => {
  it('records every action as pending before sending, then each outcome with the listing state', async () => {
    saveListing(ledger, listing('B'));
    saveListing(ledger, listing('C', { pinned: true, pinPriceMinor: 1000 }));
    let pendingAtSend: string[] = [];
    const channel = fakeChannel(ok, () => {
      pendingAtSend = actionsOfRun(ledger, runId).map((a) => `${a.kind}:${a.sku}:${a.outcome}`);
    });
    const result = await executePlan({ ledger, runId, channel, actions, now, timeZone: 'Europe/Rome', log: collectingLogger() });

    expect(pendingAtSend).toEqual(['create:A:pending', 'update:B:pending', 'delist:C:pending']);
    expect(result).toEqual({ succeeded: 3, failed: [] });
    expect(actionsOfRun(ledger, runId).map((a) => [a.sku, a.outcome, a.request, a.response])).toEqual([
      ['A', 'ok', 'create A', '200'],
      ['B', 'ok', 'update B', '200'],
      ['C', 'ok', 'delist C', '200'],
    ]);
    expect(readListing(ledger, 'ebay', 'A')).toMatchObject({ status: 'active', priceMinor: 1290, quantity: 5, contentHash: 'hash-A', remote: { offerId: 'new-A' } });
    expect(readListing(ledger, 'ebay', 'B')).toMatchObject({ status: 'active', priceMinor: 1190, revisionsToday: 1, revisionDay: '2026-11-23' });
    const c = readListing(ledger, 'ebay', 'C');
    expect(c).toMatchObject({ status: 'ended', pinned: false });
    expect(c?.pinPriceMinor).toBeUndefined();
    expect(channel.sent.map((s) => s.kind === 'update' && s.fields)).toEqual([false, ['price'], false]);
  });

  it('goes on past a single failure and lists it; a refused create leaves a failed listing', async () => {
    saveListing(ledger, listing('B'));
    const channel = fakeChannel((c) =>
      c.kind === 'create'
        ? { sku: 'A', kind: 'create', ok: false, request: 'create A', response: '400', errors: [{ code: '25002', message: 'bad' }], warnings: [] }
        : ok(c),
    );
    const result = await executePlan({ ledger, runId, channel, actions: actions.slice(0, 2), now, timeZone: 'Europe/Rome', log: collectingLogger() });
    expect(result.succeeded).toBe(1);
    expect(result.failed).toEqual([{ channel: 'ebay', sku: 'A', kind: 'create', errors: [{ code: '25002', message: 'bad' }] }]);
    expect(readListing(ledger, 'ebay', 'A')?.status).toBe('failed');
    expect(actionsOfRun(ledger, runId).map((a) => a.outcome)).toEqual(['failed', 'ok']);
  });

  it('fails an action the adapter never reported', async () => {
    const channel = fakeChannel(() => undefined);
    const result = await executePlan({ ledger, runId, channel, actions: actions.slice(0, 1), now, timeZone: 'Europe/Rome', log: collectingLogger() });
    expect(result.failed.map((f) => f.errors[0]?.code)).toEqual(['no-outcome']);
  });

  it('leaves unreported actions pending when the adapter rejects (the next run reads them back)', async () => {
    const channel = fakeChannel(ok);
    channel.apply = async (changes, onOutcome) => {
      onOutcome(ok(changes[0]!));
      throw new Error('connection lost');
    };
    await expect(executePlan({ ledger, runId, channel, actions: actions.slice(0, 2), now, timeZone: 'Europe/Rome', log: collectingLogger() })).rejects.toThrow('connection lost');
    expect(actionsOfRun(ledger, runId).map((a) => a.outcome)).toEqual(['ok', 'pending']);
  });
});
