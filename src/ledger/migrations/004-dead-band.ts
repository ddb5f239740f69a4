import type { Migration } from './migration.js';

/**
 * Since when a listing's quantity has been held back by the dead band (a small upward move not
 * worth a revision): past `hooks.deadBandMaxHours` the move is sent anyway. A row exists only
 * while a move is being held back.
 */
export const deadBand: Migration = {
  version: 4,
  name: 'dead-band',
  sql: `
CREATE TABLE dead_band (
  channel TEXT NOT NULL,
  sku     TEXT NOT NULL,
  since   TEXT NOT NULL,
  PRIMARY KEY (channel, sku)
) WITHOUT ROWID;
`,
};
