/**
 * The stock reader's private scratch database: better-sqlite3's `''` is a temporary file that
 * SQLite deletes when it closes and, on POSIX, unlinks as soon as it is opened, so nothing is
 * left behind even by a killed run. Its page cache is bounded, so a file of any length is read
 * in flat memory: the rest goes to the temporary file.
 */
import Database from 'better-sqlite3';

/** SQLite's page cache (KiB): our own bound, a few hundred rows of HTML descriptions in memory. */
const CACHE_KIB = 4096;

export function openScratchDb(): Database.Database {
  const db = new Database('');
  // Nothing here outlives the process: no journal, no fsync.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  return db;
}
