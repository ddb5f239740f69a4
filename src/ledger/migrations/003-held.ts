import type { Migration } from './migration.js';

/**
 * Items a marketplace refused for a reason that cannot change until their inputs change (no
 * catalogue match, category unknown, attribute missing, …): one row per channel and SKU, with
 * the refusal and the fingerprint of the inputs it was refused with. A sync does not send the
 * item again while the fingerprint is the same.
 */
export const held: Migration = {
  version: 3,
  name: 'held-items',
  sql: `
CREATE TABLE held_items (
  channel      TEXT NOT NULL,
  sku          TEXT NOT NULL,
  reason       TEXT NOT NULL,
  message      TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  since        TEXT NOT NULL,
  last_tried_at TEXT NOT NULL,
  PRIMARY KEY (channel, sku)
) WITHOUT ROWID;
`,
};
