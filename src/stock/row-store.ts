/**
 * Where the stock reader keeps its good rows: off the JS heap, in the private temporary SQLite
 * database that also holds their long fields (LongFieldStore), so a file of any length is read
 * in flat memory. Rows are numbered in the order they are kept (the ordinal) and written in
 * chunks of CHUNK_ROWS, each chunk one JSON text of tuples; the rows are made again as they
 * are read back, chunk by chunk. A row is found by SKU through its SKU's hash (SkuHashes).
 */
import type Database from 'better-sqlite3';
import type { LongFields, SafetyInfo, StockItem, StockRows } from '../domain/stock-item.js';
import { imageFacts } from '../domain/stock-item.js';
import { LongFieldStore } from './long-fields.js';
import { ChunkReader } from './chunk-reader.js';
import { PendingChunk } from './pending-chunk.js';
import { openScratchDb } from './scratch-db.js';
import { SkuHashes } from './sku-hashes.js';
import { NO_SAFETY } from './parse-row.js';

/**
 * Rows a chunk holds: one INSERT and one JSON text per chunk. Our own choice: a row a
 * statement made SQLite a tenth of the reader's time (LongFieldStore's batches), and a lookup
 * by SKU decodes a whole chunk.
 */
const CHUNK_ROWS = 64;

/**
 * Chunks kept parsed for lookups by SKU: our own bound, about 1,000 rows (a small shop's whole
 * file) in a few hundred KB; parsing a chunk costs 50-100 µs, a lookup in a cached one ~1 µs.
 */
const CACHED_CHUNKS = 16;

/**
 * A row as stored: StockItem's fields in a fixed order, null for an absent one (JSON has no
 * undefined), 0 for the shared empty safety and for no options. A dropped row (a duplicate
 * SKU's) is null in its chunk, so the other rows keep their ordinals.
 */
type Tuple = [
  sku: string,
  line: number,
  ean: string | null,
  title: string,
  brand: string | null,
  category: string | null,
  priceMinor: number,
  regularPriceMinor: number | null,
  costMinor: number | null,
  quantity: number,
  imageCount: number,
  httpsImage: 0 | 1,
  vatRate: number | null,
  safety: SafetyInfo | 0,
  options: string[] | 0,
];

function tupleOf(i: StockItem): Tuple {
  return [
    i.sku,
    i.line,
    i.ean ?? null,
    i.title,
    i.brand ?? null,
    i.category ?? null,
    i.priceMinor,
    i.regularPriceMinor ?? null,
    i.costMinor ?? null,
    i.quantity,
    i.imageCount,
    i.httpsImage ? 1 : 0,
    i.vatRate ?? null,
    i.safety === NO_SAFETY || Object.keys(i.safety).length === 0 ? 0 : i.safety,
    i.options ?? 0,
  ];
}

/** The item as the reader made it: every key written at once, `options` only on a variant. */
function itemOf(t: Tuple): StockItem {
  const item: StockItem = {
    sku: t[0],
    line: t[1],
    ean: t[2] ?? undefined,
    title: t[3],
    brand: t[4] ?? undefined,
    category: t[5] ?? undefined,
    priceMinor: t[6],
    regularPriceMinor: t[7] ?? undefined,
    costMinor: t[8] ?? undefined,
    quantity: t[9],
    imageCount: t[10],
    httpsImage: t[11] === 1,
    vatRate: t[12] ?? undefined,
    safety: t[13] === 0 ? NO_SAFETY : t[13],
  };
  if (t[14] !== 0) item.options = t[14];
  return item;
}

export class RowStore implements StockRows {
  private readonly db: Database.Database;
  private readonly long: LongFieldStore;
  private readonly insert: Database.Statement<[number, Buffer]>;
  private readonly update: Database.Statement<[string, number]>;
  private readonly selectChunk: Database.Statement<[number], { rows: string }>;
  /** The rows of the chunk being filled, ordinals from `pendingFrom`. */
  private readonly pending = new PendingChunk(CHUNK_ROWS);
  private pendingFrom = 0;
  /**
   * The chunks last read back, by id, oldest first: lookups come in runs (a SKU compared, then
   * its row; an orders pull asking for the same few products line after line).
   */
  private readonly cached = new Map<number, (Tuple | null)[]>();
  private dropped = 0;
  private finished = false;
  private readonly skus = new SkuHashes();

  constructor() {
    this.db = openScratchDb();
    this.long = new LongFieldStore(this.db);
    this.db.exec('CREATE TABLE chunks (id INTEGER PRIMARY KEY, rows TEXT NOT NULL)');
    // The chunk's bytes are bound as a blob and kept as text: read back, a text is a JS string,
    // which a scavenge frees, where a blob is a Buffer outside the heap that waits for a full
    // collection (an items() pass over 1,000,000 rows peaked at 156 MB RSS with blobs).
    this.insert = this.db.prepare('INSERT INTO chunks (id, rows) VALUES (?, CAST(? AS TEXT))');
    this.update = this.db.prepare('UPDATE chunks SET rows = ? WHERE id = ?');
    this.selectChunk = this.db.prepare('SELECT rows FROM chunks WHERE id = ?');
    // One transaction for the whole read: a statement each would sync the page cache per chunk.
    this.db.exec('BEGIN');
  }

