/**
 * The SKUs of a stock file's rows as numbers only, for the duplicate check and the lookup of a
 * row by SKU, without a copy of any SKU: the strings stay where the reader keeps them anyway
 * (its row store, its bad rows' sightings) and are read only for rows whose hashes match.
 *
 * While reading, a row costs 4 B (its SKU's hash, in fixed blocks: nothing is reallocated, so
 * no outgrown copy waits for the garbage collector); at the end the hashes are packed with the
 * rows' refs into one sorted Float64Array (8 B a row), where equal hashes sit side by side and a
 * SKU is found by binary search. A hash table instead (the reader's SkuIndex before) held 16 B a
 * row at 1,000,000 and left its outgrown tables, 33 MB in all, to the garbage collector.
 */

/** Hashes per block: our own choice, 256 KB, small beside the file, large enough to be few. */
const BLOCK = 1 << 16;

/** Bits of a Float64's integer range (2^53) shared by a key's hash and ref. */
const KEY_BITS = 53;

export class SkuHashes {
  /** The hash of ref r at blocks[r / BLOCK][r % BLOCK]; refs are 0, 1, 2… in the order added. */
  private readonly blocks: Int32Array[] = [];
  private added = 0;
  /** After `finish`: (hash >>> shift) × 2^refBits + ref, ascending. */
  private keys = new Float64Array(0);
  private refBits = 0;
  private shift = 0;

  /** Notes the next row's SKU; returns its ref (0, 1, 2…). */
  add(sku: string): number {
    const ref = this.added++;
    const at = ref % BLOCK;
    if (at === 0) this.blocks.push(new Int32Array(BLOCK));
    (this.blocks[this.blocks.length - 1] as Int32Array)[at] = hash(sku);
    return ref;
  }

  /** Every SKU is added: the hashes are sorted for `collisions` and `candidates`. */
  finish(): void {
    this.refBits = Math.max(1, Math.ceil(Math.log2(this.added + 1)));
    // Past 2^21 rows a key keeps fewer of the hash's 32 bits: more refs to compare, none missed.
    this.shift = Math.max(0, 32 + this.refBits - KEY_BITS);
    const scale = 2 ** this.refBits;
    this.keys = new Float64Array(this.added);
    for (let ref = 0; ref < this.added; ref++) {
      const h = (this.blocks[Math.floor(ref / BLOCK)] as Int32Array)[ref % BLOCK] as number;
      this.keys[ref] = (h >>> this.shift) * scale + ref;
    }
    this.blocks.length = 0;
    this.keys.sort();
  }

  /** The refs of every row whose SKU hashes as another row's does (their SKUs may still differ), ascending. */
  collisions(): number[] {
    const refs: number[] = [];
    const scale = 2 ** this.refBits;
    for (let i = 0; i < this.keys.length; ) {
      const h = Math.floor((this.keys[i] as number) / scale);
      let j = i + 1;
      while (j < this.keys.length && Math.floor((this.keys[j] as number) / scale) === h) j++;
      if (j - i > 1) for (let k = i; k < j; k++) refs.push((this.keys[k] as number) % scale);
      i = j;
    }
    return refs.sort((a, b) => a - b);
  }

  /** The refs of the rows whose SKUs hash as this one does, in the order added. */
  candidates(sku: string): number[] {
    const scale = 2 ** this.refBits;
    const low = (hash(sku) >>> this.shift) * scale;
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as number) < low) lo = mid + 1;
      else hi = mid;
    }
    const refs: number[] = [];
    for (let i = lo; i < this.keys.length && (this.keys[i] as number) < low + scale; i++) refs.push((this.keys[i] as number) - low);
    return refs;
  }
}

/** FNV-1a over the UTF-16 code units: fast, and spreads SKUs that differ in one digit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
