import type { Route } from './http-types.js';
import { json } from './http-types.js';
import { ebayEntry, ebayError, ebayInsufficientScope, ebayInvalidToken, ebayServerError, ebayTooManyRequests, type EbayDomain } from './ebay-errors.js';
import type { ServicePolicy } from './server.js';
import type { SimState } from './state.js';

/** eBay access tokens live 7200 s (reference §1), divided by the time scale. */
const EBAY_TOKEN_LIFETIME_MS = 7_200_000;
const SCOPE_BASE = 'https://api.ebay.com/oauth/api_scope';

/** Scopes a user token may be granted (the consented set civetta asks for, plus read-only twins). */
const USER_SCOPES = new Set([
  SCOPE_BASE,
  ...['sell.inventory', 'sell.fulfillment', 'sell.account', 'sell.marketing'].flatMap((s) => [`${SCOPE_BASE}/${s}`, `${SCOPE_BASE}/${s}.readonly`]),
  `${SCOPE_BASE}/commerce.identity.readonly`,
]);

function oauthError(status: number, error: string, description: string) {
  return json(status, { error, error_description: description });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m || !m[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { id: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

/** POST /identity/v1/oauth2/token — refresh_token and client_credentials grants with Basic client auth. */
export function ebayAuthRoutes(state: SimState): Route[] {
  return [
    {
      service: 'ebay', method: 'POST', pattern: '/identity/v1/oauth2/token', operation: 'getToken', write: false, auth: false,
      handler(req) {
        const c = state.ebay.credentials;
        const basic = basicCredentials(req.headers.authorization);
        if (!basic || basic.id !== c.clientId || basic.secret !== c.clientSecret) {
          return oauthError(401, 'invalid_client', 'client authentication failed');
        }
        const form = new URLSearchParams(req.bodyText ?? '');
        const grant = form.get('grant_type');
        const requested = (form.get('scope') ?? '').split(/\s+/).filter((s) => s.length > 0);
        if (grant === 'client_credentials') {
          if (requested.length === 0) return oauthError(400, 'invalid_request', 'scope is missing');
          if (requested.some((s) => s !== SCOPE_BASE)) {
            return oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client');
          }
          const t = state.tokens.issue('v^1.1#i^1#p^1#', { service: 'ebay', scopes: [SCOPE_BASE], application: true }, EBAY_TOKEN_LIFETIME_MS / state.timeScale);
          return json(200, { access_token: t.token, expires_in: t.expiresInS, token_type: 'Application Access Token' });
        }
        if (grant !== 'refresh_token') {
          return oauthError(400, 'unsupported_grant_type', 'grant type in request is not supported by the authorization server');
        }
        const refresh = form.get('refresh_token');
        if (!refresh) return oauthError(400, 'invalid_request', 'request is missing a required parameter or malformed.');
        if (!c.refreshTokens.includes(refresh) || state.tokens.revoked.has(refresh)) {
          return oauthError(400, 'invalid_grant', 'the provided authorization refresh token is invalid or was issued to another client');
        }
        if (requested.some((s) => !USER_SCOPES.has(s))) {
          return oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client');
        }
        const scopes = requested.length > 0 ? requested : [...USER_SCOPES];
        const t = state.tokens.issue('v^1.1#i^1#r^1#', { service: 'ebay', scopes, application: false }, EBAY_TOKEN_LIFETIME_MS / state.timeScale);
        return json(200, { access_token: t.token, expires_in: t.expiresInS, token_type: 'User Access Token' });
      },
    },
  ];
}

function domainOf(route: Route): EbayDomain {
  if (route.pattern.startsWith('/sell/fulfillment')) return 'API_FULFILLMENT';
  if (route.pattern.startsWith('/sell/account')) return 'API_ACCOUNT';
  if (route.pattern.startsWith('/commerce/taxonomy')) return 'API_TAXONOMY';
  return 'API_INVENTORY';
}

export function ebayPolicy(state: SimState): ServicePolicy {
  return {
    authenticate(req, route) {
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      const check = state.tokens.check('ebay', m?.[1]?.trim());
      if (!check.ok) return ebayInvalidToken();
      const need = route.scope;
      if (!need || need === 'api_scope') return undefined;
      const full = `${SCOPE_BASE}/${need}`;
      const granted = check.token.scopes;
      const ok = granted.includes(full) || (route.method === 'GET' && granted.includes(`${full}.readonly`));
      return ok ? undefined : ebayInsufficientScope();
    },
    tooManyRequests: ebayTooManyRequests,
    serverError: (status, route) => ebayServerError(status, domainOf(route)),
    notFound: () => ebayError(404, ebayEntry(2002, 'ACCESS', 'Resource not found', undefined, 'REQUEST', 'The requested resource does not exist.')),
    headers: () => ({}),
  };
}
