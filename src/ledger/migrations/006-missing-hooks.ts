import type { Migration } from './migration.js';

/**
 * Since when a hook has been missing from the stock file, per channel: it is offered at quantity 0
 * until `hooks.missingGraceHours` have passed, then delisted and replaced. A row exists only while
 * the hook is missing; its row coming back clears it.
 */
export const missingHooks: Migration = {
  version: 6,
  name: 'missing-hooks',
  sql: `
CREATE TABLE missing_hooks (
  channel TEXT NOT NULL,
  sku     TEXT NOT NULL,
  since   TEXT NOT NULL,
  PRIMARY KEY (channel, sku)
) WITHOUT ROWID;
`,
};
