import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/files/write-file-atomic.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

let dir: TempDir | undefined;
afterEach(() => dir?.cleanup());

describe('writeFileAtomic', () => {
  it('creates missing folders (an --out or --html path into a new folder)', async () => {
    dir = tempDir();
    const file = join(dir.path, 'report', '2026', 'civette.html');
    await writeFileAtomic(file, '<!doctype html>');
    expect(readFileSync(file, 'utf8')).toBe('<!doctype html>');
    expect(dir.files()).toEqual(['report/2026/civette.html']);
  });

  it('a path that is a folder is the owner\'s input to fix (exit 2), and leaves no temp file', async () => {
    dir = tempDir();
    const target = join(dir.path, 'ordini.csv');
    mkdirSync(target);
    const error = await writeFileAtomic(target, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`cannot write ${target}: it is a folder`);
    expect(readdirSync(dir.path)).toEqual(['ordini.csv']);
  });
});
