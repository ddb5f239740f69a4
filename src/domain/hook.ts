import type { StockItem } from './stock-item.js';

/** A selected product and the reason it is on the channel (a rule's name, or `pinned`). */
export interface Hook {
  item: StockItem;
  rule: string;
}
