import type { z } from 'zod';
import type { ChannelStockConfig } from '../config/schema.js';

type ChannelStock = z.output<typeof ChannelStockConfig>;

/**
 * Units offered on a channel: stock − reserve (kept for the shop floor) − units in open
 * marketplace orders (unless the till already counts them), never below 0, at most `max`.
 */
export function channelQuantity(stock: number, stockConfig: ChannelStock, openOrderUnits = 0): number {
  const open = stockConfig.subtractOpenOrders ? openOrderUnits : 0;
  const available = Math.max(0, Math.floor(stock) - stockConfig.reserve - Math.max(0, open));
  return stockConfig.max === undefined ? available : Math.min(available, stockConfig.max);
}
