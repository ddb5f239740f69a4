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
  if (value !== undefined && (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max)) return undefined;
  const expected = [range.min !== undefined ? `at least ${rangeShow(range.min)}` : '', range.max !== undefined ? `at most ${rangeShow(range.max)}` : ''].filter(Boolean).join(' and ');
  return { found: value === undefined ? 'nothing' : show(value), expected };
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
  // In this fixed order; run for every row of the file and every rule, hence plain checks.
  const fail = (condition: keyof Where, failed: { found: string; expected: string } | undefined): Failure | undefined => (failed ? { condition, ...failed } : undefined);
  return (
    (where.category ? fail('category', oneOf(item.category, where.category)) : undefined) ??
    (where.brand ? fail('brand', oneOf(item.brand, where.brand)) : undefined) ??
    (where.price ? fail('price', inRange(item.priceMinor, moneyRange(where.price), money, money)) : undefined) ??
    (where.cost ? fail('cost', inRange(item.costMinor, moneyRange(where.cost), money, money)) : undefined) ??
    (where.margin ? fail('margin', inRange(productMargin(item), where.margin, share, share)) : undefined) ??
    (where.quantity ? fail('quantity', inRange(item.quantity, where.quantity, String, String)) : undefined) ??
    (where.ean ? fail('ean', presence(Boolean(item.ean), where.ean)) : undefined) ??
    (where.image ? fail('image', presence(item.imageCount > 0, where.image)) : undefined)
  );
}
