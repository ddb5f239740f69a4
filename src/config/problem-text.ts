import type { Problem } from '../domain/problem.js';

/** Where a problem is: `file:line:column`, `file:line`, `file` or nothing. */
function problemLocation(p: Problem): string {
  if (!p.file) return '';
  let at = p.file;
  if (p.line !== undefined) at += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) at += `:${p.column}`;
  return at;
}

/** One line per problem: `file:line:column: error: message`. */
export function problemText(p: Problem): string {
  const where = problemLocation(p);
  return `${where ? `${where}: ` : ''}${p.severity}: ${p.message}`;
}
