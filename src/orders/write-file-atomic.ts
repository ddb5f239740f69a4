import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/** File-system refusals that are the owner's path to fix (exit 2), not a bug in civetta. */
const PATH_ERRORS = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOENT', 'EEXIST']);

/**
 * Writes `data` to `file` so a reader never sees half a file: a temp file in the same folder is
 * written, flushed, and renamed over the target (rename is atomic within one file system).
 * Missing folders are created (`--out reports/2026/ordini.csv` from cron); a path that cannot
 * be written is an InputError naming it.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code && PATH_ERRORS.has(code)) {
      throw new InputError(`cannot write ${file}: ${code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
    }
    throw error;
  }
}
