import type { ChannelId } from '../domain/ids.js';
import type { Minor } from '../domain/money.js';
import { allocate } from '../orders/allocate.js';
import type { ProductLookup, StoredOrder } from '../domain/stored-order.js';
import { splitVat } from '../orders/vat-split.js';
import { weekStart, weeksBetween } from './week-start.js';

/** A span during which a SKU was a hook on a channel (from the ledger's hook history). */
export interface HookPeriod {
  channel: ChannelId;
  sku: string;
  since: string;
  /** When it stopped being a hook; absent while it still is. */
  until?: string;
  title?: string;
}

/** A hook's sales on one channel. Margin = revenue without VAT − cost − fees; undefined when the cost is unknown. */
interface HookChannelStats {
  channel: ChannelId;
  since: string;
  until?: string;
  orders: number;
  units: number;
  /** What buyers paid for the goods, VAT included, shipping excluded. */
  revenueMinor: Minor;
  feesMinor: Minor;
  /** True when some fees were estimated from the channel's pricing config (Amazon's orders API reports none). */
  feesEstimated: boolean;
  marginMinor?: Minor;
  lastSaleAt?: string;
}

/** One hook product across its channels, with its weekly series for the chart. */
export interface HookReportEntry {
  sku: string;
  title: string;
  channels: HookChannelStats[];
  orders: number;
  units: number;
  revenueMinor: Minor;
  marginMinor?: Minor;
  lastSaleAt?: string;
  /** Still a hook somewhere and nothing sold on any channel for `idleDays`: a candidate to rotate out. */
  idle: boolean;
  weeks: Array<{ week: string; revenueMinor: Minor; marginMinor: Minor }>;
}

export interface HookReport {
  generatedAt: string;
  since?: string;
  idleDays: number;
  currency: string;
  /** Every week shown on the charts (Mondays, YYYY-MM-DD). */
  weeks: string[];
  hooks: HookReportEntry[];
}

export interface HookReportInput {
  periods: readonly HookPeriod[];
  orders: readonly StoredOrder[];
  products?: ProductLookup;
  defaultVatRate?: number;
  /** The channel's configured fees (pricing.feePercent/feeFixed) for orders that report none. */
  estimateFees?: (channel: ChannelId, grossMinor: Minor) => Minor | undefined;
  now: Date;
  /** Count sales from this day (YYYY-MM-DD) instead of from when each product became a hook. */
  since?: string;
  idleDays: number;
  currency: string;
}

interface Sale {
  channel: ChannelId;
  sku: string;
  orderId: string;
  at: string;
  units: number;
  grossMinor: Minor;
  feesMinor: Minor;
  feesEstimated: boolean;
  marginMinor?: Minor;
  title: string;
}

const DAY_MS = 86_400_000;

/** Every sold line with its fee share and margin; cancelled and refunded orders are not sales. */
function sales(input: HookReportInput): Sale[] {
  const out: Sale[] = [];
  for (const order of input.orders) {
    if (order.status === 'cancelled' || order.status === 'refunded') continue;
    const shares = order.feesMinor === undefined ? undefined : allocate(order.feesMinor, order.lines.map((l) => l.lineTotalMinor ?? 0));
    order.lines.forEach((line, i) => {
      if (!line.sku || line.lineTotalMinor === undefined) return;
      const facts = input.products?.(line.sku);
      const reported = shares?.[i];
      const estimated = reported === undefined ? input.estimateFees?.(order.channel, line.lineTotalMinor) : undefined;
      const fees = reported ?? estimated ?? 0;
      const cost = line.costMinor ?? facts?.costMinor;
      const rate = line.vatRate ?? facts?.vatRate ?? input.defaultVatRate ?? 0;
      const sale: Sale = {
        channel: order.channel,
        sku: line.sku,
        orderId: order.orderId,
        at: order.createdAt,
        units: line.quantity,
        grossMinor: line.lineTotalMinor,
        feesMinor: fees,
        feesEstimated: reported === undefined && estimated !== undefined,
        title: line.title,
      };
      if (cost !== undefined) sale.marginMinor = splitVat(line.lineTotalMinor, rate).netMinor - cost * line.quantity - fees;
      out.push(sale);
    });
  }
  return out;
}

