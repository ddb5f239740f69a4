import { minorToDecimal } from '../domain/money.js';
import { currencyDigits } from '../domain/money.js';
import type { ExportRow } from './export-rows.js';
import { neutraliseCell } from './neutralise-cell.js';

/** plain: comma, decimal point, ISO dates. it: semicolon, decimal comma, DD/MM/YYYY, BOM (what Excel and LibreOffice expect in an Italian locale). */
export type ExportStyle = 'plain' | 'it';
export type ExportFormat = 'csv' | 'json';

type Value =
  | { kind: 'text'; text: string }
  /** An identifier made of digits a spreadsheet would turn into a number (EAN, line ids, numeric SKUs). */
  | { kind: 'code'; text: string }
  | { kind: 'money'; minor: number }
  | { kind: 'count'; n: number }
  | { kind: 'percent'; rate: number }
  | { kind: 'date'; day: string };

interface Column {
  name: string;
  pii?: boolean;
  value(row: ExportRow): Value | undefined;
}

const text = (t: string | undefined): Value | undefined => (t === undefined ? undefined : { kind: 'text', text: t });
const code = (t: string | undefined): Value | undefined => (t === undefined ? undefined : { kind: 'code', text: t });
const money = (m: number | undefined): Value | undefined => (m === undefined ? undefined : { kind: 'money', minor: m });
const date = (d: string | undefined): Value | undefined => (d === undefined ? undefined : { kind: 'date', day: d });

/** The export columns, in order; README "orders export" documents each one. */
const EXPORT_COLUMNS: readonly Column[] = [
  { name: 'channel', value: (r) => text(r.channel) },
  { name: 'marketplace', value: (r) => text(r.marketplace) },
  { name: 'order_id', value: (r) => code(r.orderId) },
  { name: 'order_date', value: (r) => date(r.orderDate) },
  { name: 'status', value: (r) => text(r.status) },
  { name: 'shipped_date', value: (r) => date(r.shippedDate) },
  { name: 'line_id', value: (r) => code(r.lineId) },
  { name: 'sku', value: (r) => code(r.sku) },
  { name: 'ean', value: (r) => code(r.ean) },
  { name: 'title', value: (r) => text(r.title) },
  { name: 'quantity', value: (r) => ({ kind: 'count', n: r.quantity }) },
  { name: 'unit_price', value: (r) => money(r.unitPriceMinor) },
  { name: 'line_total', value: (r) => money(r.lineTotalMinor) },
  { name: 'shipping', value: (r) => money(r.shippingMinor) },
  { name: 'fees', value: (r) => money(r.feesMinor) },
  { name: 'currency', value: (r) => text(r.currency) },
  { name: 'vat_percent', value: (r) => (r.vatRate === undefined ? undefined : { kind: 'percent', rate: r.vatRate }) },
  { name: 'net', value: (r) => money(r.netMinor) },
  { name: 'vat', value: (r) => money(r.vatMinor) },
  { name: 'gross', value: (r) => money(r.grossMinor) },
  { name: 'buyer_name', pii: true, value: (r) => text(r.buyerName) },
  { name: 'buyer_address', pii: true, value: (r) => text(r.buyerAddress) },
];

export interface FormatOptions {
  format: ExportFormat;
  style: ExportStyle;
  /** false drops the buyer columns altogether. */
  includePii: boolean;
}

function percentText(rate: number): string {
  // 0.22 → "22", 0.055 → "5.5": at most two decimals of a percent
  return String(Math.round(rate * 10_000) / 100);
}

function isoToItalian(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

function plainText(v: Value, row: ExportRow, style: ExportStyle): string {
  const comma = (s: string) => (style === 'it' ? s.replace('.', ',') : s);
  switch (v.kind) {
    case 'text':
      return neutraliseCell(v.text);
    case 'code':
      // Excel and LibreOffice read 8001234567897 as a number (8,00123E+12) and drop a leading
      // zero; ="…" makes them keep the digits as text. Only the Italian, spreadsheet-bound style.
      return style === 'it' && SPREADSHEET_NUMBER.test(v.text) ? `="${v.text}"` : neutraliseCell(v.text);
    case 'money':
      return comma(minorToDecimal(v.minor, currencyDigits(row.currency)));
    case 'count':
      return String(v.n);
    case 'percent':
      return comma(percentText(v.rate));
    case 'date':
      return style === 'it' ? isoToItalian(v.day) : v.day;
  }
}

/** Digits a spreadsheet would change: 12 or more (shown in E notation), or a leading zero. */
const SPREADSHEET_NUMBER = /^(?:\d{12,}|0\d+)$/;

/** RFC 4180: a field holding the separator, a quote, CR or LF is quoted, with quotes doubled. */
function quote(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function toCsv(rows: readonly ExportRow[], columns: readonly Column[], style: ExportStyle): string {
  const sep = style === 'it' ? ';' : ',';
  const lines = [columns.map((c) => c.name).join(sep)];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const v = c.value(row);
          return v === undefined ? '' : quote(plainText(v, row, style), sep);
        })
        .join(sep),
    );
  }
  // The BOM is how Excel learns the file is UTF-8; LibreOffice reads it either way.
  return `${style === 'it' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

function jsonValue(v: Value | undefined, row: ExportRow): string | number | null {
  if (v === undefined) return null;
  switch (v.kind) {
    case 'text':
    case 'code':
      return v.text;
    case 'money':
      return minorToDecimal(v.minor, currencyDigits(row.currency));
    case 'count':
      return v.n;
    case 'percent':
      return Number(percentText(v.rate));
    case 'date':
      return v.day;
  }
}

/** The rows as one JSON array of objects keyed by the CSV column names; money as decimal strings. */
export function exportJsonRecords(rows: readonly ExportRow[], includePii: boolean): Array<Record<string, string | number | null>> {
  const columns = EXPORT_COLUMNS.filter((c) => includePii || !c.pii);
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, jsonValue(c.value(row), row)])));
}

/** The export file's full text: CSV in the chosen style, or a JSON array. */
export function formatExport(rows: readonly ExportRow[], o: FormatOptions): string {
  if (o.format === 'json') return `${JSON.stringify(exportJsonRecords(rows, o.includePii), null, 2)}\n`;
  return toCsv(rows, EXPORT_COLUMNS.filter((c) => o.includePii || !c.pii), o.style);
}
