import type { z } from 'zod';
import type { PricingConfig } from '../config/schema.js';
import { percentOf, type Minor } from '../domain/money.js';
import { configAmountToMinor } from './amounts.js';
import { floorPrice, type NoFloor } from './floor.js';
import { roundUpToEnding } from './round-to-ending.js';

type Pricing = z.output<typeof PricingConfig>;

/** A channel price and how it came about. */
export interface ChannelPrice {
  priceMinor: Minor;
  /** Undefined when the product has no cost (no floor can be computed). */
  floorMinor?: Minor;
  /** The markup gave less than the floor, so the price was raised to it (then rounded up). */
  raisedToFloor: boolean;
}

/**
 * price = shop price × (1 + markup) + add, rounded up to the ending; if that is below the
 * floor, the floor rounded up to the ending. Never below the floor.
 * Returns the reason instead when fees leave nothing to cover the cost.
 */
export function channelPrice(
  shopPriceMinor: Minor,
  costMinor: Minor | undefined,
  vatRate: number,
  pricing: Pricing,
): ChannelPrice | Exclude<NoFloor, 'no-cost'> {
  const marked = shopPriceMinor + percentOf(shopPriceMinor, pricing.markup) + configAmountToMinor(pricing.add);
  const rounded = roundUpToEnding(marked, pricing.round);
  const floor = floorPrice(costMinor, vatRate, pricing);
  if (floor === 'fees-exceed-revenue') return floor;
  if (floor === 'no-cost') return { priceMinor: rounded, raisedToFloor: false };
  if (rounded >= floor) return { priceMinor: rounded, floorMinor: floor, raisedToFloor: false };
  return { priceMinor: roundUpToEnding(floor, pricing.round), floorMinor: floor, raisedToFloor: true };
}