  /** Keeps a good row and its long fields; returns its ordinal. */
  add(item: StockItem, long: LongFields): number {
    if (this.finished) throw new Error('RowStore.add after finish');
    this.long.set(item.line, long);
    const ordinal = this.skus.add(item.sku);
    this.pending.push(JSON.stringify(tupleOf(item)));
    if (this.pending.rows === CHUNK_ROWS) this.flush();
    return ordinal;
  }

  /** How many rows are kept (dropped ones not counted). */
  get count(): number {
    return this.pendingFrom + this.pending.rows - this.dropped;
  }

  /** The kept row with this ordinal, made again (undefined once dropped). */
  itemAt(ordinal: number): StockItem | undefined {
    if (ordinal >= this.pendingFrom) {
      const k = ordinal - this.pendingFrom;
      return k < this.pending.rows ? itemOf(JSON.parse(this.pending.row(k)) as Tuple) : undefined;
    }
    const tuple = this.chunk(Math.floor(ordinal / CHUNK_ROWS))[ordinal % CHUNK_ROWS];
    return tuple ? itemOf(tuple) : undefined;
  }

  /** Image URLs a later row adds to a kept one (Shopify's image rows): its long fields and image facts. */
  addImages(ordinal: number, urls: readonly string[]): void {
    if (urls.length === 0) return;
    const item = this.itemAt(ordinal);
    if (!item) return;
    this.patch(ordinal, imageFacts(this.long.addImages(item.line, urls).images));
  }

  /** Drops rows (a duplicated SKU's): they are no longer counted, iterated or found. */
  drop(ordinals: readonly number[]): void {
    this.finish();
    const byChunk = new Map<number, number[]>();
    for (const ordinal of ordinals) {
      const id = Math.floor(ordinal / CHUNK_ROWS);
      const slots = byChunk.get(id);
      if (slots) slots.push(ordinal % CHUNK_ROWS);
      else byChunk.set(id, [ordinal % CHUNK_ROWS]);
    }
    for (const [id, slots] of byChunk) {
      const rows = this.chunk(id);
      for (const slot of slots) {
        if (rows[slot] === null) continue;
        rows[slot] = null;
        this.dropped++;
      }
      this.update.run(JSON.stringify(rows), id);
    }
  }

  /** Reading is over: the last chunk is written and rows are only read back (or dropped) from here. */
  finish(): void {
    if (this.finished) return;
    this.flush();
    this.long.finish();
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.skus.finish();
    this.finished = true;
  }

  /** After `finish`: the ordinals of rows whose SKU may be another row's too (its hash is), ascending. */
  maybeDuplicated(): number[] {
    return this.skus.collisions();
  }

  /** After `finish`: the ordinal of the kept row with this SKU (the first, while duplicates are not dropped), or -1. */
  ordinalOf(sku: string): number {
    for (const ordinal of this.skus.candidates(sku)) if (this.itemAt(ordinal)?.sku === sku) return ordinal;
    return -1;
  }

  /** After `finish`: the kept row with this SKU, made again, or undefined. */
  item(sku: string): StockItem | undefined {
    const ordinal = this.ordinalOf(sku);
    return ordinal === -1 ? undefined : this.itemAt(ordinal);
  }

  /** The kept rows in the order they were added, each made as it is reached. */
  *items(): Generator<StockItem> {
    this.finish();
    // One chunk a query: an open better-sqlite3 iterator would refuse the caller's own lookups
    // (longFields, item) until the loop ends, and what a loop holds across the caller's work
    // outlives scavenges (16 chunks a query made V8 promote 37 MB of them at 1,000,000 rows);
    // one tuple at a time (ChunkReader), not the whole chunk parsed at once.
    const chunks = Math.ceil(this.pendingFrom / CHUNK_ROWS);
    for (let id = 0; id < chunks; id++) {
      const row = this.selectChunk.get(id);
      if (!row) throw new Error(`row chunk ${id} was never written`);
      const reader = new ChunkReader(row.rows);
      for (let tuple = reader.next(); tuple !== undefined; tuple = reader.next()) if (tuple) yield itemOf(tuple as Tuple);
    }
  }

  /** A row's description and images, by its line. */
  longFields(item: StockItem): LongFields {
    return this.long.get(item.line);
  }

  private patch(ordinal: number, patch: Partial<StockItem>): void {
    const item = this.itemAt(ordinal);
    if (!item) return;
    const tuple = tupleOf({ ...item, ...patch });
    if (ordinal >= this.pendingFrom) {
      this.pending.replace(ordinal - this.pendingFrom, JSON.stringify(tuple));
      return;
    }
    const id = Math.floor(ordinal / CHUNK_ROWS);
    const rows = this.chunk(id);
    rows[ordinal % CHUNK_ROWS] = tuple;
    this.update.run(JSON.stringify(rows), id);
  }

  /** A written chunk's rows; the same array while it stays among the CACHED_CHUNKS last read. */
  private chunk(id: number): (Tuple | null)[] {
    let rows = this.cached.get(id);
    if (rows) {
      this.cached.delete(id);
    } else {
      const row = this.selectChunk.get(id);
      if (!row) throw new Error(`row chunk ${id} was never written`);
      rows = JSON.parse(row.rows) as (Tuple | null)[];
      if (this.cached.size === CACHED_CHUNKS) this.cached.delete(this.cached.keys().next().value as number);
    }
    this.cached.set(id, rows);
    return rows;
  }

  private flush(): void {
    const rows = this.pending.rows;
    if (rows === 0) return;
    this.insert.run(this.pendingFrom / CHUNK_ROWS, this.pending.take());
    this.pendingFrom += rows;
  }
}
