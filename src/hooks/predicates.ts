import type { RuleConfig } from '../config/schema.js';
import { foldWord } from '../config/fold-word.js';
import { minorToDecimal } from '../domain/money.js';
import type { StockItem } from '../domain/stock-item.js';
import { configAmountToMinor } from '../pricing/amounts.js';
import { productMargin } from './margin.js';

type Where = RuleConfig['where'];
type Range = { min?: number | undefined; max?: number | undefined };

/** Why a product fails one `where` condition: the condition, the value found, what was expected. */
export interface Failure {
  condition: keyof Where;
  found: string;
  expected: string;
}

function inRange(value: number | undefined, range: Range, show: (n: number) => string, rangeShow: (n: number) => string): { found: string; expected: string } | undefined {
  const expected = [range.min !== undefined ? `at least ${rangeShow(range.min)}` : '', range.max !== undefined ? `at most ${rangeShow(range.max)}` : ''].filter(Boolean).join(' and ');
  if (value === undefined) return { found: 'nothing', expected };
  if (range.min !== undefined && value < range.min) return { found: show(value), expected };
  if (range.max !== undefined && value > range.max) return { found: show(value), expected };
  return undefined;
}

const money = (minor: number) => minorToDecimal(Math.round(minor));
const moneyRange = (r: Range): Range => ({ min: r.min === undefined ? undefined : configAmountToMinor(r.min), max: r.max === undefined ? undefined : configAmountToMinor(r.max) });
const share = (n: number) => (Math.round(n * 1000) / 1000).toString();

function oneOf(value: string | undefined, wanted: readonly string[]): { found: string; expected: string } | undefined {
  const ok = value !== undefined && wanted.some((w) => foldWord(w) === foldWord(value));
  return ok ? undefined : { found: value === undefined ? 'nothing' : JSON.stringify(value), expected: `one of ${wanted.join(', ')}` };
}

function presence(has: boolean, wanted: 'present' | 'absent'): { found: string; expected: string } | undefined {
  return has === (wanted === 'present') ? undefined : { found: has ? 'present' : 'absent', expected: wanted };
}

/**
 * Checks every condition of a rule's `where`, in a fixed order, and returns the first that
 * fails (undefined: the product passes). Category and brand match forgivingly (case, accents,
 * spaces); price and cost are in currency units, VAT included for price; ranges are inclusive.
 */
export function firstFailure(item: StockItem, where: Where): Failure | undefined {
  const checks: [keyof Where, () => { found: string; expected: string } | undefined][] = [
    ['category', () => (where.category ? oneOf(item.category, where.category) : undefined)],
    ['brand', () => (where.brand ? oneOf(item.brand, where.brand) : undefined)],
    ['price', () => (where.price ? inRange(item.priceMinor, moneyRange(where.price), money, (n) => money(n)) : undefined)],
    ['cost', () => (where.cost ? inRange(item.costMinor, moneyRange(where.cost), money, (n) => money(n)) : undefined)],
    ['margin', () => (where.margin ? inRange(productMargin(item), where.margin, share, share) : undefined)],
    ['quantity', () => (where.quantity ? inRange(item.quantity, where.quantity, String, String) : undefined)],
    ['ean', () => (where.ean ? presence(Boolean(item.ean), where.ean) : undefined)],
    ['image', () => (where.image ? presence(item.imageCount > 0, where.image) : undefined)],
  ];
  for (const [condition, check] of checks) {
    const failed = check();
    if (failed) return { condition, ...failed };
  }
  return undefined;
}
