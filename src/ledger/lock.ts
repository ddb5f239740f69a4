import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LedgerLockedError } from '../errors.js';
import { refuseSymlink, writePrivateFileSync } from '../files/write-file-atomic.js';

/** Who holds the run lock, written beside it so a refused run can say who is running. */
interface LockOwner {
  pid: number;
  startedAt: string;
  command: string;
}

/**
 * Takes the exclusive run lock of a ledger, or throws LedgerLockedError (exit 3) at once.
 * Returns the function that releases it.
 *
 * Why an SQLite lock and not a pid file: the lock is an open `BEGIN EXCLUSIVE` transaction on a
 * small side file (`<ledger>.lock`), i.e. an OS byte-range lock that the kernel drops the
 * instant the process ends, however it ends (SIGKILL, OOM, power loss of a container). There
 * is no stale state to detect, so no pid-reuse mistakes and no race between two runs that both
 * "recover" the same stale pid file. It is a separate file from the ledger because the run
 * must keep committing to the ledger while it holds the lock.
 */
export function acquireLock(ledgerFile: string, command = 'sync', now: () => Date = () => new Date()): () => void {
  const lockFile = `${ledgerFile}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  refuseSymlink(lockFile);
  closeSync(openSync(lockFile, 'a', 0o600));
  const db = new Database(lockFile);
  try {
    // No waiting: a cron run that finds another one running must give up immediately.
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw lockedError(ledgerFile, readOwner(lockFile));
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, startedAt: now().toISOString(), command };
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    db.exec('ROLLBACK');
    db.close();
  };
  try {
    writePrivateFileSync(`${lockFile}.owner`, JSON.stringify(owner));
  } catch (error) {
    release();
    throw error;
  }
  return release;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(`${lockFile}.owner`, 'utf8'));
    const o = parsed as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.startedAt === 'string' && typeof o.command === 'string') {
      return { pid: o.pid, startedAt: o.startedAt, command: o.command };
    }
  } catch {
    // The owner note is informational only; the lock itself is what counts.
  }
  return undefined;
}

function lockedError(ledgerFile: string, owner: LockOwner | undefined): LedgerLockedError {
  const who = owner ? ` (civetta ${owner.command}, pid ${owner.pid}, since ${owner.startedAt})` : '';
  return new LedgerLockedError(`Another civetta run holds the ledger lock${who}: nothing was done.`, [
    `Ledger: ${ledgerFile}`,
    'It is released as soon as that run ends; try again then.',
  ]);
}
