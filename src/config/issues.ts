import type { z } from 'zod';
import type { Problem } from '../domain/problem.js';
import { describeExpected, keysAt, schemaAt } from './describe-schema.js';
import { didYouMean } from './did-you-mean.js';

/** Where a key path is written in the config file, when known. */
export type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

/** A config key path as written in messages: `hooks.rules[0].where.price`. */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(top level)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The value as found, with its kind: `"15%" (string)`, `nothing`. */
function foundText(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value);
  return `${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown} (${typeof value})`;
}

function unknownKeyProblem(path: readonly PropertyKey[], key: string, schema: z.ZodType, data: unknown): Problem {
  const full = [...path, key];
  const suggestion = didYouMean(key, keysAt(schema, path));
  const expected = suggestion ? `did you mean "${suggestion}"?` : `one of ${keysAt(schema, path).join(', ')}`;
  return {
    severity: 'error',
    code: 'config-unknown-key',
    key: keyPath(full),
    value: foundText(valueAt(data, full)),
    expected,
    message: `${keyPath(full)}: unknown key${suggestion ? `, did you mean "${suggestion}"?` : ` (known here: ${keysAt(schema, path).join(', ')})`}`,
  };
}

function expectedFor(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  // A refinement's message says what it wants better than the type it refines.
  if (issue.code === 'custom') return issue.message;
  const at = schemaAt(schema, issue.path);
  if (at) return describeExpected(at);
  return issue.message;
}

/**
 * Of a union's failed options, the one whose kind the value has (a mapping for an inline
 * party, text for a party id): its issues name the real fault ("city missing") where the
 * union's own says only that nothing matched. Undefined when no single option fits the kind.
 */
function matchingBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const fitting = branches.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * Turns zod issues into Problems that name the key path, the value found and what was expected,
 * e.g. `channels.ebay.pricing.markup: found "15%" (string), expected a number between 0 and 1`.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  data: unknown,
  locate: Locate = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  const at = (path: readonly PropertyKey[]) => {
    const pos = locate(path);
    return pos ? { line: pos.line, column: String(pos.column) } : {};
  };
  for (const issue of issues) {
    const branch = issue.code === 'invalid_union' ? matchingBranch(issue.errors) : undefined;
    if (branch) {
      problems.push(...issuesToProblems(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), schema, data, locate));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) problems.push({ ...unknownKeyProblem(issue.path, k, schema, data), ...at([...issue.path, k]) });
      continue;
    }
    const value = valueAt(data, issue.path);
    const expected = expectedFor(issue, schema);
    const found = foundText(value);
    problems.push({
      ...at(issue.path),
      severity: 'error',
      code: value === undefined ? 'config-missing-key' : 'config-invalid',
      key: keyPath(issue.path),
      value: found,
      expected,
      message: value === undefined
        ? `${keyPath(issue.path)}: missing, expected ${expected}`
        : `${keyPath(issue.path)}: found ${found}, expected ${expected}`,
    });
  }
  return problems;
}
