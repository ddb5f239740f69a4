/**
 * One step of the ledger schema. Versions start at 1 and follow each other without gaps; a
 * ledger file records the last one applied in `PRAGMA user_version`, so an older file is
 * upgraded in place by running the steps it has not seen, each in its own transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
