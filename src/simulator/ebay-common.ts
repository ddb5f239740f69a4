import { ebayEntry, ebayError, ebaySerializeError } from './ebay-errors.js';
import type { SimRequest, SimResponse } from './http-types.js';
import { EBAY_CONTENT_LANGUAGES } from './marketplaces.js';

export const INV = 'API_INVENTORY';

/** 25709 "Invalid value for {fieldName}" — also what a missing/invalid Content-Language gets. */
export function invalidValue(field: string, info = ''): SimResponse {
  return ebayError(400, invalidValueEntry(field, info));
}

export function invalidValueEntry(field: string, info = '') {
  return ebayEntry(25709, INV, `Invalid value for ${field}. ${info}`.trim(), { fieldName: field });
}

/** The Content-Language header required by item/offer writes (reference §2); returns the body locale (it_IT). */
export function contentLanguage(req: SimRequest): { locale: string } | SimResponse {
  const raw = req.headers['content-language'];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v || !EBAY_CONTENT_LANGUAGES.has(v)) return invalidValue('header Content-Language', 'It should be a valid locale such as en-US or it-IT.');
  return { locale: v.replace('-', '_') };
}

/**
 * eBay SKUs: at most 50 characters (contract). Only letters, digits and `-_.` are accepted here;
 * eBay's own 25707 message asks for alphanumerics (reference §9).
 */
export function skuProblem(sku: string): SimResponse | undefined {
  if (sku.length === 0 || sku.length > 50 || !/^[A-Za-z0-9._-]+$/.test(sku)) {
    return ebayError(400, ebayEntry(25707, INV,
      'This is an invalid value for a SKU. Only alphanumeric characters can be used for SKUs, and their length must not exceed 50 characters',
      { sku }));
  }
  return undefined;
}

/** A JSON body is required; unreadable JSON gets 2004 like eBay's deserializer. */
export function bodyObject(req: SimRequest): { ok: true; value: Record<string, unknown> } | { ok: false; res: SimResponse } {
  if (req.jsonError) return { ok: false, res: ebaySerializeError('body') };
  if (req.json === undefined) {
    return { ok: false, res: ebayError(400, ebayEntry(2004, 'ACCESS', 'Invalid request', { reason: 'Request body is missing' }, 'REQUEST', 'The request has errors. For help, see the documentation for this API.')) };
  }
  if (typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) return { ok: false, res: ebaySerializeError('body') };
  return { ok: true, value: req.json as Record<string, unknown> };
}

export const isRes = (x: unknown): x is SimResponse => typeof x === 'object' && x !== null && 'status' in x && typeof (x as { status: unknown }).status === 'number';

/** Decimal money string check ("24.90"). */
export function isMoney(v: unknown): v is string {
  return typeof v === 'string' && /^\d+(\.\d{1,2})?$/.test(v) && Number(v) > 0;
}

/** href/next/prev links for eBay's offset paging. */
export function pageLinks(base: string, limit: number, offset: number, total: number, extra = ''): Record<string, string> {
  const links: Record<string, string> = { href: `${base}?${extra}limit=${limit}&offset=${offset}` };
  if (offset + limit < total) links.next = `${base}?${extra}limit=${limit}&offset=${offset + limit}`;
  if (offset > 0) links.prev = `${base}?${extra}limit=${limit}&offset=${Math.max(0, offset - limit)}`;
  return links;
}
