import type { Problem } from '../domain/problem.js';
import type { Failure } from './predicates.js';

/** One rule's verdict on one product, as `hooks --explain` shows it. */
export type RuleVerdict =
  /**
   * Passed the rule's `where` and was selected by it (`kept`: below the cut, held by keepMargin;
   * `belowMinimum`: a hook already that sold below the rule's quantity minimum, kept meanwhile).
   */
  | { rule: string; status: 'taken'; position: number; of: number; kept: boolean; belowMinimum?: boolean }
  /** Passed the `where` but was not selected: `note` says why (take, limit, a kept hook). */
  | { rule: string; status: 'passed'; position: number; of: number; note: string }
  | { rule: string; status: 'failed'; failure: Failure }
  /** The rule is restricted to other channels (`rule.channels`). */
  | { rule: string; status: 'other-channel' }
  /** An earlier rule took the product, or the product never got to the rules (pinned, excluded, ineligible). */
  | { rule: string; status: 'not-reached' };

/**
 * hook: selected by a rule; pinned: in hooks.include; the rest are not on the channel (no-stock:
 * its channel quantity would be 0, so it takes no hook slot until stock comes).
 */
type Outcome = 'hook' | 'pinned' | 'excluded' | 'ineligible' | 'no-stock' | 'not-selected';

/** Everything `hooks --explain` knows about one product on one channel. */
export interface ProductVerdict {
  sku: string;
  title: string;
  outcome: Outcome;
  /** The rule that selected it, or `pinned`. */
  rule?: string;
  /** One line: why it is in or out. */
  reason: string;
  rules: RuleVerdict[];
  /** Product-data problems on this channel (errors make it ineligible). */
  problems: Problem[];
}

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
};

/** A verdict in words: `taken (3rd of 12)`, `failed: price found 34.90, expected at most 30.00`. */
export function verdictText(v: RuleVerdict): string {
  switch (v.status) {
    case 'taken':
      return `taken (${ordinal(v.position)} of ${v.of}${v.kept ? ', kept as a previous hook' : ''}${v.belowMinimum ? ", below the rule's quantity minimum: a hook already, it sells what is left and waits for stock" : ''})`;
    case 'passed':
      return `passed, ${ordinal(v.position)} of ${v.of}, not taken: ${v.note}`;
    case 'failed':
      return `failed: ${v.failure.condition} found ${v.failure.found}, expected ${v.failure.expected}`;
    case 'other-channel':
      return 'not for this channel';
    case 'not-reached':
      return 'not reached';
  }
}
