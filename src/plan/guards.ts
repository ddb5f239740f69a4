import { InputError } from '../errors.js';
import type { ChannelId } from '../domain/ids.js';
import { minorToDecimal } from '../domain/money.js';
import type { PlanAction, Refusal } from './sync-plan.js';

/** The safety guards of the contract, by the name `--force-guard` takes. */
export const GUARD_NAMES = ['stock-rows', 'mass-delist', 'price-change', 'price-floor'] as const;
export type GuardName = (typeof GUARD_NAMES)[number];

/** Other spellings accepted by `--force-guard`: the config keys that set each threshold. */
const ALIASES: Record<string, GuardName> = {
  minstockrowspercent: 'stock-rows',
  maxdelistpercent: 'mass-delist',
  maxpricechangepercent: 'price-change',
  floor: 'price-floor',
};

/** One tripped guard: which, and every item that tripped it, in plain words. */
export interface GuardTrip {
  guard: GuardName;
  message: string;
  items: string[];
}

export interface GuardInput {
  safety: { maxDelistPercent: number; maxPriceChangePercent: number; minStockRowsPercent: number };
  stockRows: number;
  /** Rows in the last stock file a run accepted; undefined on the first run. */
  lastAcceptedRows?: number;
  actions: readonly PlanAction[];
  refused: readonly Refusal[];
  /** Active listings per channel before this run. */
  liveCount: Partial<Record<ChannelId, number>>;
}

/** Every guard the plan trips (forced ones included: the caller decides what forcing means). */
export function checkGuards(input: GuardInput): GuardTrip[] {
  const trips: GuardTrip[] = [];
  const { safety } = input;
  if (input.lastAcceptedRows !== undefined && input.stockRows * 100 < input.lastAcceptedRows * safety.minStockRowsPercent) {
    trips.push({
      guard: 'stock-rows',
      message: `the stock file has ${input.stockRows} rows, under ${safety.minStockRowsPercent}% of the last accepted one (${input.lastAcceptedRows})`,
      items: [],
    });
  }
  for (const [channel, live] of Object.entries(input.liveCount)) {
    const delists = input.actions.filter((a) => a.kind === 'delist' && a.channel === channel);
    if (live && delists.length * 100 > live * safety.maxDelistPercent) {
      trips.push({
        guard: 'mass-delist',
        message: `${channel}: the plan ends ${delists.length} of ${live} live listings, more than ${safety.maxDelistPercent}%`,
        items: delists.map((a) => `${channel} ${a.sku}`),
      });
    }
  }
  const moves: string[] = [];
  for (const action of input.actions) {
    if (action.kind !== 'update') continue;
    for (const change of action.changes) {
      // Putting back a price edited on the marketplace is not a move civetta makes: measure
      // from the price civetta last set.
      const from = change.field === 'price' ? (action.ledgerPriceMinor ?? change.from) : 0;
      if (change.field !== 'price' || from <= 0) continue;
      const percent = (Math.abs(change.to - from) * 100) / from;
      if (percent > safety.maxPriceChangePercent) {
        moves.push(`${action.channel} ${action.sku}: ${minorToDecimal(from)} → ${minorToDecimal(change.to)} (${percent.toFixed(1)}%)`);
      }
    }
  }
  if (moves.length > 0) {
    trips.push({ guard: 'price-change', message: `${moves.length} price(s) would move by more than ${safety.maxPriceChangePercent}%`, items: moves });
  }
  if (input.refused.length > 0) {
    trips.push({
      guard: 'price-floor',
      message: `${input.refused.length} price(s) are below their floor; they are never pushed (forcing this guard only lets the rest of the run go ahead)`,
      items: input.refused.map((r) => `${r.channel} ${r.sku}: ${r.message}`),
    });
  }
  return trips;
}

/** Parses `--force-guard` values; an unknown name is a usage error (exit 2). */
export function parseForcedGuards(names: readonly string[]): GuardName[] {
  const out = new Set<GuardName>();
  for (const raw of names) {
    const key = raw.trim().toLowerCase();
    const name = (GUARD_NAMES as readonly string[]).includes(key) ? (key as GuardName) : ALIASES[key];
    if (!name) throw new InputError(`Unknown guard "${raw}" for --force-guard.`, [`Guards: ${GUARD_NAMES.join(', ')}`]);
    out.add(name);
  }
  return [...out];
}

/** The trips not overridden by `--force-guard`: any left means the run must stop (exit 4). */
export function blockingTrips(trips: readonly GuardTrip[], forced: readonly GuardName[]): GuardTrip[] {
  return trips.filter((t) => !forced.includes(t.guard));
}
