import type { Config } from '../config/schema.js';
import { utcMinute } from '../domain/shop-day.js';

/** A hook whose SKU is no longer in the stock file. */
export interface MissingHook {
  sku: string;
  /** The rule it was a hook by (or `pinned`): its slot is kept in that rule while the grace lasts. */
  rule: string;
  /** When a run first found it missing (ISO). */
  since: string;
  /** When its grace ends: from then on it is delisted and its slot goes to another product (ISO). */
  delistAfter: string;
  /** The grace is over: this run delists it and fills its slot. */
  expired: boolean;
}

export interface MissingHooksInput {
  /** The hooks of the channel before this run: SKU → the rule that took it (or `pinned`). */
  previous: ReadonlyMap<string, string>;
  /** SKUs of the stock file this run reads. */
  inFile: Pick<ReadonlySet<string>, 'has'>;
  /** SKU → since when it has been missing, as recorded by earlier runs. */
  since: ReadonlyMap<string, string>;
  /** This run's time (ISO). */
  now: string;
  hooks: Pick<Config['hooks'], 'missingGraceHours' | 'exclude' | 'include' | 'rules'>;
}

/**
 * The previous hooks missing from the stock file, and whether each is still within
 * `hooks.missingGraceHours`. A row that vanishes for a few hours (a product pulled from the
 * export while it is recounted, a supplier's glitch) must not cost the hook its listing, its
 * history and its slot: it is offered at 0 meanwhile. Only a hook the config would still keep is
 * missed: one now excluded, or whose rule or pin is gone from the config, goes at once. Pure.
 */
export function missingHooks(input: MissingHooksInput): MissingHook[] {
  const { hooks } = input;
  const excluded = new Set(hooks.exclude);
  const rules = new Set(hooks.rules.map((r) => r.name));
  const pinned = new Set(hooks.include);
  const out: MissingHook[] = [];
  for (const [sku, rule] of [...input.previous].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (input.inFile.has(sku) || excluded.has(sku)) continue;
    if (!(rule === 'pinned' ? pinned.has(sku) : rules.has(rule))) continue;
    const since = input.since.get(sku) ?? input.now;
    const delistAfter = graceEnd(since, hooks.missingGraceHours);
    out.push({ sku, rule, since, delistAfter, expired: Date.parse(input.now) >= Date.parse(delistAfter) });
  }
  return out;
}

/** When the grace of a hook missing since `since` ends (ISO). */
export function graceEnd(since: string, graceHours: number): string {
  return new Date(Date.parse(since) + graceHours * 3_600_000).toISOString();
}

/** "missing from the stock file since 2026-12-05 21:40 UTC, delisted after 2026-12-06 21:40 UTC unless its row comes back" */
export function missingText(m: { since: string; delistAfter: string }): string {
  return `missing from the stock file since ${utcMinute(m.since)}, delisted after ${utcMinute(m.delistAfter)} unless its row comes back`;
}
