import type { Migration } from './migration.js';

/**
 * The sync engine's tables. Timestamps are ISO-8601 UTC text; money is integer minor units;
 * JSON columns hold small objects (remote ids, field changes) that are read back whole.
 */
export const core: Migration = {
  version: 1,
  name: 'core',
  sql: `
CREATE TABLE sync_runs (
  id            INTEGER PRIMARY KEY,
  command       TEXT NOT NULL,
  channel       TEXT,
  dry_run       INTEGER NOT NULL DEFAULT 0,
  forced_guards TEXT NOT NULL DEFAULT '[]',
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  planned       INTEGER NOT NULL DEFAULT 0,
  succeeded     INTEGER NOT NULL DEFAULT 0,
  failed        INTEGER NOT NULL DEFAULT 0,
  deferred      INTEGER NOT NULL DEFAULT 0,
  exit_code     INTEGER,
  note          TEXT
);

CREATE TABLE actions (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES sync_runs(id),
  channel     TEXT NOT NULL,
  sku         TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('create', 'update', 'delist')),
  changes     TEXT NOT NULL DEFAULT '{}',
  request     TEXT,
  outcome     TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'ok', 'failed', 'abandoned')),
  response    TEXT,
  errors      TEXT NOT NULL DEFAULT '[]',
  created_at  TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX actions_by_run ON actions(run_id);
CREATE INDEX actions_by_listing ON actions(channel, sku);
CREATE INDEX actions_pending ON actions(outcome) WHERE outcome = 'pending';

CREATE TABLE listings (
  channel         TEXT NOT NULL,
  sku             TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('active', 'ended', 'failed')),
  remote          TEXT NOT NULL DEFAULT '{}',
  price_minor     INTEGER NOT NULL,
  quantity        INTEGER NOT NULL,
  content_hash    TEXT NOT NULL DEFAULT '',
  pinned          INTEGER NOT NULL DEFAULT 0,
  pin_price_minor INTEGER,
  pin_quantity    INTEGER,
  revisions_today INTEGER NOT NULL DEFAULT 0,
  revision_day    TEXT,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (channel, sku)
) WITHOUT ROWID;

CREATE TABLE stock_history (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER REFERENCES sync_runs(id),
  file        TEXT NOT NULL,
  rows        INTEGER NOT NULL,
  accepted_at TEXT NOT NULL
);

CREATE TABLE hook_history (
  channel TEXT NOT NULL,
  sku     TEXT NOT NULL,
  since   TEXT NOT NULL,
  until   TEXT,
  reason  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (channel, sku, since)
) WITHOUT ROWID;
CREATE INDEX hook_history_open ON hook_history(channel) WHERE until IS NULL;
`,
};
