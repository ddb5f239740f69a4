import type { Minor } from '../domain/money.js';
import type { PricingConfig } from '../config/schema.js';
import type { z } from 'zod';
import { configAmountToMinor } from './amounts.js';

type Pricing = z.output<typeof PricingConfig>;

/** Float noise allowance when testing the floor condition on whole minor units. */
const EPSILON = 1e-9;

/**
 * What the shop keeps from a sale at VAT-included price `p`, in minor units, before its cost:
 * p / (1 + vat) − feePercent · p − feeFixed.
 *
 * Choices (README "Prices and floors"): shelf prices include VAT and VAT goes to the state, so
 * the shop's revenue is p / (1 + vat). Marketplaces charge their percentage on the total the
 * buyer pays, VAT included (eBay final value fee, Amazon referral fee). Fees are invoiced with
 * VAT the shop deducts, so feePercent and feeFixed count as net costs. Cost is the net purchase
 * cost from the stock file.
 */
function netProceeds(p: Minor, vatRate: number, pricing: Pricing): number {
  return p / (1 + vatRate) - pricing.feePercent * p - configAmountToMinor(pricing.feeFixed);
}

/** True when selling at `p` still earns cost × (1 + floorMargin) after VAT and fees. */
export function coversFloor(p: Minor, costMinor: Minor, vatRate: number, pricing: Pricing): boolean {
  return netProceeds(p, vatRate, pricing) - costMinor * (1 + pricing.floorMargin) >= -EPSILON;
}

/** Why a floor could not be computed. */
export type NoFloor = 'no-cost' | 'fees-exceed-revenue';

/**
 * The floor: the smallest whole price p (minor units, VAT included) with
 *   p / (1 + vat) − feePercent · p − feeFixed ≥ cost · (1 + floorMargin),
 * i.e. p ≥ (cost · (1 + floorMargin) + feeFixed) / (1 / (1 + vat) − feePercent).
 * A price below it loses the floor margin. `fees-exceed-revenue` when fees take all of the
 * net price (1 / (1 + vat) ≤ feePercent): no price is high enough.
 */
export function floorPrice(costMinor: Minor | undefined, vatRate: number, pricing: Pricing): Minor | NoFloor {
  if (costMinor === undefined) return 'no-cost';
  const share = 1 / (1 + vatRate) - pricing.feePercent;
  if (share <= 0) return 'fees-exceed-revenue';
  const target = costMinor * (1 + pricing.floorMargin) + configAmountToMinor(pricing.feeFixed);
  let p = Math.max(0, Math.ceil(target / share));
  // The closed form is a float: settle on the exact smallest whole price that passes the test.
  while (p > 0 && coversFloor(p - 1, costMinor, vatRate, pricing)) p -= 1;
  while (!coversFloor(p, costMinor, vatRate, pricing)) p += 1;
  return p;
}
