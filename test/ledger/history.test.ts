import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/ledger/database.js';
import { currentHooks, hookSpells, lastAcceptedStockRows, recordHooks, recordStockAccepted } from '../../src/ledger/history.js';
import { readListing, readListings, saveListing } from '../../src/ledger/listings.js';
import { listing } from '../sync/fixtures.js';

let dir: string;
let ledger: Ledger;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civetta-history-'));
  ledger = openLedger(join(dir, 'civetta.db'));
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hook history', () => {
  it('opens a spell when a SKU becomes a hook and closes it when it stops being one', () => {
    recordHooks(ledger, 'ebay', new Map([['A', 'rule-a'], ['B', 'rule-b']]), '2026-11-01T00:00:00.000Z');
    recordHooks(ledger, 'ebay', new Map([['B', 'rule-b'], ['C', 'pinned']]), '2026-11-05T00:00:00.000Z');
    recordHooks(ledger, 'amazon', new Map([['A', 'rule-a']]), '2026-11-05T00:00:00.000Z');
    expect([...currentHooks(ledger, 'ebay').keys()]).toEqual(['B', 'C']);
    expect(hookSpells(ledger)).toEqual([
      { channel: 'amazon', sku: 'A', since: '2026-11-05T00:00:00.000Z', reason: 'rule-a' },
      { channel: 'ebay', sku: 'A', since: '2026-11-01T00:00:00.000Z', until: '2026-11-05T00:00:00.000Z', reason: 'rule-a' },
      { channel: 'ebay', sku: 'B', since: '2026-11-01T00:00:00.000Z', reason: 'rule-b' },
      { channel: 'ebay', sku: 'C', since: '2026-11-05T00:00:00.000Z', reason: 'pinned' },
    ]);
  });
});

describe('stock history', () => {
  it('remembers the row count of the last accepted stock file', () => {
    expect(lastAcceptedStockRows(ledger)).toBeUndefined();
    recordStockAccepted(ledger, undefined, '/shop/stock.csv', 400, '2026-11-01T00:00:00.000Z');
    recordStockAccepted(ledger, undefined, '/shop/stock.csv', 380, '2026-11-02T00:00:00.000Z');
    expect(lastAcceptedStockRows(ledger)).toBe(380);
  });
});

describe('listings', () => {
  it('round-trips a listing with its pin overrides and revision count', () => {
    const pinned = listing('P', { pinned: true, pinPriceMinor: 999, pinQuantity: 2, revisionsToday: 3, revisionDay: '2026-11-23' });
    saveListing(ledger, pinned);
    saveListing(ledger, listing('A'));
    expect(readListing(ledger, 'ebay', 'P')).toEqual(pinned);
    saveListing(ledger, { ...listing('A'), status: 'ended' });
    expect(readListings(ledger, 'ebay').map((l) => [l.sku, l.status])).toEqual([['A', 'ended'], ['P', 'active']]);
    expect(readListings(ledger, 'amazon')).toEqual([]);
  });
});
