import { core } from './001-core.js';
import { orders } from './002-orders.js';
import { held } from './003-held.js';
import { deadBand } from './004-dead-band.js';
import { listingIssues } from './005-listing-issues.js';
import { missingHooks } from './006-missing-hooks.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every schema step in version order; a new step is one more line here. */
export const MIGRATIONS: Migration[] = [
  core,
  orders,
  held,
  deadBand,
  listingIssues,
  missingHooks,
];
