import { relative } from 'node:path';
import type { Problem } from '../../domain/problem.js';

/**
 * `file:line:column` for config problems (column is a character position), `file:line
 * [Header]` for stock-file problems (column is the header as written). Files relative to cwd.
 */
function problemWhere(p: Problem, cwd: string): string {
  if (!p.file) return p.key ?? '';
  let where = relative(cwd, p.file) || p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.column !== undefined) where += /^\d+$/.test(p.column) ? `:${p.column}` : ` [${p.column}]`;
  return where;
}

/** One problem on one line: where, severity, message, and the value found / expected when the message lacks them. */
export function renderProblem(p: Problem, cwd: string): string {
  const where = problemWhere(p, cwd);
  let text = `${where ? `${where}: ` : ''}${p.severity}: ${p.message}`;
  if (p.value !== undefined && !p.message.includes(p.value) && !p.message.includes('found')) {
    // An expectation the message already states (an unknown key's "did you mean") is not repeated.
    const expected = p.expected && !p.message.includes(p.expected) ? `, expected ${p.expected}` : '';
    text += ` (found ${JSON.stringify(p.value)}${expected})`;
  } else if (p.value === undefined && p.expected && !p.message.includes('expected')) {
    text += ` (expected ${p.expected})`;
  }
  return text;
}

/** Counts per severity. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors += 1;
  return { errors, warnings: problems.length - errors };
}
