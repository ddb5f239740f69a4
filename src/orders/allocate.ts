import type { Minor } from '../domain/money.js';

/**
 * Shares `totalMinor` among parts in proportion to `weights` by largest remainder, so the shares
 * add up to the total exactly (an order's fees spread over its lines). Zero or unknown weights
 * everywhere put the whole amount on the first part.
 */
export function allocate(totalMinor: Minor, weights: readonly number[]): Minor[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? totalMinor : 0));
  const sign = totalMinor < 0 ? -1 : 1;
  const total = Math.abs(totalMinor);
  const exact = weights.map((w) => (total * Math.max(0, w)) / sum);
  const shares = exact.map((x) => Math.floor(x));
  let left = total - shares.reduce((a, s) => a + s, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares.map((s) => (s === 0 ? 0 : sign * s));
}
