import type { ServerResponse } from 'node:http';
import { loopbackServer, type SeenRequest } from './loopback-server.js';

/**
 * A loopback server in front of the simulator: it forwards every request (rewriting the
 * simulator's origin in answers, so pre-signed document URLs point back through it) unless
 * `intercept` answers it first, and lets `alter` change the headers of forwarded answers. For
 * answers a simulator must never give (a GZIP bomb, a rate of one call an hour).
 */
export async function hostileProxy(
  simOrigin: string,
  opts: { intercept?: (req: SeenRequest, res: ServerResponse) => boolean; alter?: (headers: Record<string, string>, req: SeenRequest) => void },
): Promise<{ origin: string; close: () => Promise<void> }> {
  let origin = '';
  const server = await loopbackServer((req, res) => {
    if (opts.intercept?.(req, res)) return;
    const headers = Object.entries(req.headers)
      .filter(([k]) => !['host', 'content-length', 'connection'].includes(k))
      .map(([k, v]) => [k, String(v)] as [string, string]);
    void fetch(`${simOrigin}${req.url}`, { method: req.method, headers, ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: req.body }) }).then(async (answer) => {
      const text = (await answer.text()).split(simOrigin).join(origin);
      const out: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
      });
      opts.alter?.(out, req);
      res.writeHead(answer.status, out).end(text);
    });
  });
  origin = server.origin;
  return { origin, close: server.close };
}

/** The channel endpoints of a simulator-shaped server at `origin`. */
export function endpointsAt(origin: string) {
  return {
    amazon: { endpoint: `${origin}/amazon`, tokenEndpoint: `${origin}/amazon/auth/o2/token` },
    ebay: { endpoint: `${origin}/ebay`, tokenEndpoint: `${origin}/ebay/identity/v1/oauth2/token` },
  };
}
