import type { Route } from './http-types.js';
import { json } from './http-types.js';
import { amazonError, amazonServerError, amazonUnauthorized, QUOTA_EXCEEDED_BODY } from './amazon-errors.js';
import type { RateLimiter } from './rate-limit.js';
import type { ServicePolicy } from './server.js';
import { requestId } from './server.js';
import type { SimState } from './state.js';

/** LWA access tokens live one hour (reference §1), divided by the time scale. */
const AMAZON_TOKEN_LIFETIME_MS = 3_600_000;

function lwaError(status: number, error: string, description: string) {
  return json(status, { error_description: description, error });
}

/** POST /auth/o2/token — the Login with Amazon refresh-token grant. */
export function amazonAuthRoutes(state: SimState): Route[] {
  return [
    {
      service: 'amazon', method: 'POST', pattern: '/auth/o2/token', operation: 'lwaToken', write: false, auth: false,
      handler(req) {
        const type = String(req.headers['content-type'] ?? '');
        const form = type.includes('json') && req.json && typeof req.json === 'object'
          ? new URLSearchParams(Object.entries(req.json as Record<string, string>))
          : new URLSearchParams(req.bodyText ?? '');
        const grant = form.get('grant_type');
        if (!grant) return lwaError(400, 'invalid_request', 'The request is missing a required parameter : grant_type');
        if (grant !== 'refresh_token') return lwaError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server');
        for (const name of ['refresh_token', 'client_id', 'client_secret']) {
          if (!form.get(name)) return lwaError(400, 'invalid_request', `The request is missing a required parameter : ${name}`);
        }
        const c = state.amazon.credentials;
        if (form.get('client_id') !== c.clientId || form.get('client_secret') !== c.clientSecret) {
          return lwaError(401, 'invalid_client', 'Client authentication failed');
        }
        const refresh = form.get('refresh_token') ?? '';
        if (!c.refreshTokens.includes(refresh) || state.tokens.revoked.has(refresh)) {
          return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
        }
        const t = state.tokens.issue('Atza|', { service: 'amazon', scopes: [], application: false }, AMAZON_TOKEN_LIFETIME_MS / state.timeScale);
        return json(200, { access_token: t.token, refresh_token: refresh, token_type: 'bearer', expires_in: t.expiresInS });
      },
    },
  ];
}

export function amazonPolicy(state: SimState, limiter: RateLimiter): ServicePolicy {
  return {
    authenticate(req) {
      const raw = req.headers['x-amz-access-token'];
      const check = state.tokens.check('amazon', Array.isArray(raw) ? raw[0] : raw);
      return check.ok ? undefined : amazonUnauthorized(check.reason);
    },
    tooManyRequests: () => ({ status: 429, body: QUOTA_EXCEEDED_BODY }),
    serverError: (status) => amazonServerError(status),
    notFound: () => amazonError(404, 'NotFound', 'Resource not found.'),
    headers(route, status) {
      const h: Record<string, string> = { 'x-amzn-RequestId': requestId() };
      const rate = route?.auth ? limiter.scaledRate('amazon', route.operation) : undefined;
      // Models: x-amzn-RateLimit-Limit on answers, never on 429.
      if (rate !== undefined && status !== 429) h['x-amzn-RateLimit-Limit'] = String(Number(rate.toPrecision(6)));
      return h;
    },
  };
}
