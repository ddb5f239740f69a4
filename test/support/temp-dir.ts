import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** A fresh folder under the OS temp dir; `cleanup()` removes it. */
export interface TempDir {
  path: string;
  /** Writes files given as { 'relative/path': content }, creating folders. */
  write(files: Record<string, string | Uint8Array>): void;
  /** Copies a folder (or file) into the temp dir, at `to` (default: its base name). */
  copy(from: string, to?: string): string;
  /** Every file below the dir, relative, sorted: for asserting "no side effects". */
  files(): string[];
  cleanup(): void;
}

export function tempDir(prefix = 'civetta-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const files = (): string[] => {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else out.push(relative(path, full));
      }
    };
    walk(path);
    return out.sort();
  };
  return {
    path,
    write(map) {
      for (const [rel, content] of Object.entries(map)) {
        const full = join(path, rel);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    },
    copy(from, to) {
      const dest = join(path, to ?? from.split(/[\\/]/).pop()!);
      cpSync(from, dest, { recursive: true });
      return dest;
    },
    files,
    cleanup: () => rmSync(path, { recursive: true, force: true }),
  };
}
