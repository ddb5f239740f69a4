import { InputError } from '../errors.js';

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach (the simulator, tests). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks the configured endpoints once, before any request: each must be an absolute https URL,
 * or http on loopback. Returns their origins, the only places a run may send to.
 */
export function allowedOrigins(channel: string, endpoints: readonly string[]): Set<string> {
  const origins = new Set<string>();
  for (const endpoint of endpoints) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new InputError(`${channel}: endpoint "${endpoint}" is not a URL`);
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    if (!secure) {
      throw new InputError(
        `${channel}: endpoint "${url.origin}" refused: marketplace endpoints must use https (plain http only on loopback)`,
      );
    }
    origins.add(url.origin);
  }
  return origins;
}

/** Refuses, before sending, a request to any origin the config did not name. */
export function assertAllowed(channel: string, origins: ReadonlySet<string>, url: string): URL {
  const parsed = new URL(url);
  if (!origins.has(parsed.origin)) {
    throw new InputError(
      `${channel}: refused to send a request to ${parsed.origin}: not one of the configured endpoints (${[...origins].join(', ')})`,
    );
  }
  return parsed;
}
