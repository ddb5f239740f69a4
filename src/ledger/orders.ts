import type { ChannelId } from '../domain/ids.js';
import type { Order, OrderStatus } from '../domain/order.js';
import type { ProductLookup, StoredOrder, StoredOrderLine } from '../domain/stored-order.js';
import type { Ledger } from './database.js';

/** What one upsert did, for the pull report. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  statusChanges: number;
}

const iso = (t: string | Date) => new Date(t).toISOString();
const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

interface OrderRow {
  channel: ChannelId;
  marketplace: string;
  order_id: string;
  created_at: string;
  updated_at: string;
  status: OrderStatus;
  raw_status: string;
  currency: string;
  items_total_minor: number | null;
  shipping_minor: number | null;
  total_minor: number | null;
  fees_minor: number | null;
  ship_by: string | null;
  buyer_name: string | null;
  buyer_address: string | null;
  buyer_email: string | null;
  pii_purged_at: string | null;
  shipped_at: string | null;
  first_seen_at: string;
}

interface LineRow {
  channel: ChannelId;
  order_id: string;
  line_id: string;
  sku: string | null;
  title: string;
  quantity: number;
  quantity_shipped: number | null;
  unit_price_minor: number | null;
  line_total_minor: number | null;
  tax_minor: number | null;
  remote_item_id: string | null;
  ean: string | null;
  vat_rate: number | null;
  unit_cost_minor: number | null;
}

/** The statements a pull runs for every order, prepared once per page rather than once per order. */
function pageStatements(ledger: Ledger) {
  return {
    find: ledger.db.prepare<[string, string], Pick<OrderRow, 'status' | 'updated_at'>>('SELECT status, updated_at FROM orders WHERE channel = ? AND order_id = ?'),
    write: ledger.db.prepare(`
      INSERT INTO orders (channel, marketplace, order_id, created_at, updated_at, status, raw_status, currency, items_total_minor,
        shipping_minor, total_minor, fees_minor, ship_by, buyer_name, buyer_address, buyer_email, shipped_at, first_seen_at)
      VALUES (@channel, @marketplace, @order_id, @created_at, @updated_at, @status, @raw_status, @currency, @items_total_minor,
        @shipping_minor, @total_minor, @fees_minor, @ship_by, @buyer_name, @buyer_address, @buyer_email, @shipped_at, @now)
      ON CONFLICT (channel, order_id) DO UPDATE SET
        marketplace = excluded.marketplace, updated_at = excluded.updated_at, status = excluded.status,
        raw_status = excluded.raw_status, currency = excluded.currency, items_total_minor = excluded.items_total_minor,
        shipping_minor = excluded.shipping_minor, total_minor = excluded.total_minor, fees_minor = excluded.fees_minor,
        ship_by = excluded.ship_by, shipped_at = coalesce(orders.shipped_at, excluded.shipped_at),
        buyer_name = CASE WHEN orders.pii_purged_at IS NULL THEN excluded.buyer_name END,
        buyer_address = CASE WHEN orders.pii_purged_at IS NULL THEN excluded.buyer_address END,
        buyer_email = CASE WHEN orders.pii_purged_at IS NULL THEN excluded.buyer_email END`),
    // Product facts are a snapshot of the first pull that knew them: later stock files do not rewrite past sales.
    line: ledger.db.prepare(`
      INSERT INTO order_lines (channel, order_id, line_id, position, sku, title, quantity, quantity_shipped, unit_price_minor,
        line_total_minor, tax_minor, remote_item_id, ean, vat_rate, unit_cost_minor)
      VALUES (@channel, @order_id, @line_id, @position, @sku, @title, @quantity, @quantity_shipped, @unit_price_minor,
        @line_total_minor, @tax_minor, @remote_item_id, @ean, @vat_rate, @unit_cost_minor)
      ON CONFLICT (channel, order_id, line_id) DO UPDATE SET
        position = excluded.position, sku = excluded.sku, title = excluded.title, quantity = excluded.quantity,
        quantity_shipped = excluded.quantity_shipped, unit_price_minor = excluded.unit_price_minor,
        line_total_minor = excluded.line_total_minor, tax_minor = excluded.tax_minor, remote_item_id = excluded.remote_item_id,
        ean = coalesce(order_lines.ean, excluded.ean), vat_rate = coalesce(order_lines.vat_rate, excluded.vat_rate),
        unit_cost_minor = coalesce(order_lines.unit_cost_minor, excluded.unit_cost_minor)`),
    event: eventStatement(ledger),
  };
}

