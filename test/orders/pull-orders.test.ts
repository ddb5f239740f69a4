import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/channels/channel.js';
import type { ChannelId } from '../../src/domain/ids.js';
import type { Order } from '../../src/domain/order.js';
import { readCursors } from '../../src/ledger/cursors.js';
import { openLedger, type Ledger } from '../../src/ledger/database.js';
import { readOrderEvents, readOrders } from '../../src/ledger/orders.js';
import { collectingLogger } from '../../src/log.js';
import { pullOrders } from '../../src/orders/pull-orders.js';
import { makeOrder, scriptedChannel } from './scripted-channel.js';

let dir: string;
let ledger: Ledger;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civetta-pull-'));
  ledger = openLedger(join(dir, 'civetta.db'));
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-11-20T12:00:00.000Z');
const opts = { now: NOW, overlapMinutes: 30, firstPullDays: 30, log: collectingLogger() };
const count = (table: string) => (ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function ebayOrders(): Order[] {
  return Array.from({ length: 5 }, (_, i) => makeOrder('ebay', `E${i}`, `2026-11-1${i}T10:00:00.000Z`, [['A', 1, 1000], ['B', 2, 500]]));
}

describe('pullOrders', () => {
  it('lands every page once, and a second pull adds nothing', async () => {
    let amazon = [makeOrder('amazon', 'Z1', '2026-11-15T08:00:00.000Z', [['A', 1, 1200]]), makeOrder('amazon', 'Z2', '2026-11-16T08:00:00.000Z', [['C', 3, 100]])];
    const e = scriptedChannel('ebay', ebayOrders);
    const a = scriptedChannel('amazon', () => amazon, 1);
    const channels = new Map<ChannelId, Channel>([['amazon', a.channel], ['ebay', e.channel]]);

    const first = await pullOrders(ledger, channels, opts);
    expect(first.channels.map((c) => [c.channel, c.pages, c.inserted, c.cursors])).toEqual([
      ['amazon', 2, 2, { APJ6JRA9NG5V4: '2026-11-16T08:00:00.000Z' }],
      ['ebay', 3, 5, { EBAY_IT: '2026-11-14T10:00:00.000Z' }],
    ]);
    expect([count('orders'), count('order_lines'), count('order_events')]).toEqual([7, 12, 7]);
    // first pull reaches back firstPullDays
    expect(e.state.sinceSeen).toEqual(['2026-10-21T12:00:00.000Z']);

    const second = await pullOrders(ledger, channels, opts);
    expect(second.channels.map((c) => [c.inserted, c.updated, c.unchanged])).toEqual([[0, 0, 1], [0, 0, 1]]);
    expect([count('orders'), count('order_lines'), count('order_events')]).toEqual([7, 12, 7]);
    // the next pull starts at the cursor minus the 30-minute overlap
    expect(e.state.sinceSeen[1]).toBe('2026-11-14T09:30:00.000Z');

    // a status change is kept as an event, once
    amazon = [amazon[0]!, { ...amazon[1]!, updatedAt: '2026-11-17T09:00:00.000Z', status: 'shipped', rawStatus: 'Shipped' }];
    const third = await pullOrders(ledger, channels, opts);
    expect(third.channels[0]).toMatchObject({ updated: 1, statusChanges: 1, cursors: { APJ6JRA9NG5V4: '2026-11-17T09:00:00.000Z' } });
    expect(readOrderEvents(ledger, 'amazon', 'Z2')).toEqual([
      { to: 'unshipped', rawStatus: 'Unshipped', at: '2026-11-16T08:00:00.000Z', source: 'pull' },
      { from: 'unshipped', to: 'shipped', rawStatus: 'Shipped', at: '2026-11-17T09:00:00.000Z', source: 'pull' },
    ]);
    expect(readOrders(ledger, { orderId: 'Z2' })[0]).toMatchObject({ status: 'shipped', shippedAt: '2026-11-17T09:00:00.000Z' });
    await pullOrders(ledger, channels, opts);
    expect(count('order_events')).toBe(8);
  });

  it('a pull that fails after its first page keeps that page, leaves the cursor, and the re-run loses and duplicates nothing', async () => {
    const e = scriptedChannel('ebay', ebayOrders);
    const channels = new Map<ChannelId, Channel>([['ebay', e.channel]]);
    e.state.failAfterPages = 1;
    const failed = await pullOrders(ledger, channels, opts);
    expect(failed.channels[0]).toMatchObject({ pages: 1, inserted: 2, error: { kind: 'failed', message: 'connection reset' }, cursors: {} });
    expect(count('orders')).toBe(2);
    expect(readCursors(ledger)).toEqual([]);

    e.state.failAfterPages = undefined;
    const rerun = await pullOrders(ledger, channels, opts);
    expect(rerun.channels[0]).toMatchObject({ pages: 3, inserted: 3, unchanged: 2 });
    expect(readOrders(ledger).map((o) => o.orderId)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
    expect([count('order_lines'), count('order_events')]).toEqual([10, 5]);
  });

  it('--since overrides the cursor but never moves it backwards; an older copy of an order changes nothing', async () => {
    const e = scriptedChannel('ebay', ebayOrders);
    const channels = new Map<ChannelId, Channel>([['ebay', e.channel]]);
    await pullOrders(ledger, channels, opts);
    await pullOrders(ledger, channels, { ...opts, since: new Date('2026-11-11T00:00:00.000Z') });
    expect(e.state.sinceSeen[1]).toBe('2026-11-11T00:00:00.000Z');
    expect(readCursors(ledger)[0]?.lastUpdated).toBe('2026-11-14T10:00:00.000Z');
  });

  it('a first pull on a paced channel says up front how long pages wait, and reports each page', async () => {
    const a = scriptedChannel('amazon', () => Array.from({ length: 5 }, (_, i) => makeOrder('amazon', `Z${i}`, `2026-11-1${i}T10:00:00.000Z`, [['A', 1, 1000]])), 2);
    const channel: Channel = { ...a.channel, orderPaging: { pageSize: 2, burstPages: 1, secondsPerPage: 180 } };
    const log = collectingLogger();
    const progress: string[] = [];
    await pullOrders(ledger, new Map([['amazon', channel]]), { ...opts, log, onProgress: (t) => progress.push(t) });
    expect(log.lines).toContain(
      'info amazon: orders come 2 a page; the first 1 pages (2 orders) at once, then one page every 3 min (the marketplace\'s limit): each further 1,000 orders take about 1500 min.',
    );
    expect(progress).toEqual([
      "amazon: 2 orders in 1 page(s); the next page in about 3 min (the marketplace's limit)",
      "amazon: 4 orders in 2 page(s); the next page in about 3 min (the marketplace's limit)",
      'amazon: 5 orders in 3 page(s)',
    ]);
    // The next, incremental pull has a cursor: no notice.
    const again = collectingLogger();
    await pullOrders(ledger, new Map([['amazon', channel]]), { ...opts, log: again });
    expect(again.lines.some((l) => l.includes('orders come'))).toBe(false);
  });
});
