import { ChannelAuthError } from '../../errors.js';
import type { AuthProvider, HttpClient } from '../../http/client.js';
import { HttpError } from '../../http/http-error.js';
import { redact, registerSecret } from '../../http/redact.js';
import { TOKEN_EXPIRY_MARGIN_MS } from './rate-limits.js';
import { TokenAnswer, TokenRefusal } from './schemas.js';

/** The app's keyset and the shop owner's refresh token (CIVETTA_EBAY_CLIENT_ID/_SECRET/_REFRESH_TOKEN). */
export interface EbayCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Which grant a token provider uses: the user's refresh token (Sell APIs) or the app's own (Taxonomy). */
export type EbayGrant =
  | { kind: 'user'; scopes: readonly string[] }
  | { kind: 'application'; scope: string };

/** `Authorization: Basic base64(client_id:client_secret)` (reference §1). */
export function basicAuth(clientId: string, clientSecret: string): string {
  const value = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
  registerSecret(value.slice('Basic '.length));
  return value;
}

/**
 * eBay OAuth for one grant: one access token shared by every call, cached until five minutes
 * before it expires, renewed once when eBay answers 401 (errorId 1001). A refused credential
 * becomes a ChannelAuthError that every later call rethrows without sending anything.
 */
export class EbayAuth implements AuthProvider {
  private readonly options: { tokenEndpoint: string; credentials: EbayCredentials; grant: EbayGrant; http: HttpClient; now: () => number };
  private cached: { value: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private refused: ChannelAuthError | undefined;

  /** `http` is a client without auth whose origins include the token endpoint. */
  constructor(options: { tokenEndpoint: string; credentials: EbayCredentials; grant: EbayGrant; http: HttpClient; now: () => number }) {
    this.options = options;
    registerSecret(options.credentials.clientSecret);
    registerSecret(options.credentials.refreshToken);
  }

  async headers(forceRefresh: boolean): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.accessToken(forceRefresh)}` };
  }

  /** 401 is eBay's "invalid or expired token" (errorId 1001); a 403 (1100, missing scope) is not cured by a refresh. */
  isExpired(status: number): boolean {
    return status === 401;
  }

  async accessToken(forceRefresh = false): Promise<string> {
    if (this.refused) throw this.refused;
    const now = this.options.now();
    if (!forceRefresh && this.cached && now < this.cached.renewAt) return this.cached.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret, refreshToken } = this.options.credentials;
    const { grant } = this.options;
    const form: Record<string, string> =
      grant.kind === 'user'
        ? { grant_type: 'refresh_token', refresh_token: refreshToken, scope: grant.scopes.join(' ') }
        : { grant_type: 'client_credentials', scope: grant.scope };
    try {
      const res = await this.options.http.request({
        operation: grant.kind === 'user' ? 'userToken' : 'applicationToken',
        method: 'POST',
        url: this.options.tokenEndpoint,
        headers: { authorization: basicAuth(clientId, clientSecret) },
        form,
        schema: TokenAnswer,
        idempotent: true,
        auth: false,
      });
      registerSecret(res.data.access_token);
      const lifetime = res.data.expires_in * 1000;
      // 5 minutes early, or a twelfth of a shorter life (the simulator's scaled clock): a token
      // living less than the margin would otherwise be fetched again for every call.
      this.cached = { value: res.data.access_token, renewAt: this.options.now() + lifetime - Math.min(TOKEN_EXPIRY_MARGIN_MS, lifetime / 12) };
      return res.data.access_token;
    } catch (error) {
      if (error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        const refusal = tokenRefusal(error);
        // An unquoted token in .env is cut at its first '#' (a comment there): say so.
        const cut = grant.kind === 'user' && /^v\^1\.1$/.test(refreshToken);
        this.refused = cut
          ? new ChannelAuthError('ebay', refusal.message, [...refusal.details, "CIVETTA_EBAY_REFRESH_TOKEN reads as just 'v^1.1': in .env, put the token in quotes (it contains '#')."])
          : refusal;
        throw this.refused;
      }
      throw error;
    }
  }
}

/** A refused token request in plain words, with what the shop owner should do (reference §1). */
export function tokenRefusal(error: HttpError): ChannelAuthError {
  const parsed = TokenRefusal.safeParse(error.json);
  const code = parsed.success ? parsed.data.error : `HTTP ${error.status}`;
  const said = parsed.success && parsed.data.error_description ? redact(parsed.data.error_description) : undefined;
  const details = said ? [`eBay said: ${said}`] : [];
  switch (code) {
    case 'invalid_grant':
      return new ChannelAuthError(
        'ebay',
        'eBay refused the refresh token (invalid_grant): it expired (they last about 18 months), was revoked, or belongs to the other environment (sandbox/production). ' +
          'Run `civetta auth ebay` and put the new token in CIVETTA_EBAY_REFRESH_TOKEN.',
        details,
      );
    case 'invalid_client':
      return new ChannelAuthError(
        'ebay',
        "eBay refused the app's client id or secret (invalid_client). Check CIVETTA_EBAY_CLIENT_ID and CIVETTA_EBAY_CLIENT_SECRET against the keyset of this environment in the eBay developer portal.",
        details,
      );
    case 'invalid_scope':
      return new ChannelAuthError(
        'ebay',
        'eBay refused the permissions civetta asks for (invalid_scope): the keyset or the consent does not cover selling, orders and account. Run `civetta auth ebay` again.',
        details,
      );
    default:
      return new ChannelAuthError('ebay', `eBay refused the credentials (${code}): check the CIVETTA_EBAY_* variables.`, details);
  }
}