const eventStatement = (ledger: Ledger) =>
  ledger.db.prepare('INSERT INTO order_events (channel, order_id, from_status, to_status, raw_status, at, source) VALUES (?, ?, ?, ?, ?, ?, ?)');

/** Appends a status change to the order's history. */
function recordEvent(ledger: Ledger, o: { channel: string; orderId: string }, from: OrderStatus | null, to: OrderStatus, raw: string, at: string, source: 'pull' | 'ship'): void {
  eventStatement(ledger).run(o.channel, o.orderId, from, to, raw, at, source);
}

/**
 * Upserts one page of orders in one transaction. A row changes only when the marketplace's
 * updatedAt is newer than the stored one, so re-reading the overlap window (or a whole page after
 * a killed run) changes nothing; a status event is written only when the status really changes.
 * Buyer data of an order whose PII was purged is never written again.
 */
export function upsertOrders(ledger: Ledger, orders: readonly Order[], o: { now: Date; products?: ProductLookup }): UpsertCounts {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, statusChanges: 0 };
  const st = pageStatements(ledger);
  const now = o.now.toISOString();
  ledger.transaction(() => {
    for (const order of orders) {
      const updatedAt = iso(order.updatedAt);
      const before = st.find.get(order.channel, order.orderId);
      if (before && Date.parse(updatedAt) <= Date.parse(before.updated_at)) {
        counts.unchanged += 1;
        continue;
      }
      st.write.run({
        channel: order.channel, marketplace: order.marketplace, order_id: order.orderId, created_at: iso(order.createdAt),
        updated_at: updatedAt, status: order.status, raw_status: order.rawStatus, currency: order.currency,
        items_total_minor: opt(order.itemsTotalMinor), shipping_minor: opt(order.shippingMinor), total_minor: opt(order.totalMinor),
        fees_minor: opt(order.feesMinor), ship_by: order.shipBy ? iso(order.shipBy) : null, buyer_name: opt(order.buyer?.name),
        buyer_address: opt(order.buyer?.address), buyer_email: opt(order.buyer?.email),
        shipped_at: order.status === 'shipped' ? updatedAt : null, now,
      });
      order.lines.forEach((line, position) => {
        const facts = line.sku ? o.products?.(line.sku) : undefined;
        st.line.run({
          channel: order.channel, order_id: order.orderId, line_id: line.lineId, position, sku: opt(line.sku), title: line.title,
          quantity: line.quantity, quantity_shipped: opt(line.quantityShipped), unit_price_minor: opt(line.unitPriceMinor),
          line_total_minor: opt(line.lineTotalMinor), tax_minor: opt(line.taxMinor), remote_item_id: opt(line.remoteItemId),
          ean: opt(facts?.ean), vat_rate: opt(facts?.vatRate), unit_cost_minor: opt(facts?.costMinor),
        });
      });
      if (!before) counts.inserted += 1;
      else counts.updated += 1;
      if (before?.status !== order.status) {
        st.event.run(order.channel, order.orderId, before?.status ?? null, order.status, order.rawStatus, updatedAt, 'pull');
        if (before) counts.statusChanges += 1;
      }
    }
  });
  return counts;
}