function inPeriod(sale: Sale, p: HookPeriod, since: string | undefined): boolean {
  const t = Date.parse(sale.at);
  const from = Math.max(Date.parse(p.since), since ? Date.parse(`${since}T00:00:00Z`) : -Infinity);
  return sale.channel === p.channel && sale.sku === p.sku && t >= from && (!p.until || t < Date.parse(p.until));
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** Per hook product, per channel: orders, units, revenue and contribution margin since it became a hook. */
export function buildHookReport(input: HookReportInput): HookReport {
  const all = sales(input);
  const firstDay = input.since ?? input.periods.map((p) => p.since).sort()[0] ?? input.now.toISOString();
  const weeks = weeksBetween(input.since ? `${input.since}T00:00:00Z` : firstDay, input.now.toISOString());
  const bySku = new Map<string, HookPeriod[]>();
  for (const p of input.periods) bySku.set(p.sku, [...(bySku.get(p.sku) ?? []), p]);

  const hooks: HookReportEntry[] = [];
  for (const [sku, periods] of bySku) {
    const counted = new Set<Sale>();
    const channels = periods
      .sort((a, b) => a.channel.localeCompare(b.channel) || Date.parse(a.since) - Date.parse(b.since))
      .map((p): HookChannelStats => {
        const mine = all.filter((s) => inPeriod(s, p, input.since));
        for (const s of mine) counted.add(s);
        const stats: HookChannelStats = {
          channel: p.channel,
          since: p.since,
          orders: new Set(mine.map((s) => s.orderId)).size,
          units: mine.reduce((a, s) => a + s.units, 0),
          revenueMinor: mine.reduce((a, s) => a + s.grossMinor, 0),
          feesMinor: mine.reduce((a, s) => a + s.feesMinor, 0),
          feesEstimated: mine.some((s) => s.feesEstimated),
        };
        if (p.until) stats.until = p.until;
        if (mine.every((s) => s.marginMinor !== undefined)) stats.marginMinor = mine.reduce((a, s) => a + (s.marginMinor ?? 0), 0);
        const last = mine.reduce<string | undefined>((a, s) => latest(a, s.at), undefined);
        if (last) stats.lastSaleAt = last;
        return stats;
      });
    const sold = [...counted];
    const active = periods.filter((p) => !p.until);
    const lastSaleAt = channels.reduce<string | undefined>((a, c) => latest(a, c.lastSaleAt), undefined);
    const idleFrom = latest(lastSaleAt, active.map((p) => p.since).sort()[0]);
    const entry: HookReportEntry = {
      sku,
      title: periods.find((p) => p.title)?.title ?? input.products?.(sku)?.title ?? sold[0]?.title ?? sku,
      channels,
      orders: channels.reduce((a, c) => a + c.orders, 0),
      units: channels.reduce((a, c) => a + c.units, 0),
      revenueMinor: channels.reduce((a, c) => a + c.revenueMinor, 0),
      idle: active.length > 0 && idleFrom !== undefined && input.now.getTime() - Date.parse(idleFrom) >= input.idleDays * DAY_MS,
      weeks: weeks.map((week) => {
        const inWeek = sold.filter((s) => weekStart(s.at) === week);
        return {
          week,
          revenueMinor: inWeek.reduce((a, s) => a + s.grossMinor, 0),
          marginMinor: inWeek.reduce((a, s) => a + (s.marginMinor ?? 0), 0),
        };
      }),
    };
    if (channels.every((c) => c.marginMinor !== undefined)) entry.marginMinor = channels.reduce((a, c) => a + (c.marginMinor ?? 0), 0);
    if (lastSaleAt) entry.lastSaleAt = lastSaleAt;
    hooks.push(entry);
  }
  hooks.sort((a, b) => b.revenueMinor - a.revenueMinor || a.sku.localeCompare(b.sku));
  const report: HookReport = { generatedAt: input.now.toISOString(), idleDays: input.idleDays, currency: input.currency, weeks, hooks };
  if (input.since) report.since = input.since;
  return report;
}
