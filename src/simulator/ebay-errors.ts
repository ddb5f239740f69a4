import type { SimResponse } from './http-types.js';

/** One entry of eBay's error/warning container (`Error` schema in every Sell contract). */
export interface EbayErrorEntry {
  errorId: number;
  domain: string;
  subdomain?: string;
  category: 'REQUEST' | 'APPLICATION' | 'BUSINESS';
  message: string;
  longMessage?: string;
  parameters?: Array<{ name: string; value: string }>;
}

export type EbayDomain = 'API_INVENTORY' | 'API_FULFILLMENT' | 'API_ACCOUNT' | 'API_TAXONOMY';

export function ebayEntry(
  errorId: number,
  domain: string,
  message: string,
  parameters?: Record<string, string>,
  category: EbayErrorEntry['category'] = 'REQUEST',
  longMessage?: string,
): EbayErrorEntry {
  const e: EbayErrorEntry = { errorId, domain, category, message };
  if (domain.startsWith('API_')) e.subdomain = 'Selling';
  e.longMessage = longMessage ?? message;
  if (parameters) e.parameters = Object.entries(parameters).map(([name, value]) => ({ name, value }));
  return e;
}

export function ebayError(status: number, ...entries: EbayErrorEntry[]): SimResponse {
  return { status, body: { errors: entries } };
}

/** 401 for a missing, unknown or expired bearer token (OAuth errorId 1001). */
export function ebayInvalidToken(): SimResponse {
  return ebayError(
    401,
    ebayEntry(1001, 'OAuth', 'Invalid access token', undefined, 'REQUEST', 'Invalid access token. Check the value of the Authorization HTTP request header.'),
  );
}

/** 403 errorId 1100: the token lacks the scope the call needs. */
export function ebayInsufficientScope(): SimResponse {
  return ebayError(403, ebayEntry(1100, 'ACCESS', 'Access denied', undefined, 'REQUEST', 'Insufficient permissions to fulfill the request.'));
}

export function ebayTooManyRequests(): SimResponse {
  return ebayError(
    429,
    ebayEntry(2001, 'ACCESS', 'Too many requests', undefined, 'REQUEST', 'The request limit has been reached for the resource.'),
  );
}

/** 2004: a body that cannot be read as the contract's type. */
export function ebaySerializeError(field: string): SimResponse {
  return ebayError(
    400,
    ebayEntry(2004, 'ACCESS', 'Invalid request', { reason: `Could not serialize field [${field}]` }, 'REQUEST',
      'The request has errors. For help, see the documentation for this API.'),
  );
}

const SYSTEM_ERROR_ID: Record<EbayDomain, number> = {
  API_INVENTORY: 25001,
  API_FULFILLMENT: 30500,
  API_ACCOUNT: 20500,
  API_TAXONOMY: 62000,
};

export function ebayServerError(status: 500 | 503, domain: EbayDomain): SimResponse {
  if (status === 503) {
    return ebayError(503, ebayEntry(2003, 'ACCESS', 'Internal error', undefined, 'APPLICATION',
      'There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.'));
  }
  return ebayError(500, ebayEntry(SYSTEM_ERROR_ID[domain], domain, 'A system error has occurred.', undefined, 'APPLICATION'));
}
