import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, LedgerLockedError } from '../../src/errors.js';
import { acquireLock } from '../../src/ledger/lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civetta-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function holdInChild(ledger: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'hold-lock.ts'), ledger], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve();
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited early with ${code}: ${err}`)));
  });
  return { child, held };
}

describe('acquireLock', () => {
  it('refuses a second holder at once with exit 3, and frees the lock on release', () => {
    const ledger = join(dir, 'civetta.db');
    const release = acquireLock(ledger);
    let caught: unknown;
    try {
      acquireLock(ledger);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LedgerLockedError);
    expect((caught as LedgerLockedError).exitCode).toBe(ExitCode.locked);
    expect((caught as Error).message).toContain(`pid ${process.pid}`);
    release();
    const again = acquireLock(ledger);
    again();
  });

  it('is refused while another process holds it, and recovered when that process is SIGKILLed', async () => {
    const ledger = join(dir, 'civetta.db');
    const { child, held } = holdInChild(ledger);
    await held;
    expect(() => acquireLock(ledger)).toThrow(LedgerLockedError);
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const release = acquireLock(ledger);
    release();
  }, 20_000);
});
