import { ChannelAuthError, InputError } from '../../errors.js';
import type { AuthProvider, HttpClient } from '../../http/client.js';
import { HttpError } from '../../http/http-error.js';
import { redact, registerSecret } from '../../http/redact.js';
import { LwaError, LwaToken, SpErrorList } from './schemas.js';

/** The app's Login with Amazon credentials (CIVETTA_AMAZON_CLIENT_ID/_SECRET/_REFRESH_TOKEN). */
export interface LwaCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** The built-in simulator's public test credentials, used when `environment: simulator` has none. */
const SIMULATOR_CREDENTIALS: LwaCredentials = {
  clientId: 'amzn1.application-oa2-client.civetta-simulator',
  clientSecret: 'civetta-simulator-secret',
  refreshToken: 'Atzr|civetta-simulator',
};

/**
 * Renew this long before the token's stated expiry, so no call goes out with a dying token
 * (reference §1: the token lives 1 hour, "renew a few minutes early").
 */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** The renewal time of a token that lives `lifetimeMs`: 5 minutes early, or a twelfth of a shorter life (the simulator's scaled clock). */
function renewalTime(issuedAt: number, lifetimeMs: number): number {
  return issuedAt + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 12);
}

/**
 * SP-API error codes of a 401/403 that mean "this access token is not accepted" (reference §7:
 * `Unauthorized` / `MissingAuthenticationToken`, "Access to requested resource is denied.").
 * Amazon gives the same code for an expired token and for a missing role, so both get one
 * refresh; a fresh token refused too stops the channel (the HTTP client, exit 5).
 */
const TOKEN_ERROR_CODES = new Set(['Unauthorized', 'MissingAuthenticationToken']);

/** Text of a 401/403 that names the token as expired or invalid, whatever the code. */
const EXPIRED_TOKEN = /expired|revoked|malformed|invalid[^"]{0,30}token|token[^"]{0,30}invalid/i;

/**
 * Login with Amazon refresh-token grant (reference §1): one access token shared by every call,
 * cached until five minutes before expiry, renewed once on demand. A refused credential becomes a
 * ChannelAuthError that every later call rethrows without sending anything.
 */
export class LwaAuth implements AuthProvider {
  private readonly tokenEndpoint: string;
  private readonly credentials: LwaCredentials;
  private readonly http: HttpClient;
  private readonly now: () => number;
  private cached: { value: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private refused: ChannelAuthError | undefined;

  /** `http` must be a client of its own (token origin only, no auth): see createAmazonChannel. */
  constructor(options: { tokenEndpoint: string; credentials: LwaCredentials; http: HttpClient; now: () => number }) {
    this.tokenEndpoint = options.tokenEndpoint;
    this.credentials = options.credentials;
    this.http = options.http;
    this.now = options.now;
    registerSecret(options.credentials.clientSecret);
    registerSecret(options.credentials.refreshToken);
  }

  async headers(forceRefresh: boolean): Promise<Record<string, string>> {
    return { 'x-amz-access-token': await this.accessToken(forceRefresh) };
  }

  isExpired(status: number, bodyText: string): boolean {
    if (status !== 401 && status !== 403) return false;
    return errorCodes(bodyText).some((code) => TOKEN_ERROR_CODES.has(code)) || EXPIRED_TOKEN.test(bodyText);
  }

  async accessToken(forceRefresh = false): Promise<string> {
    if (this.refused) throw this.refused;
    if (!forceRefresh && this.cached && this.now() < this.cached.renewAt) return this.cached.value;
    // Concurrent callers share one token request.
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret, refreshToken } = this.credentials;
    try {
      const res = await this.http.request({
        operation: 'lwaToken',
        method: 'POST',
        url: this.tokenEndpoint,
        form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret },
        schema: LwaToken,
        idempotent: true,
        auth: false,
      });
      registerSecret(res.data.access_token);
      this.cached = { value: res.data.access_token, renewAt: renewalTime(this.now(), res.data.expires_in * 1000) };
      return res.data.access_token;
    } catch (error) {
      if (error instanceof HttpError && (error.status === 400 || error.status === 401)) {
        this.refused = refusal(error);
        throw this.refused;
      }
      throw error;
    }
  }
}

/** The `errors[].code` values of an SP-API error body; none when it is not one. */
function errorCodes(bodyText: string): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(bodyText);
  } catch {
    return [];
  }
  const parsed = SpErrorList.safeParse(raw);
  return parsed.success ? parsed.data.errors.map((e) => e.code) : [];
}

function refusal(error: HttpError): ChannelAuthError {
  const parsed = LwaError.safeParse(error.json);
  const code = parsed.success ? parsed.data.error : `HTTP ${error.status}`;
  const said = parsed.success && parsed.data.error_description ? redact(parsed.data.error_description) : undefined;
  const details = said ? [`Amazon said: ${said}`] : [];
  if (code === 'invalid_grant') {
    return new ChannelAuthError(
      'amazon',
      'Amazon refused the refresh token (invalid_grant): the authorisation was revoked, or the token is wrong. ' +
        "Authorise civetta's app again in Seller Central and put the new refresh token in CIVETTA_AMAZON_REFRESH_TOKEN.",
      details,
    );
  }
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return new ChannelAuthError(
      'amazon',
      `Amazon refused the app's client id or secret (${code}). LWA client secrets expire every 180 days: ` +
        'rotate the secret in Developer Central and set CIVETTA_AMAZON_CLIENT_SECRET (and check CIVETTA_AMAZON_CLIENT_ID).',
      details,
    );
  }
  return new ChannelAuthError('amazon', `Amazon refused the credentials (${code}): check the CIVETTA_AMAZON_* variables.`, details);
}

/** The credentials to use: the environment's, or the simulator's own when running against it. */
export function resolveCredentials(
  given: LwaCredentials | undefined,
  environment: 'production' | 'sandbox' | 'simulator',
): LwaCredentials {
  if (given) return given;
  if (environment === 'simulator') return SIMULATOR_CREDENTIALS;
  throw new InputError(
    'amazon: no credentials: set CIVETTA_AMAZON_CLIENT_ID, CIVETTA_AMAZON_CLIENT_SECRET and CIVETTA_AMAZON_REFRESH_TOKEN (environment or the .env beside the config)',
  );
}
