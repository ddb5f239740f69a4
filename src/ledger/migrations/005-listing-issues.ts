import type { Migration } from './migration.js';

/**
 * What the marketplace says is wrong with a listing it holds but does not sell (Amazon: an
 * ACCEPTED offer suppressed for a missing attribute), as last read back: a JSON array of
 * `{code, message, explanation?, field?}`, empty when the listing is fine. `status` shows it
 * between runs.
 */
export const listingIssues: Migration = {
  version: 5,
  name: 'listing-issues',
  sql: `ALTER TABLE listings ADD COLUMN issues TEXT NOT NULL DEFAULT '[]';`,
};
