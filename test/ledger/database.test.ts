import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openLedger, schemaVersion } from '../../src/ledger/database.js';
import { MIGRATIONS } from '../../src/ledger/migrations/index.js';
import type { Migration } from '../../src/ledger/migrations/migration.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civetta-ledger-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const extra: Migration = { version: MIGRATIONS.length + 1, name: 'test-extra', sql: 'CREATE TABLE extra (x INTEGER);' };

describe('openLedger', () => {
  it('creates an owner-only WAL file at the latest schema', () => {
    const file = join(dir, 'sub', 'civetta.db');
    const ledger = openLedger(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ledger.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(ledger.db)).toBe(MIGRATIONS.length);
    const tables = ledger.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['actions', 'hook_history', 'listings', 'stock_history', 'sync_runs']));
    ledger.close();
  });

  it('upgrades an older file in place, keeping its rows', () => {
    const file = join(dir, 'civetta.db');
    const old = openLedger(file, MIGRATIONS.slice(0, 1));
    old.db.prepare("INSERT INTO sync_runs (command, started_at) VALUES ('sync', '2026-11-01T00:00:00Z')").run();
    old.close();

    const upgraded = openLedger(file, [...MIGRATIONS, extra]);
    expect(schemaVersion(upgraded.db)).toBe(MIGRATIONS.length + 1);
    expect(upgraded.db.prepare('SELECT count(*) FROM sync_runs').pluck().get()).toBe(1);
    upgraded.db.prepare('INSERT INTO extra (x) VALUES (1)').run();
    upgraded.close();

    // Opening again applies nothing twice.
    const again = openLedger(file, [...MIGRATIONS, extra]);
    expect(again.db.prepare('SELECT count(*) FROM extra').pluck().get()).toBe(1);
    again.close();
  });

  it('rolls back a failing step whole and leaves the version where it was', () => {
    const file = join(dir, 'civetta.db');
    openLedger(file, MIGRATIONS.slice(0, 1)).close();
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' };
    expect(() => openLedger(file, [MIGRATIONS[0]!, broken])).toThrow(/nowhere/);
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file written by a newer civetta with exit 2', () => {
    const file = join(dir, 'civetta.db');
    openLedger(file, [...MIGRATIONS, extra]).close();
    expect(() => openLedger(file)).toThrow(InputError);
  });

  it('tightens a pre-existing world-readable file to 0600', async () => {
    const file = join(dir, 'civetta.db');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '', { mode: 0o644 });
    openLedger(file).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
