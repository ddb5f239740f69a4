import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { SimOrder } from './orders-store.js';
import type { SimState } from './state.js';

/**
 * What `civetta simulator --state FILE` keeps across restarts: the seller's side of both
 * marketplaces (listings, inventory items, offers, locations, programs, revision counts), the
 * orders, and the id counters so new ids never repeat old ones. Not kept: access tokens (every
 * civetta run fetches its own), feeds still processing, rate-limit buckets and faults.
 *
 * Whole sub-objects are written as they are, so fields the Amazon and eBay behaviour files add to
 * their state travel without this file knowing them; Maps and Sets are tagged to come back as such.
 */

const SNAPSHOT_VERSION = 1;

export interface SimSnapshot {
  version: number;
  savedAt: string;
  amazon: Pick<SimState['amazon'], 'listings'>;
  ebay: Pick<SimState['ebay'], 'locations' | 'items' | 'offers' | 'revisions' | 'programs' | 'sellerRegistrationCompleted'>;
  orders: SimOrder[];
  counters: Array<[string, number]>;
}

const AMAZON_KEYS = ['listings'] as const;
const EBAY_KEYS = ['locations', 'items', 'offers', 'revisions', 'programs', 'sellerRegistrationCompleted'] as const;

function encode(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof Set) return { $set: [...value.values()] };
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const tagged = value as { $map?: Array<[unknown, unknown]>; $set?: unknown[] };
    if (Array.isArray(tagged.$map) && Object.keys(value).length === 1) return new Map(tagged.$map);
    if (Array.isArray(tagged.$set) && Object.keys(value).length === 1) return new Set(tagged.$set);
  }
  return value;
}

/** The state as one JSON text (after applying every write that is due). */
export function snapshotText(state: SimState, orders: readonly SimOrder[], now: Date): string {
  state.settle();
  const snapshot: SimSnapshot = {
    version: SNAPSHOT_VERSION,
    savedAt: now.toISOString(),
    amazon: { listings: state.amazon.listings },
    ebay: {
      locations: state.ebay.locations,
      items: state.ebay.items,
      offers: state.ebay.offers,
      revisions: state.ebay.revisions,
      programs: state.ebay.programs,
      sellerRegistrationCompleted: state.ebay.sellerRegistrationCompleted,
    },
    orders: [...orders],
    counters: state.counters(),
  };
  return `${JSON.stringify(snapshot, encode)}\n`;
}

/** Reads a state file; undefined when it does not exist yet (the first start). Throws with the file named when it is not a state file. */
export function readSnapshot(file: string): SimSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, decode);
  } catch (e) {
    throw new Error(`${file} is not a simulator state file (${e instanceof Error ? e.message : String(e)})`);
  }
  const s = parsed as Partial<SimSnapshot> | null;
  if (!s || s.version !== SNAPSHOT_VERSION || !(s.amazon?.listings instanceof Map) || !(s.ebay?.offers instanceof Map) || !Array.isArray(s.orders)) {
    throw new Error(`${file} is not a simulator state file of version ${SNAPSHOT_VERSION}`);
  }
  return s as SimSnapshot;
}

/** Puts a snapshot's state in place of the fresh one (before the server listens). */
export function restoreSnapshot(state: SimState, snapshot: SimSnapshot): SimOrder[] {
  for (const key of AMAZON_KEYS) Object.assign(state.amazon, { [key]: snapshot.amazon[key] });
  for (const key of EBAY_KEYS) Object.assign(state.ebay, { [key]: snapshot.ebay[key] });
  state.restoreCounters(snapshot.counters);
  return snapshot.orders;
}

/** Writes the state file atomically: a crash mid-write leaves the previous one whole. */
export async function writeSnapshot(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, file);
}
