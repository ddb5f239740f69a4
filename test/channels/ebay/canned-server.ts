import type { ServerResponse } from 'node:http';
import { createEbayChannel } from '../../../src/channels/ebay/index.js';
import { collectingLogger } from '../../../src/log.js';
import { loopbackServer, type SeenRequest } from '../../support/loopback-server.js';
import { fakeClock } from '../../support/fake-clock.js';
import { ebayConfig } from './helpers.js';

/** A scripted answer: status, JSON body, extra headers. */
export interface Canned {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A loopback server answering the token endpoint itself and every other call from `answer`
 * (for the few eBay answers the simulator cannot produce), plus an eBay channel pointed at it.
 */
export async function cannedEbay(answer: (req: SeenRequest, index: number) => Canned, configOver: Record<string, unknown> = {}) {
  let apiIndex = 0;
  const server = await loopbackServer((req, res: ServerResponse) => {
    const reply = req.url.startsWith('/ebay/identity/v1/oauth2/token')
      ? { status: 200, body: { access_token: 'v^1.1#i^1#canned-access', expires_in: 7200, token_type: 'User Access Token' } }
      : answer(req, apiIndex++);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  const log = collectingLogger();
  const clock = fakeClock();
  const channel = createEbayChannel(ebayConfig({ endpoint: `${server.origin}/ebay`, ...configOver }), { currency: 'EUR' }, { log, now: clock.now, sleep: clock.sleep });
  const api = () => server.seen.filter((r) => !r.url.includes('/oauth2/token'));
  return { server, channel, log, clock, api };
}
