import type { Problem } from '../domain/problem.js';
import { InputError } from '../errors.js';
import { formatProblem } from './stock-report.js';

/**
 * The stock file was refused (missing, unreadable, a mapped column absent, too many bad rows):
 * exit 2 before anything else happens. `details` has one line per problem; `problems` keeps
 * them structured for `--json`.
 */
export class StockFileError extends InputError {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[]) {
    super(message, problems.map(formatProblem));
    this.problems = problems;
  }
}
