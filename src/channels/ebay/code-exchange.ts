import type { HttpClient } from '../../http/client.js';
import { HttpError } from '../../http/http-error.js';
import { registerSecret } from '../../http/redact.js';
import { basicAuth, tokenRefusal } from './auth.js';
import { TokenAnswer } from './schemas.js';

/** What the consent gives civetta to keep: the refresh token and how long it lives. */
export interface ConsentTokens {
  refreshToken: string;
  refreshTokenExpiresInSeconds?: number;
}

/**
 * The authorization-code grant (reference §1): code + RuName → user tokens. Every token is
 * registered as a secret at once; a refusal becomes a ChannelAuthError in plain words.
 */
export async function exchangeCode(
  http: HttpClient,
  tokenEndpoint: string,
  keyset: { clientId: string; clientSecret: string },
  code: string,
  ruName: string,
): Promise<ConsentTokens> {
  registerSecret(code);
  try {
    const res = await http.request({
      operation: 'userToken',
      method: 'POST',
      url: tokenEndpoint,
      headers: { authorization: basicAuth(keyset.clientId, keyset.clientSecret) },
      form: { grant_type: 'authorization_code', code, redirect_uri: ruName },
      schema: TokenAnswer,
      // A code works once: never resend it after an ambiguous failure.
      idempotent: false,
      auth: false,
    });
    registerSecret(res.data.access_token);
    registerSecret(res.data.refresh_token);
    if (!res.data.refresh_token) throw new Error('eBay answered the code exchange without a refresh token');
    return {
      refreshToken: res.data.refresh_token,
      ...(res.data.refresh_token_expires_in ? { refreshTokenExpiresInSeconds: res.data.refresh_token_expires_in } : {}),
    };
  } catch (error) {
    if (error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 429) throw tokenRefusal(error);
    throw error;
  }
}
