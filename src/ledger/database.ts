import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** The open ledger: one better-sqlite3 connection to the shop's SQLite file. */
export interface Ledger {
  readonly db: Database.Database;
  /** Absolute or config-relative path the ledger was opened from. */
  readonly file: string;
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/**
 * An empty ledger that lives only as long as the connection: read-only commands use it when the
 * shop has no ledger file yet, so that looking never creates one.
 */
export const IN_MEMORY = ':memory:';

/** The ledger holds buyer data and the shop's history: only its owner may read it. */
const OWNER_ONLY = 0o600;

/**
 * How long a statement waits for another connection's write lock before failing. A sync holds
 * write transactions for milliseconds at a time, so a few seconds covers any real contention
 * (e.g. `status` reading while `sync` records an outcome).
 */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the ledger file and brings its schema up to date. The file is
 * created owner-only before SQLite touches it; SQLite gives its -wal/-shm files the same mode.
 */
export function openLedger(file: string, migrations: readonly Migration[] = MIGRATIONS): Ledger {
  const inMemory = file === IN_MEMORY;
  if (!inMemory) {
    mkdirSync(dirname(file), { recursive: true });
    closeSync(openSync(file, 'a', OWNER_ONLY));
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY);
  }
  const db = new Database(file);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    // Erased buyer data must not survive in free space of the file (orders purge-pii).
    db.pragma('secure_delete = ON');
    // WAL + NORMAL is durable across process crashes (only an OS crash may lose the last commit).
    db.pragma('synchronous = NORMAL');
    migrate(db, file, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    file,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => db.close(),
  };
}

/** The schema version a ledger file is at (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Database.Database, file: string, migrations: readonly Migration[]): void {
  checkOrder(migrations);
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new InputError(
      `The ledger ${file} was written by a newer civetta (schema ${current}; this one knows up to ${latest}).`,
      ['Upgrade civetta, or point `ledger` at another file.'],
    );
  }
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((step, i) => {
    if (step.version !== i + 1) {
      // A programming error in migrations/index.ts, not a user problem.
      throw new Error(`ledger migration ${step.name} has version ${step.version}, expected ${i + 1}`);
    }
  });
}
