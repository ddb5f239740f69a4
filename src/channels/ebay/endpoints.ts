import type { EbayConfig } from '../../config/schema.js';
import { InputError } from '../../errors.js';

/**
 * eBay hosts per environment. Source: shared/reference/ebay-sell-api.md §1 (token endpoint,
 * consent page and API host for production and sandbox).
 */
const HOSTS = {
  production: {
    endpoint: 'https://api.ebay.com',
    tokenEndpoint: 'https://api.ebay.com/identity/v1/oauth2/token',
    consentPage: 'https://auth.ebay.com/oauth2/authorize',
  },
  sandbox: {
    endpoint: 'https://api.sandbox.ebay.com',
    tokenEndpoint: 'https://api.sandbox.ebay.com/identity/v1/oauth2/token',
    consentPage: 'https://auth.sandbox.ebay.com/oauth2/authorize',
  },
} as const;

/** The token path under the API host; the simulator serves it under its `/ebay` prefix too. */
const TOKEN_PATH = '/identity/v1/oauth2/token';

/** Base paths of the APIs civetta calls (reference §2, from each contract's `servers`). */
export const BASE_PATHS = {
  inventory: '/sell/inventory/v1',
  fulfillment: '/sell/fulfillment/v1',
  account: '/sell/account/v1',
  taxonomy: '/commerce/taxonomy/v1',
} as const;

/** Where one eBay channel sends its requests, resolved once from its config. */
export interface EbayEndpoints {
  /** API base URL; may carry a path prefix (the simulator's `/ebay`). */
  endpoint: string;
  tokenEndpoint: string;
  /** Where the shop owner gives consent (`civetta auth ebay`). */
  consentPage: string;
}

/**
 * Environment + overrides → endpoints. `simulator` needs an explicit `endpoint` (its port is
 * chosen at start); the token endpoint then defaults to `<endpoint>/identity/v1/oauth2/token`.
 */
export function resolveEndpoints(config: Pick<EbayConfig, 'environment' | 'endpoint' | 'tokenEndpoint'>): EbayEndpoints {
  if (config.environment === 'simulator') {
    if (!config.endpoint) {
      throw new InputError(
        'ebay: environment "simulator" needs channels.ebay.endpoint (start it with `civetta simulator` and copy its ebay endpoint)',
      );
    }
    const endpoint = trim(config.endpoint);
    return {
      endpoint,
      tokenEndpoint: config.tokenEndpoint ?? `${endpoint}${TOKEN_PATH}`,
      consentPage: `${endpoint}/oauth2/authorize`,
    };
  }
  const hosts = HOSTS[config.environment];
  return {
    endpoint: trim(config.endpoint ?? hosts.endpoint),
    tokenEndpoint: config.tokenEndpoint ?? hosts.tokenEndpoint,
    consentPage: hosts.consentPage,
  };
}

function trim(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The OAuth scopes civetta asks for, one constant string everywhere (reference §1, §9 "Scopes and tokens"). */
export const SELL_SCOPES = [
  'https://api.ebay.com/oauth/api_scope/sell.inventory',
  'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
  'https://api.ebay.com/oauth/api_scope/sell.account',
] as const;

/** The application-token scope Taxonomy takes (reference §1 "Application token"). */
export const APP_SCOPE = 'https://api.ebay.com/oauth/api_scope';
