import type { Migration } from './migration.js';

/**
 * Orders pulled from the marketplaces. An order is unique by channel + order id and a line by
 * channel + order id + line id, so a re-pulled page updates rows in place. Status changes are
 * kept as events; buyer columns are erased (set NULL, pii_purged_at set) after the retention
 * period and never written again for that order. Money is integer minor units.
 */
export const orders: Migration = {
  version: 2,
  name: 'orders',
  sql: `
CREATE TABLE orders (
  channel          TEXT NOT NULL,
  marketplace      TEXT NOT NULL,
  order_id         TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'unshipped', 'partially_shipped', 'shipped', 'cancelled', 'refunded')),
  raw_status       TEXT NOT NULL,
  currency         TEXT NOT NULL,
  items_total_minor INTEGER,
  shipping_minor   INTEGER,
  total_minor      INTEGER,
  fees_minor       INTEGER,
  ship_by          TEXT,
  buyer_name       TEXT,
  buyer_address    TEXT,
  buyer_email      TEXT,
  pii_purged_at    TEXT,
  shipped_at       TEXT,
  first_seen_at    TEXT NOT NULL,
  PRIMARY KEY (channel, order_id)
) WITHOUT ROWID;
CREATE INDEX orders_by_created ON orders(created_at);
CREATE INDEX orders_open ON orders(status) WHERE status IN ('pending', 'unshipped', 'partially_shipped');

CREATE TABLE order_lines (
  channel           TEXT NOT NULL,
  order_id          TEXT NOT NULL,
  line_id           TEXT NOT NULL,
  position          INTEGER NOT NULL,
  sku               TEXT,
  title             TEXT NOT NULL,
  quantity          INTEGER NOT NULL,
  quantity_shipped  INTEGER,
  unit_price_minor  INTEGER,
  line_total_minor  INTEGER,
  tax_minor         INTEGER,
  remote_item_id    TEXT,
  ean               TEXT,
  vat_rate          REAL,
  unit_cost_minor   INTEGER,
  PRIMARY KEY (channel, order_id, line_id),
  FOREIGN KEY (channel, order_id) REFERENCES orders(channel, order_id)
) WITHOUT ROWID;
CREATE INDEX order_lines_by_sku ON order_lines(sku);

CREATE TABLE order_events (
  id          INTEGER PRIMARY KEY,
  channel     TEXT NOT NULL,
  order_id    TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  raw_status  TEXT NOT NULL,
  at          TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('pull', 'ship')),
  FOREIGN KEY (channel, order_id) REFERENCES orders(channel, order_id)
);
CREATE INDEX order_events_by_order ON order_events(channel, order_id);

CREATE TABLE shipments (
  id          INTEGER PRIMARY KEY,
  channel     TEXT NOT NULL,
  order_id    TEXT NOT NULL,
  carrier     TEXT NOT NULL,
  tracking    TEXT NOT NULL,
  lines       TEXT NOT NULL,
  sent_at     TEXT NOT NULL,
  reference   TEXT,
  FOREIGN KEY (channel, order_id) REFERENCES orders(channel, order_id)
);
CREATE INDEX shipments_by_order ON shipments(channel, order_id);

CREATE TABLE order_cursors (
  channel      TEXT NOT NULL,
  marketplace  TEXT NOT NULL,
  last_updated TEXT NOT NULL,
  pulled_at    TEXT NOT NULL,
  PRIMARY KEY (channel, marketplace)
) WITHOUT ROWID;
`,
};
