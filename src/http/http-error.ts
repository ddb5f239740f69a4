import { redact } from './redact.js';

/** A marketplace answered with a non-2xx status (after any retries). */
export class HttpError extends Error {
  readonly status: number;
  readonly operation: string;
  /** The answer's body, redacted. */
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
  readonly requestId: string | undefined;
  constructor(operation: string, status: number, text: string, requestId?: string) {
    const safe = redact(text);
    super(`${operation}: HTTP ${status}${safe ? ` ${safe.slice(0, 300)}` : ''}`);
    this.name = 'HttpError';
    this.operation = operation;
    this.status = status;
    this.text = safe;
    this.json = parseJson(safe);
    this.requestId = requestId;
  }
}

/** The request never got an answer: refused, reset, timed out. */
export class NetworkError extends Error {
  readonly operation: string;
  constructor(operation: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${operation}: no answer from the marketplace (${redact(reason)})`, { cause });
    this.name = 'NetworkError';
    this.operation = operation;
  }
}

/** A 2xx answer whose body is not what the contract promises. */
export class UnexpectedResponseError extends Error {
  readonly operation: string;
  readonly status: number;
  readonly issues: readonly string[];
  constructor(operation: string, status: number, issues: readonly string[]) {
    super(`${operation}: unexpected answer (HTTP ${status}): ${issues.slice(0, 5).join('; ')}`);
    this.name = 'UnexpectedResponseError';
    this.operation = operation;
    this.status = status;
    this.issues = issues;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
