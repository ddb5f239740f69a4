import type { SimResponse } from './http-types.js';

/** SP-API error body `{errors:[{code, message, details}]}` (ErrorList in every Amazon model). */
export function amazonError(status: number, code: string, message: string, details = ''): SimResponse {
  return { status, body: { errors: [{ code, message, details }] } };
}

export const invalidInput = (message: string, details = ''): SimResponse => amazonError(400, 'InvalidInput', message, details);

/** 403 answered for a missing, unknown or expired `x-amz-access-token` (reference §7). */
export function amazonUnauthorized(reason: 'missing' | 'unknown' | 'expired' | 'seller'): SimResponse {
  const details =
    reason === 'expired'
      ? 'The access token you provided has expired.'
      : reason === 'unknown'
        ? 'The access token you provided is revoked, malformed or invalid.'
        : '';
  const r = amazonError(403, 'Unauthorized', 'Access to requested resource is denied.', details);
  r.headers = { 'x-amzn-ErrorType': 'AccessDeniedException' };
  return r;
}

export const QUOTA_EXCEEDED_BODY = {
  errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }],
};

export function amazonServerError(status: 500 | 503): SimResponse {
  return status === 500
    ? amazonError(500, 'InternalFailure', 'We encountered an internal error. Please try again.')
    : amazonError(503, 'ServiceUnavailable', 'Service temporarily unavailable. Please try again later.');
}
