import { z } from 'zod';
import { describeExpected, unwrap } from './describe-schema.js';
import { FORMAT_PRESETS } from './stock-formats.js';
import { Config } from './schema.js';

/** One documented key of the config. */
export interface ReferenceRow {
  key: string;
  expected: string;
  default?: string;
  description: string;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The description and default of a key, looked up through its wrappers (default, optional…). */
function meta(schema: z.ZodType): { description?: string; default?: unknown; optional: boolean } {
  let s: z.ZodType | undefined = schema;
  let description: string | undefined;
  let dflt: unknown;
  let optional = false;
  while (s) {
    description ??= s.description;
    const d = defOf(s);
    if (d.type === 'default') dflt ??= d.defaultValue;
    if (d.type === 'optional') optional = true;
    s = d.innerType;
  }
  return { ...(description !== undefined ? { description } : {}), ...(dflt !== undefined ? { default: dflt } : {}), optional };
}

function objectOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const u = unwrap(schema);
  if (defOf(u).type === 'object') return (u as unknown as { shape: Record<string, z.ZodType> }).shape;
  if (defOf(u).type === 'array' && defOf(u).element) return objectOf(defOf(u).element!);
  if (defOf(u).type === 'record' && defOf(u).valueType) return objectOf(defOf(u).valueType!);
  return undefined;
}

function walk(schema: z.ZodType, prefix: string, rows: ReferenceRow[]): void {
  const shape = objectOf(schema);
  if (!shape) return;
  for (const [name, child] of Object.entries(shape)) {
    const u = unwrap(child);
    const kind = defOf(u).type;
    const key = `${prefix}${name}${kind === 'array' && objectOf(child) ? '[]' : kind === 'record' && objectOf(child) ? '.<name>' : ''}`;
    const m = meta(child);
    const expected = objectOf(child) && kind !== 'union' ? (kind === 'array' ? 'a list of mappings' : 'a mapping') : describeExpected(child);
    rows.push({ key, expected: m.optional ? `${expected} (optional)` : expected, ...(m.default !== undefined ? { default: JSON.stringify(m.default) } : {}), description: m.description ?? '' });
    if (kind !== 'union') walk(child, `${key}.`, rows);
  }
}

/** Every key of the config schema with its type, default and description, in schema order. */
export function configReference(schema: z.ZodType = Config): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  walk(schema, '', rows);
  return rows;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README's config reference block: one Markdown table row per key, then the stock formats. */
export function configReferenceMarkdown(schema: z.ZodType = Config): string {
  const lines = ['| key | expected | default | meaning |', '| --- | --- | --- | --- |'];
  for (const r of configReference(schema)) {
    lines.push(`| \`${r.key}\` | ${cell(r.expected)} | ${r.default !== undefined ? `\`${cell(r.default)}\`` : ''} | ${cell(r.description)} |`);
  }
  return [...lines, '', ...stockFormatsMarkdown()].join('\n');
}

/** Every `stock.format` preset with the columns it maps, its price basis and its source. */
function stockFormatsMarkdown(): string[] {
  const lines = [
    '### Stock file formats (`stock.format`)',
    '',
    '`generic` (the default) reads only `stock.columns`. Each preset below sets the columns, whether prices include VAT and how variants are written; any `stock.columns` key, `stock.priceIncludesVat` or `stock.decimal` in the config wins over it.',
    '',
    '| format | export | prices | columns mapped | source |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [name, p] of Object.entries(FORMAT_PRESETS)) {
    const columns = Object.entries(p.columns)
      .map(([field, header]) => `${field}: \`${Array.isArray(header) ? header.join(' + ') : String(header)}\``)
      .join(', ');
    const gross = p.grossPriceHeader ? ` (VAT included when the price header is \`${p.aliases?.[p.columns.price ?? '']?.[0] ?? ''}\`)` : '';
    lines.push(`| \`${name}\` | ${cell(p.summary)} | ${p.priceIncludesVat ? 'VAT included' : 'net, VAT added'}${gross} | ${cell(columns)} | ${p.source} |`);
  }
  return lines;
}

/** The JSON schema of the config file (what the user writes: defaults are optional), for editors. */
export function configJsonSchema(schema: z.ZodType = Config): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title: 'civetta config' }, null, 2)}\n`;
}