function toStored(row: OrderRow, lines: LineRow[]): StoredOrder {
  const order: StoredOrder = {
    channel: row.channel, marketplace: row.marketplace, orderId: row.order_id, createdAt: row.created_at,
    updatedAt: row.updated_at, status: row.status, rawStatus: row.raw_status, currency: row.currency,
    firstSeenAt: row.first_seen_at, lines: lines.map(toStoredLine),
  };
  if (row.items_total_minor !== null) order.itemsTotalMinor = row.items_total_minor;
  if (row.shipping_minor !== null) order.shippingMinor = row.shipping_minor;
  if (row.total_minor !== null) order.totalMinor = row.total_minor;
  if (row.fees_minor !== null) order.feesMinor = row.fees_minor;
  if (row.ship_by !== null) order.shipBy = row.ship_by;
  if (row.shipped_at !== null) order.shippedAt = row.shipped_at;
  if (row.pii_purged_at !== null) order.piiPurgedAt = row.pii_purged_at;
  const buyer = Object.fromEntries(
    Object.entries({ name: row.buyer_name, address: row.buyer_address, email: row.buyer_email }).filter(([, v]) => v !== null),
  );
  if (Object.keys(buyer).length > 0) order.buyer = buyer;
  return order;
}

function toStoredLine(r: LineRow): StoredOrderLine {
  const line: StoredOrderLine = { lineId: r.line_id, title: r.title, quantity: r.quantity };
  if (r.sku !== null) line.sku = r.sku;
  if (r.quantity_shipped !== null) line.quantityShipped = r.quantity_shipped;
  if (r.unit_price_minor !== null) line.unitPriceMinor = r.unit_price_minor;
  if (r.line_total_minor !== null) line.lineTotalMinor = r.line_total_minor;
  if (r.tax_minor !== null) line.taxMinor = r.tax_minor;
  if (r.remote_item_id !== null) line.remoteItemId = r.remote_item_id;
  if (r.ean !== null) line.ean = r.ean;
  if (r.vat_rate !== null) line.vatRate = r.vat_rate;
  if (r.unit_cost_minor !== null) line.costMinor = r.unit_cost_minor;
  return line;
}

/** Which orders to read; all of them when empty. */
export interface OrderQuery {
  channel?: ChannelId;
  orderId?: string;
  statuses?: readonly OrderStatus[];
  /** Only orders shipped after this instant. */
  shippedAfter?: Date;
}

