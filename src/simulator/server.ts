import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Faults } from './faults.js';
import type { Route, Service, SimRequest, SimResponse } from './http-types.js';
import { maskForm, maskHeaders, queryRecord, type RequestLog } from './request-log.js';
import type { RateLimiter } from './rate-limit.js';
import type { Router } from './router.js';
import type { SimState } from './state.js';

/** Per-service behaviour the pipeline needs: auth check and the service's own error shapes. */
export interface ServicePolicy {
  /** `undefined` when the call may proceed, else the refusal. */
  authenticate(req: SimRequest, route: Route): SimResponse | undefined;
  tooManyRequests(): SimResponse;
  serverError(status: 500 | 503, route: Route): SimResponse;
  notFound(): SimResponse;
  /** Headers added to every answer except 429 (Amazon: request id + rate limit). */
  headers(route: Route | undefined, status: number): Record<string, string>;
}

export interface Pipeline {
  state: SimState;
  router: Router;
  faults: Faults;
  limiter: RateLimiter;
  log: RequestLog;
  policies: Record<Service, ServicePolicy>;
  /** Runs before every handled call: lets time-driven work (feeds) catch up with the clock. */
  tick(): void;
}

function serviceOf(pathname: string): { service: Service; path: string } | undefined {
  const m = /^\/(amazon-documents|amazon|ebay)(\/.*)?$/.exec(pathname);
  if (!m?.[1]) return undefined;
  const service: Service = m[1] === 'amazon-documents' ? 'documents' : (m[1] as Service);
  return { service, path: m[1] === 'amazon-documents' ? (m[2] ?? '/') : (m[2] ?? '/') };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parse(method: string, path: string, url: URL, req: IncomingMessage, raw: Buffer): SimRequest {
  const bodyText = raw.length > 0 ? raw.toString('utf8') : undefined;
  let json: unknown;
  let jsonError = false;
  const type = String(req.headers['content-type'] ?? '');
  if (bodyText !== undefined && !type.includes('x-www-form-urlencoded')) {
    try {
      json = JSON.parse(bodyText);
    } catch {
      jsonError = true;
    }
  }
  return { method, path, params: {}, query: url.searchParams, headers: req.headers, rawBody: raw, bodyText, json, jsonError };
}

function loggedBody(sreq: SimRequest): unknown {
  if (sreq.bodyText === undefined) return undefined;
  if (String(sreq.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) return maskForm(new URLSearchParams(sreq.bodyText));
  return sreq.jsonError ? sreq.bodyText.slice(0, 2000) : sreq.json;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function handle(p: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  const where = serviceOf(url.pathname);
  const send = (r: SimResponse, extra: Record<string, string>) => {
    const headers: Record<string, string> = { ...extra, ...r.headers };
    let payload: Buffer | string | undefined = r.raw;
    if (payload === undefined && r.body !== undefined) {
      payload = JSON.stringify(r.body);
      headers['content-type'] ??= 'application/json';
    }
    res.writeHead(r.status, headers);
    res.end(payload);
  };
  if (!where) {
    send({ status: 404, body: { message: 'Not found' } }, {});
    return;
  }
  const policy = p.policies[where.service];
  const sreq = parse(method, where.path, url, req, raw);
  const matched = p.router.match(where.service, method, where.path);
  const base = {
    at: p.state.clock.now().toISOString(),
    service: where.service,
    method,
    path: where.path,
    query: queryRecord(url.searchParams),
    headers: maskHeaders(req.headers),
    body: loggedBody(sreq),
  };
  if (!matched) {
    const r = policy.notFound();
    p.log.add({ ...base, operation: 'unknown', status: r.status, write: false });
    send(r, policy.headers(undefined, r.status));
    return;
  }
  const { route, params } = matched;
  sreq.params = params;
  const logIt = (status: number) => p.log.add({ ...base, operation: route.operation, status, write: route.write });
  const fault = p.faults.decide(where.service, route.operation);
  if (fault.reset) {
    logIt(0);
    req.socket.destroy();
    return;
  }
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  let r: SimResponse | undefined = route.auth ? policy.authenticate(sreq, route) : undefined;
  if (!r && (fault.throttle || !p.limiter.take(route.service, route.operation))) {
    r = policy.tooManyRequests();
    logIt(r.status);
    send(r, policy.headers(route, r.status));
    return;
  }
  if (!r && fault.serverError) r = policy.serverError(fault.serverError, route);
  if (!r) {
    try {
      p.tick();
      r = await route.handler(sreq);
    } catch (err) {
      // A handler bug must surface as the service's 500, and loudly in the test output.
      console.error(`simulator: ${route.operation} failed`, err);
      r = policy.serverError(500, route);
    }
  }
  if (fault.malformed && r.body !== undefined) {
    const text = JSON.stringify(r.body);
    r = { ...r, body: undefined, raw: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
    r.headers = { ...r.headers, 'content-type': 'application/json' };
  }
  logIt(r.status);
  send(r, policy.headers(route, r.status));
}

export function createSimServer(p: Pipeline): Server {
  return createServer((req, res) => {
    handle(p, req, res).catch((err: unknown) => {
      console.error('simulator: request failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

export function requestId(): string {
  return randomUUID();
}
