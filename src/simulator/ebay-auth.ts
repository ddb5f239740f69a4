import { randomBytes } from 'node:crypto';
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
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { id: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

/** Authorization codes live about five minutes (reference §1), divided by the time scale. */
const CODE_LIFETIME_S = 299;
/** A refresh token from the consent lives ~18 months: 47,304,000 s (reference §1). */
const REFRESH_TOKEN_LIFETIME_S = 47_304_000;

/** Codes waiting to be exchanged, and the refresh tokens the consent minted (accepted from then on). */
interface Consent {
  codes: Map<string, PendingCode>;
  refreshTokens: Set<string>;
}

interface PendingCode {
  clientId: string;
  ruName: string;
  scopes: string[];
  expiresMs: number;
}

/**
 * The seller's consent as `civetta auth ebay` drives it: GET /oauth2/authorize (the consent page;
 * the simulated seller accepts at once and is sent to the RuName's accept page with `?code=…`),
 * then the authorization_code grant on the token endpoint, which mints a new refresh token the
 * simulator accepts from then on.
 */
function consentRoutes(state: SimState, codes: Map<string, PendingCode>): Route[] {
  return [
    {
      service: 'ebay', method: 'GET', pattern: '/oauth2/authorize', operation: 'authorize', write: false, auth: false,
      handler(req) {
        const q = req.query;
        const ruName = q.get('redirect_uri');
        if (q.get('client_id') !== state.ebay.credentials.clientId || q.get('response_type') !== 'code' || !ruName) {
          return oauthError(400, 'invalid_request', 'client_id, redirect_uri (the RuName) and response_type=code are required');
        }
        const scopes = (q.get('scope') ?? '').split(/\s+/).filter((s) => s.length > 0);
        if (scopes.some((s) => !USER_SCOPES.has(s))) return oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client');
        const code = `v^1.1#i^1#f^0#p^3#r^1#I^3#t^${randomBytes(24).toString('base64url')}`;
        codes.set(code, { clientId: state.ebay.credentials.clientId, ruName, scopes, expiresMs: state.clock.nowMs() + (CODE_LIFETIME_S * 1000) / state.timeScale });
        const accepted = new URLSearchParams({ ...(q.get('state') ? { state: q.get('state')! } : {}), code, expires_in: String(CODE_LIFETIME_S) });
        return { status: 302, headers: { location: `${state.origin}/ebay/oauth2/accepted?${accepted.toString()}` }, raw: '' };
      },
    },
    {
      service: 'ebay', method: 'GET', pattern: '/oauth2/accepted', operation: 'consentAccepted', write: false, auth: false,
      handler: () => ({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        raw: '<!doctype html><title>Autorizzazione completata</title><p>Authorization successfully completed. Copy this page\'s address into civetta.</p>',
      }),
    },
  ];
}

/** The authorization_code grant: one use per code, for the client and RuName it was issued to. */
function exchangeCode(state: SimState, consent: Consent, form: URLSearchParams) {
  const { codes } = consent;
  const code = form.get('code') ?? '';
  const pending = codes.get(code);
  codes.delete(code);
  if (!pending || pending.expiresMs < state.clock.nowMs() || pending.clientId !== state.ebay.credentials.clientId || pending.ruName !== form.get('redirect_uri')) {
    return oauthError(400, 'invalid_grant', 'the provided authorization grant code is invalid or was issued to another client');
  }
  const refreshToken = `v^1.1#i^1#r^1#f^0#p^3#I^3#t^${randomBytes(24).toString('base64url')}`;
  consent.refreshTokens.add(refreshToken);
  const scopes = pending.scopes.length > 0 ? pending.scopes : [...USER_SCOPES];
  const t = state.tokens.issue('v^1.1#i^1#r^1#', { service: 'ebay', scopes, application: false }, EBAY_TOKEN_LIFETIME_MS / state.timeScale);
  return json(200, {
    access_token: t.token, expires_in: t.expiresInS, refresh_token: refreshToken, refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_S, token_type: 'User Access Token',
  });
}

/** POST /identity/v1/oauth2/token — refresh_token, client_credentials and authorization_code grants with Basic client auth; the consent pages. */
export function ebayAuthRoutes(state: SimState): Route[] {
  const consent: Consent = { codes: new Map(), refreshTokens: new Set() };
  return [
    ...consentRoutes(state, consent.codes),
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
        if (grant === 'authorization_code') return exchangeCode(state, consent, form);
        if (grant !== 'refresh_token') {
          return oauthError(400, 'unsupported_grant_type', 'grant type in request is not supported by the authorization server');
        }
        const refresh = form.get('refresh_token');
        if (!refresh) return oauthError(400, 'invalid_request', 'request is missing a required parameter or malformed.');
        if (!(c.refreshTokens.includes(refresh) || consent.refreshTokens.has(refresh)) || state.tokens.revoked.has(refresh)) {
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
