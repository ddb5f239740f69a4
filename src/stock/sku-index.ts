/**
 * Which SKUs a stock file has already shown, for the duplicate check, without a second copy of
 * every SKU: the strings stay where the reader keeps them anyway (its items, its bad rows'
 * sightings) and this index holds only a number per row, in an open-addressing hash table
 * (a typed array, off the JS heap: nothing for the garbage collector to trace). Measured at
 * 1,000,000 SKUs: a JS Set holds 21 B a row and takes twice as long; this table 11–21 B a row.
 */

/** Rows per slot at most before the table doubles: with the hashes in the slots, probe runs stay cheap. */
const MAX_LOAD = 0.75;

export class SkuIndex {
  /** The SKU of a row the caller numbered with `ref` (any integer ≥ 0). */
  private readonly skuOf: (ref: number) => string;
  /**
   * Two numbers a slot: the SKU's hash and ref + 1 (0: empty). With the hash at hand, growing
   * never looks at a SKU again and a probe reads a string only when the hashes match: the
   * strings are spread over the whole heap, so each look is a cache miss.
   */
  private slots = new Int32Array(2 << 16);
  private count = 0;

  constructor(skuOf: (ref: number) => string) {
    this.skuOf = skuOf;
  }

  /** Notes the row `ref` with this SKU; true when an earlier row had the same SKU. */
  seen(sku: string, ref: number): boolean {
    const h = hash(sku);
    const mask = (this.slots.length >> 1) - 1;
    let at = h & mask;
    for (;;) {
      const held = this.slots[2 * at + 1] as number;
      if (held === 0) break;
      if (this.slots[2 * at] === h && this.skuOf(held - 1) === sku) return true;
      at = (at + 1) & mask;
    }
    this.slots[2 * at] = h;
    this.slots[2 * at + 1] = ref + 1;
    if (++this.count > (this.slots.length >> 1) * MAX_LOAD) this.grow();
    return false;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const held = old[i + 1] as number;
      if (held === 0) continue;
      const h = old[i] as number;
      let at = h & mask;
      while (this.slots[2 * at + 1] !== 0) at = (at + 1) & mask;
      this.slots[2 * at] = h;
      this.slots[2 * at + 1] = held;
    }
  }
}

/** FNV-1a over the UTF-16 code units: fast, and spreads SKUs that differ in one digit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
