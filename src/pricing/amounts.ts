import { decimalToMinor, type Minor } from '../domain/money.js';

/** A config amount in currency units (0.35) as minor units (35), exactly for decimal input. */
export function configAmountToMinor(amount: number): Minor {
  return decimalToMinor(String(amount)) ?? Math.round(amount * 100);
}
