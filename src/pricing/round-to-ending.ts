import type { Minor } from '../domain/money.js';

/**
 * Rounds a price UP to the next amount with the configured ending: with `round: 0.99`,
 * 12.34 → 12.99, 12.99 stays 12.99, 13.00 → 13.99; with 0.90, 12.95 → 13.90. Never down:
 * rounding must not push a price below its floor or below what the markup asked for.
 * Without an ending (undefined) the cents are kept.
 */
export function roundUpToEnding(price: Minor, ending: number | undefined): Minor {
  if (ending === undefined) return price;
  const cents = Math.round(ending * 100);
  const base = Math.floor(price / 100) * 100 + cents;
  return base >= price ? base : base + 100;
}
