import type { IncomingHttpHeaders } from 'node:http';

/** One call the simulator received, as tests inspect it through `sim.requests`. */
export interface LoggedRequest {
  /** Simulated time of arrival, ISO 8601. */
  at: string;
  service: 'amazon' | 'ebay' | 'documents';
  /** The contract's operationId (`unknown` when no route matched). */
  operation: string;
  method: string;
  /** Path below the service prefix. */
  path: string;
  query: Record<string, string>;
  /** Request headers with access tokens and Basic credentials masked. */
  headers: Record<string, string>;
  /** Parsed JSON body, the form fields of a token call (secrets masked), or the raw text. */
  body: unknown;
  /** Status answered; 0 when the connection was reset by a fault. */
  status: number;
  /** Whether the call counted as a state-changing write. */
  write: boolean;
}

const SECRET_HEADERS = new Set(['authorization', 'x-amz-access-token']);
const SECRET_FIELDS = new Set(['client_secret', 'refresh_token', 'code']);

function mask(value: string): string {
  return value.length <= 8 ? '***' : `${value.slice(0, 6)}***`;
}

export function maskHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    const s = Array.isArray(v) ? v.join(', ') : v;
    out[k] = SECRET_HEADERS.has(k) ? mask(s) : s;
  }
  return out;
}

export function maskForm(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) out[k] = SECRET_FIELDS.has(k) ? mask(v) : v;
  return out;
}

export function queryRecord(q: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of q) out[k] = out[k] === undefined ? v : `${out[k]},${v}`;
  return out;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(e: LoggedRequest): void {
    this.entries.push(e);
  }

  count(operation?: string, service?: 'amazon' | 'ebay' | 'documents'): number {
    return this.entries.filter((e) => (operation === undefined || e.operation === operation) && (service === undefined || e.service === service)).length;
  }

  /** Successful (2xx) state-changing calls; Amazon's document uploads count as Amazon's. */
  writeCount(service?: 'amazon' | 'ebay'): number {
    const owner = (e: LoggedRequest) => (e.service === 'documents' ? 'amazon' : e.service);
    return this.entries.filter((e) => e.write && e.status >= 200 && e.status < 300 && (!service || owner(e) === service)).length;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
