import type { StockItem } from '../domain/stock-item.js';
import { byRank, type Ranked } from './rank.js';

/**
 * The best `keep` products a rule has seen, by its rank: all a rule can take from a file of any
 * length (its take and hooks.limit bound the hooks, keepMargin the places below the cut a
 * previous hook may hold). Memory is bounded by `keep`, not by the file: the buffer is sorted
 * and cut back to `keep` whenever it doubles, and once full a product ranked below the last
 * kept one is turned away at once.
 */
export class BestCandidates {
  private buffer: Ranked[] = [];
  /** The worst product kept after the last cut, when `keep` are kept. */
  private last: Ranked | undefined;

  private readonly keep: number;
  private readonly key: (item: StockItem) => number | undefined;

  constructor(keep: number, key: (item: StockItem) => number | undefined) {
    this.keep = keep;
    this.key = key;
  }

  offer(item: StockItem): void {
    const ranked = { item, k: this.key(item) };
    if (this.last && byRank(ranked, this.last) > 0) return;
    this.buffer.push(ranked);
    if (this.buffer.length >= 2 * this.keep + 64) this.cut();
  }

  /** The kept products, best first. */
  items(): StockItem[] {
    this.cut();
    return this.buffer.map((r) => r.item);
  }

  private cut(): void {
    this.buffer.sort(byRank);
    if (this.buffer.length > this.keep) this.buffer.length = this.keep;
    this.last = this.buffer.length === this.keep ? this.buffer[this.keep - 1] : undefined;
  }
}
