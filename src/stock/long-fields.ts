/**
 * Where the stock reader sets aside each row's long fields (description, image URLs): a table
 * of its scratch database (scratch-db.ts), beside the rows themselves (RowStore); the hooks'
 * fields are read back by the row's line (unique per row) when their offers are built.
 */
import type Database from 'better-sqlite3';
import type { LongFields } from '../domain/stock-item.js';

/** Image URLs as stored: parseImages splits on newlines, so none holds one. */
const URL_SEPARATOR = '\n';

/**
 * Rows written per INSERT: each statement run is a call into SQLite, and one a row was a tenth
 * of the reader's time on short rows; 64 a call halves it (measured; more gains nothing).
 */
const BATCH_ROWS = 64;

type Row = [line: number, description: string | null, images: string | null];

export class LongFieldStore {
  private readonly insert: Database.Statement<Row>;
  private readonly insertBatch: Database.Statement<Row[number][]>;
  /** Rows not yet written, flat (three values a row), written BATCH_ROWS at a time. */
  private readonly pending: Row[number][] = [];
  private readonly select: Database.Statement<[number], { description: string | null; images: string | null }>;

  /** `db` is the reader's scratch database, in the transaction its owner (RowStore) opened. */
  constructor(db: Database.Database) {
    db.exec('CREATE TABLE long_fields (line INTEGER PRIMARY KEY, description TEXT, images TEXT)');
    const insert = 'INSERT OR REPLACE INTO long_fields (line, description, images) VALUES ';
    this.insert = db.prepare(`${insert}(?, ?, ?)`);
    this.insertBatch = db.prepare(insert + Array.from({ length: BATCH_ROWS }, () => '(?, ?, ?)').join(', '));
    this.select = db.prepare('SELECT description, images FROM long_fields WHERE line = ?');
  }

  /** The row's fields (a row without either stores nothing). */
  set(line: number, fields: LongFields): void {
    const images = fields.images.length > 0 ? fields.images.join(URL_SEPARATOR) : null;
    if (fields.description === undefined && images === null) return;
    this.pending.push(line, fields.description ?? null, images);
    if (this.pending.length === 3 * BATCH_ROWS) this.flush();
  }

  get(line: number): LongFields {
    this.flush();
    const row = this.select.get(line);
    if (!row) return { images: [] };
    return { images: row.images === null ? [] : row.images.split(URL_SEPARATOR), ...(row.description === null ? {} : { description: row.description }) };
  }

  /** Image URLs a later row adds to this one (Shopify's image rows), each once. */
  addImages(line: number, urls: readonly string[]): LongFields {
    const fields = this.get(line);
    const images = [...fields.images, ...urls.filter((u) => !fields.images.includes(u))];
    const merged = { ...fields, images };
    this.set(line, merged);
    return merged;
  }

  /** Reading is over: everything set aside is written. */
  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pending.length === 3 * BATCH_ROWS) this.insertBatch.run(...this.pending);
    else for (let i = 0; i < this.pending.length; i += 3) this.insert.run(...(this.pending.slice(i, i + 3) as Row));
    this.pending.length = 0;
  }
}
