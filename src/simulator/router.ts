import type { Route, Service } from './http-types.js';

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** Matches (service, method, path) to a contract operation; literal segments beat `{param}` ones. */
export class Router {
  private readonly compiled: CompiledRoute[] = [];

  add(routes: Route[]): void {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.pattern
        .split('/')
        .map((seg) => {
          const m = /^\{(\w+)\}$/.exec(seg);
          if (!m?.[1]) return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(m[1]);
          return '([^/]+)';
        })
        .join('/');
      this.compiled.push({ route, regex: new RegExp(`^${source}/?$`), names });
    }
    // Literal routes first so `/offer/get_listing_fees` never matches `/offer/{offerId}`.
    this.compiled.sort((a, b) => a.names.length - b.names.length);
  }

  match(service: Service, method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const c of this.compiled) {
      if (c.route.service !== service || c.route.method !== method) continue;
      const m = c.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => {
        const raw = m[i + 1] ?? '';
        try {
          params[n] = decodeURIComponent(raw);
        } catch {
          params[n] = raw;
        }
      });
      return { route: c.route, params };
    }
    return undefined;
  }
}