/** Orders with their lines (in marketplace line order), oldest first. */
export function readOrders(ledger: Ledger, q: OrderQuery = {}): StoredOrder[] {
  const where: string[] = [];
  const params: string[] = [];
  const when = (condition: string, ...values: string[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (q.channel) when('channel = ?', q.channel);
  if (q.orderId) when('order_id = ?', q.orderId);
  if (q.statuses) when(`status IN (${q.statuses.map(() => '?').join(', ')})`, ...q.statuses);
  if (q.shippedAfter) when('shipped_at > ?', q.shippedAfter.toISOString());
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = ledger.db.prepare<string[], OrderRow>(`SELECT * FROM orders ${clause} ORDER BY created_at, channel, order_id`).all(...params);
  // One query for every line of the selected orders, not one per order.
  const lines = ledger.db
    .prepare<string[], LineRow>(
      `SELECT l.* FROM order_lines l JOIN (SELECT channel, order_id FROM orders ${clause}) o USING (channel, order_id) ORDER BY l.channel, l.order_id, l.position`,
    )
    .all(...params);
  const byOrder = new Map<string, LineRow[]>();
  for (const l of lines) {
    const key = `${l.channel}\u0000${l.order_id}`;
    const list = byOrder.get(key);
    if (list) list.push(l);
    else byOrder.set(key, [l]);
  }
  return rows.map((r) => toStored(r, byOrder.get(`${r.channel}\u0000${r.order_id}`) ?? []));
}

/** A status change as recorded. */
export interface OrderEvent {
  from?: OrderStatus;
  to: OrderStatus;
  rawStatus: string;
  at: string;
  source: 'pull' | 'ship';
}

export function readOrderEvents(ledger: Ledger, channel: ChannelId, orderId: string): OrderEvent[] {
  const rows = ledger.db
    .prepare<[string, string], { from_status: OrderStatus | null; to_status: OrderStatus; raw_status: string; at: string; source: 'pull' | 'ship' }>(
      'SELECT from_status, to_status, raw_status, at, source FROM order_events WHERE channel = ? AND order_id = ? ORDER BY id',
    )
    .all(channel, orderId);
  return rows.map((r) => ({ ...(r.from_status ? { from: r.from_status } : {}), to: r.to_status, rawStatus: r.raw_status, at: r.at, source: r.source }));
}

/** A shipment sent with `civetta orders ship`. */
export interface ShipmentRecord {
  channel: ChannelId;
  orderId: string;
  carrier: string;
  tracking: string;
  lines: Array<{ lineId: string; quantity: number }>;
  sentAt: Date;
  reference?: string;
}

/**
 * Records a confirmed shipment: the shipment row, the lines' shipped quantities, and the order
 * marked shipped (with an event) once every line is, so open-order units stop counting at once
 * instead of waiting for the next pull.
 */
export function recordShipment(ledger: Ledger, s: ShipmentRecord): void {
  ledger.transaction(() => {
    const at = s.sentAt.toISOString();
    ledger.db
      .prepare('INSERT INTO shipments (channel, order_id, carrier, tracking, lines, sent_at, reference) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(s.channel, s.orderId, s.carrier, s.tracking, JSON.stringify(s.lines), at, s.reference ?? null);
    const ship = ledger.db.prepare(
      'UPDATE order_lines SET quantity_shipped = min(quantity, coalesce(quantity_shipped, 0) + ?) WHERE channel = ? AND order_id = ? AND line_id = ?',
    );
    for (const l of s.lines) ship.run(l.quantity, s.channel, s.orderId, l.lineId);
    const open = ledger.db
      .prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM order_lines WHERE channel = ? AND order_id = ? AND coalesce(quantity_shipped, 0) < quantity')
      .get(s.channel, s.orderId);
    const row = ledger.db
      .prepare<[string, string], { status: OrderStatus; raw_status: string }>('SELECT status, raw_status FROM orders WHERE channel = ? AND order_id = ?')
      .get(s.channel, s.orderId);
    if (!row) return;
    const next: OrderStatus = (open?.n ?? 0) === 0 ? 'shipped' : 'partially_shipped';
    ledger.db
      .prepare('UPDATE orders SET status = ?, shipped_at = coalesce(shipped_at, ?) WHERE channel = ? AND order_id = ?')
      .run(next, next === 'shipped' ? at : null, s.channel, s.orderId);
    if (next !== row.status) recordEvent(ledger, s, row.status, next, row.raw_status, at, 'ship');
  });
}

/**
 * Erases buyer name, address and e-mail of orders that shipped before `cutoff`, of cancelled or
 * refunded orders last changed before it (they never ship), and of every order placed before
 * `openCutoff` whatever its status (one stuck in pending or unshipped would otherwise keep its
 * buyer's data for ever). Returns how many orders were purged.
 */
export function purgeBuyerData(ledger: Ledger, cutoff: Date, openCutoff: Date, now: Date): number {
  const result = ledger.db
    .prepare(
      `UPDATE orders SET buyer_name = NULL, buyer_address = NULL, buyer_email = NULL, pii_purged_at = @now
       WHERE pii_purged_at IS NULL AND (
         (shipped_at IS NOT NULL AND shipped_at < @cutoff) OR
         (status IN ('cancelled', 'refunded') AND updated_at < @cutoff) OR
         created_at < @openCutoff)`,
    )
    .run({ cutoff: cutoff.toISOString(), openCutoff: openCutoff.toISOString(), now: now.toISOString() });
  return result.changes;
}
