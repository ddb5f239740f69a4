import type { IncomingHttpHeaders } from 'node:http';

/** Which simulated service a route belongs to. `documents` = Amazon's pre-signed document URLs. */
export type Service = 'amazon' | 'ebay' | 'documents';

/** A parsed incoming request as handlers see it. */
export interface SimRequest {
  method: string;
  /** Path below the service prefix, e.g. `/listings/2021-08-01/items/A1/SKU` (still percent-encoded). */
  path: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** `undefined` when the body is empty. */
  bodyText: string | undefined;
  /** Parsed JSON body; `jsonError` is set when the body is present but not JSON. */
  json: unknown;
  jsonError: boolean;
}

/** What a handler answers. `body` is serialised as JSON unless `raw` is given. */
export interface SimResponse {
  status: number;
  body?: unknown;
  raw?: Buffer | string;
  headers?: Record<string, string>;
}

type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/** One operation of a contract. */
export interface Route {
  service: Service;
  method: string;
  /** Path template with `{name}` segments, relative to the service prefix. */
  pattern: string;
  /** The contract's operationId. */
  operation: string;
  /** Whether the call changes marketplace state (counted by `sim.writeCount`). */
  write: boolean;
  /** Whether a bearer/access token is required (false for token endpoints and document URLs). */
  auth: boolean;
  /** eBay: the OAuth scope the call needs, e.g. `sell.inventory` (its `.readonly` twin suffices for GET); `api_scope` = base scope. */
  scope?: string;
  handler: Handler;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return headers ? { status, body, headers } : { status, body };
}

export function noContent(headers?: Record<string, string>): SimResponse {
  return headers ? { status: 204, headers } : { status: 204 };
}

/** Query parameter given as a comma-separated list or repeated (SP-API accepts both). */
export function listParam(q: URLSearchParams, name: string): string[] {
  return q
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
