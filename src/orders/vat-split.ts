import type { Minor } from '../domain/money.js';

/** A VAT-inclusive amount split for the accountant: net + vat === gross, to the minor unit. */
export interface VatSplit {
  netMinor: Minor;
  vatMinor: Minor;
  grossMinor: Minor;
}

/**
 * Splits a VAT-inclusive amount at `rate` (0.22). The net is rounded half away from zero in
 * exact integer arithmetic (the rate is taken to basis points, which covers every EU rate such as
 * 5.5%), and the VAT is the remainder, so the three columns always add up.
 */
export function splitVat(grossMinor: Minor, rate: number): VatSplit {
  const bp = Math.round(rate * 10_000);
  const sign = grossMinor < 0 ? -1 : 1;
  const gross = Math.abs(grossMinor);
  const denominator = 10_000 + bp;
  // round(gross * 10000 / denominator), half up, without floating point
  const net = Math.floor((2 * gross * 10_000 + denominator) / (2 * denominator));
  const netMinor = net === 0 ? 0 : sign * net;
  return { netMinor, vatMinor: grossMinor - netMinor, grossMinor };
}
