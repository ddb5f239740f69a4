import type { SimOrder } from './orders-store.js';

/**
 * When simulated shoppers come (`civetta simulator --orders N --buyers R`): N orders over the
 * next N minutes, then R an hour, all in simulated time (CIVETTA_SIM_TIME_SCALE shortens the
 * wait). Pure: the caller owns the timer and the simulator.
 */
export interface ShopperPlan {
  /** Orders still to place from `--orders`. */
  burst: number;
  /** Orders an hour from `--buyers`, after the burst (0 = none). */
  perHour: number;
}

const MINUTE_MS = 60_000;

/** Simulated ms until the next order, or undefined when no order is due any more. `rnd` in [0, 1). */
export function nextOrderDelayMs(plan: ShopperPlan, rnd: number): number | undefined {
  // About one a minute for the burst (30–90 s), so an owner sees them arrive while watching.
  if (plan.burst > 0) return Math.round(MINUTE_MS * (0.5 + rnd));
  // Exponential gaps: R an hour on average, as independent buyers would come.
  if (plan.perHour > 0) return Math.round((-Math.log(1 - rnd) * 60 * MINUTE_MS) / plan.perHour);
  return undefined;
}

/** The plan after one order was placed. */
export function afterOrder(plan: ShopperPlan): ShopperPlan {
  return plan.burst > 0 ? { ...plan, burst: plan.burst - 1 } : plan;
}

/** What the simulator prints when a shopper buys. */
export function orderLine(order: SimOrder): string {
  const lines = order.lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ');
  return `order ${order.orderId} placed on ${order.channel}: ${lines}`;
}
