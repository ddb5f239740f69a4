import type { z } from 'zod';

/** Zod 4's internal definition, read only to describe what a key expects in plain words. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  format?: string;
  values?: unknown[];
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/prefault/nullable wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(d.type) && d.innerType) s = d.innerType;
    else return s;
  }
}

/** The schema of the key at `path` (array indices and record keys step into elements/values). */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    const u = unwrap(s);
    const d = defOf(u);
    if (d.type === 'object') s = (u as unknown as { shape: Record<string, z.ZodType> }).shape[String(seg)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'union') {
      const objects: z.ZodType[] = (d.options ?? []).filter((o) => defOf(unwrap(o)).type === 'object');
      s = objects.length ? schemaAt(objects[0]!, [seg]) : undefined;
    } else return undefined;
  }
  return s;
}

/** The keys an object schema accepts, for "did you mean". */
export function keysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, path);
  if (!s) return [];
  const u = unwrap(s);
  if (defOf(u).type === 'union') {
    return (defOf(u).options ?? []).flatMap((o) => keysAt(o, []));
  }
  return defOf(u).type === 'object' ? Object.keys((u as unknown as { shape: object }).shape) : [];
}

function numberText(s: z.ZodType): string {
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const checks = (defOf(s) as unknown as { checks?: { _zod: { def: { check: string; inclusive?: boolean } } }[] }).checks ?? [];
  const exclusive = (kind: string) => checks.some((c) => c._zod.def.check === kind && c._zod.def.inclusive === false);
  const noun = n.isInt ? 'a whole number' : 'a number';
  const min = n.minValue !== null && n.minValue > Number.MIN_SAFE_INTEGER ? n.minValue : undefined;
  const max = n.maxValue !== null && n.maxValue < Number.MAX_SAFE_INTEGER ? n.maxValue : undefined;
  const low = min === undefined ? '' : `${exclusive('greater_than') ? '>' : '≥'} ${min}`;
  const high = max === undefined ? '' : `${exclusive('less_than') ? '<' : '≤'} ${max}`;
  if (low.startsWith('≥') && high.startsWith('≤')) return `${noun} between ${min} and ${max}`;
  if (low && high) return `${noun} ${low} and ${high}`;
  if (low || high) return `${noun} ${low || high}`;
  return noun;
}

/** What a schema accepts, in words: "a number between 0 and 1", "one of auto, utf-8, …". */
export function describeExpected(schema: z.ZodType): string {
  const s = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case 'number':
      return numberText(s);
    case 'string':
      if (d.format === 'url') return 'a URL (https://…)';
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(d.entries ?? {}).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'literal':
      return `exactly ${(d.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'array':
      return d.element ? `a list, each ${describeExpected(d.element)}` : 'a list';
    case 'object':
      return `a mapping with keys ${Object.keys((s as unknown as { shape: object }).shape).join(', ')}`;
    case 'record':
      return 'a mapping';
    case 'union':
      return (d.options ?? []).map(describeExpected).join(' or ');
    default:
      return d.type;
  }
}
