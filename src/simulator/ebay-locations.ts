import { ebayEntry, ebayError } from './ebay-errors.js';
import { bodyObject, INV, pageLinks } from './ebay-common.js';
import { serializeError } from './ebay-ops.js';
import { firstPath, LocationSchema } from './ebay-schemas.js';
import { json, noContent, type Route, type SimResponse } from './http-types.js';
import type { EbayLocationState, SimState } from './state.js';

const P = '/sell/inventory/v1/location';

function notFound(key: string): SimResponse {
  return ebayError(404, ebayEntry(25805, INV, 'merchantLocationKey Not Found.', { merchantLocationKey: key }));
}

export function locationView(l: EbayLocationState): Record<string, unknown> {
  return { merchantLocationKey: l.merchantLocationKey, ...structuredClone(l.body), merchantLocationStatus: l.status };
}

/** Checks a location body: a warehouse needs country + postal code, or country + city + province (reference §3). */
function addressProblem(body: Record<string, unknown>): SimResponse | undefined {
  const parsed = LocationSchema.safeParse(body);
  if (!parsed.success) return ebayError(400, serializeError(firstPath(parsed.error)));
  const a = parsed.data.location?.address;
  const missing = (field: string) => ebayError(400, ebayEntry(25801, INV, `Missing field ${field}.`, { fieldName: field }));
  if (!a) return missing('location.address');
  if (!a.country) return missing('location.address.country');
  if (!a.postalCode && !(a.city && a.stateOrProvince)) return missing('location.address.postalCode');
  return undefined;
}

export function ebayLocationRoutes(state: SimState): Route[] {
  const r = (method: string, pattern: string, operation: string, write: boolean, handler: Route['handler']): Route =>
    ({ service: 'ebay', method, pattern: `${P}${pattern}`, operation, write, auth: true, scope: 'sell.inventory', handler });
  const locations = state.ebay.locations;
  return [
    r('POST', '/{merchantLocationKey}', 'createInventoryLocation', true, (req) => {
      const key = req.params.merchantLocationKey ?? '';
      if (key.length === 0 || key.length > 36 || !/^[A-Za-z0-9_-]+$/.test(key)) {
        return ebayError(400, ebayEntry(25800, INV, 'Invalid merchantLocationKey.', { fieldName: 'merchantLocationKey' }));
      }
      const b = bodyObject(req);
      if (!b.ok) return b.res;
      if (locations.has(key)) return ebayError(409, ebayEntry(25803, INV, 'merchantLocationKey already exists.', { fieldName: 'merchantLocationKey' }));
      const bad = addressProblem(b.value);
      if (bad) return bad;
      const status = b.value.merchantLocationStatus === 'DISABLED' ? 'DISABLED' : 'ENABLED';
      const body = { ...b.value };
      delete body.merchantLocationStatus;
      locations.set(key, { merchantLocationKey: key, body, status });
      return noContent();
    }),
    r('GET', '/{merchantLocationKey}', 'getInventoryLocation', false, (req) => {
      const l = locations.get(req.params.merchantLocationKey ?? '');
      return l ? json(200, locationView(l)) : notFound(req.params.merchantLocationKey ?? '');
    }),
    r('GET', '', 'getInventoryLocations', false, (req) => {
      const limit = Number(req.query.get('limit') ?? 100);
      const offset = Number(req.query.get('offset') ?? 0);
      const all = [...locations.values()];
      const page = all.slice(offset, offset + limit).map(locationView);
      return json(200, { ...pageLinks(P, limit, offset, all.length), limit, offset, total: all.length, locations: page });
    }),
    r('DELETE', '/{merchantLocationKey}', 'deleteInventoryLocation', true, (req) => {
      const key = req.params.merchantLocationKey ?? '';
      if (!locations.delete(key)) return notFound(key);
      return noContent();
    }),
    r('POST', '/{merchantLocationKey}/enable', 'enableInventoryLocation', true, (req) => {
      const l = locations.get(req.params.merchantLocationKey ?? '');
      if (!l) return notFound(req.params.merchantLocationKey ?? '');
      l.status = 'ENABLED';
      return json(200, {});
    }),
    r('POST', '/{merchantLocationKey}/disable', 'disableInventoryLocation', true, (req) => {
      const l = locations.get(req.params.merchantLocationKey ?? '');
      if (!l) return notFound(req.params.merchantLocationKey ?? '');
      l.status = 'DISABLED';
      return json(200, {});
    }),
  ];
}
