import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/** File-system refusals that are the owner's path to fix (exit 2), not a bug in civetta. */
const PATH_ERRORS = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOENT', 'EEXIST']);

/**
 * Everything civetta writes holds buyer data, sales or secrets (exports, reports, .env, the lock
 * owner): readable by the owner only, whatever the umask, like the ledger.
 */
const OWNER_ONLY = 0o600;

function tempBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function pathError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && PATH_ERRORS.has(code)) {
    return new InputError(`cannot write ${file}: ${code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
  return error;
}

/**
 * Writes `data` to `file` so a reader never sees half a file: a temp file in the same folder is
 * created owner-only (0600), written, flushed, and renamed over the target (rename is atomic
 * within one file system, and replaces a symbolic link rather than writing through it).
 * Missing folders are created (`--out reports/2026/ordini.csv` from cron); a path that cannot
 * be written is an InputError naming it. `mode` only for rewriting a file of the owner's own
 * (the config), whose mode it keeps.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = OWNER_ONLY): Promise<void> {
  const temp = tempBeside(file);
  try {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw pathError(file, error);
  }
}

/**
 * The synchronous form for small private files (`.env`, the lock owner note): owner-only temp
 * file and rename, and a target that is a symbolic link is refused (exit 2), since someone who
 * planted `.env -> elsewhere` wants civetta's secret written where they can read it.
 */
export function writePrivateFileSync(file: string, data: string): void {
  refuseSymlink(file);
  const temp = tempBeside(file);
  try {
    const fd = openSync(temp, 'wx', OWNER_ONLY);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw pathError(file, error);
  }
}

/** Refuses (exit 2) a path that is a symbolic link; a missing file is fine. */
export function refuseSymlink(file: string): void {
  let link = false;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch {
    return;
  }
  if (link) {
    throw new InputError(`refused to write ${file}: it is a symbolic link`, [
      'civetta writes secrets and buyer data only to plain files. Remove the link (or replace it with the file itself) and run again.',
    ]);
  }
}
