import { ebayEntry, ebayError } from './ebay-errors.js';
import { bodyObject } from './ebay-common.js';
import { json, type Route, type SimResponse } from './http-types.js';
import { EBAY_MARKETPLACES } from './marketplaces.js';
import type { EbayPolicySeed } from './options.js';
import type { SimState } from './state.js';

const ACC = 'API_ACCOUNT';
const P = '/sell/account/v1';
type Kind = EbayPolicySeed['type'];
const LIST_KEY: Record<Kind, string> = { fulfillment: 'fulfillmentPolicies', payment: 'paymentPolicies', return: 'returnPolicies' };

function policyView(p: EbayPolicySeed): Record<string, unknown> {
  const base = { name: p.name, marketplaceId: p.marketplaceId, categoryTypes: [{ name: 'ALL_EXCLUDING_MOTORS_VEHICLES', default: true }] };
  if (p.type === 'fulfillment') {
    return { fulfillmentPolicyId: p.id, ...base, handlingTime: { value: 1, unit: 'DAY' }, localPickup: false, freightShipping: false, globalShipping: false,
      shippingOptions: [{ optionType: 'DOMESTIC', costType: 'FLAT_RATE', shippingServices: [{ sortOrder: 1, shippingCarrierCode: 'PosteItaliane', shippingServiceCode: 'IT_Posta1', freeShipping: true, shippingCost: { value: '0.00', currency: EBAY_MARKETPLACES[p.marketplaceId]?.currency ?? 'EUR' } }] }] };
  }
  if (p.type === 'payment') return { paymentPolicyId: p.id, ...base, immediatePay: true, paymentMethods: [] };
  // EU return windows are at least 14 days (reference §3); 30 here.
  return { returnPolicyId: p.id, ...base, returnsAccepted: true, returnPeriod: { value: 30, unit: 'DAY' }, refundMethod: 'MONEY_BACK', returnShippingCostPayer: 'BUYER' };
}

const notEligible = () => ebayError(400, ebayEntry(20403, ACC, 'Invalid request.', undefined, 'REQUEST', 'User is not eligible for Business Policy.'));

export function ebayAccountRoutes(state: SimState): Route[] {
  const r = (method: string, pattern: string, operation: string, write: boolean, handler: Route['handler']): Route =>
    ({ service: 'ebay', method, pattern: `${P}${pattern}`, operation, write, auth: true, scope: 'sell.account', handler });
  const list = (kind: Kind, operation: string) => r('GET', `/${kind}_policy`, operation, false, (req) => {
    const mp = req.query.get('marketplace_id');
    if (!mp) return ebayError(400, ebayEntry(20401, ACC, 'Missing field marketplace_id.', { fieldName: 'marketplace_id' }));
    if (!EBAY_MARKETPLACES[mp]) return ebayError(400, ebayEntry(20403, ACC, 'Invalid marketplace_id.', { fieldName: 'marketplace_id' }));
    if (!state.ebay.programs.has('SELLING_POLICY_MANAGEMENT')) return notEligible();
    const found = state.ebay.policies.filter((p) => p.type === kind && p.marketplaceId === mp).map(policyView);
    return json(200, { href: `${state.origin}/ebay${P}/${kind}_policy?marketplace_id=${mp}`, limit: 20, offset: 0, total: found.length, [LIST_KEY[kind]]: found });
  });
  const one = (kind: Kind, operation: string, param: string) => r('GET', `/${kind}_policy/{${param}}`, operation, false, (req) => {
    if (!state.ebay.programs.has('SELLING_POLICY_MANAGEMENT')) return notEligible();
    const p = state.ebay.policies.find((x) => x.type === kind && x.id === req.params[param]);
    return p ? json(200, policyView(p)) : ebayError(404, ebayEntry(20404, ACC, `${param} not found.`, { fieldName: param }));
  });
  const program = (method: 'opt_in' | 'opt_out', operation: string): Route => r('POST', `/program/${method}`, operation, true, (req): SimResponse => {
    const b = bodyObject(req);
    if (!b.ok) return b.res;
    const type = b.value.programType;
    if (typeof type !== 'string' || !['SELLING_POLICY_MANAGEMENT', 'OUT_OF_STOCK_CONTROL', 'PARTNER_MOTORS_DEALER'].includes(type)) {
      return ebayError(400, ebayEntry(20401, ACC, 'Missing field programType.', { fieldName: 'programType' }));
    }
    if (method === 'opt_in') {
      if (state.ebay.programs.has(type)) return ebayError(409, ebayEntry(25803, ACC, 'programType already exists.', { fieldName: 'programType' }, 'BUSINESS'));
      state.ebay.programs.add(type);
    } else {
      state.ebay.programs.delete(type);
    }
    return json(200, {});
  });
  return [
    list('fulfillment', 'getFulfillmentPolicies'),
    list('payment', 'getPaymentPolicies'),
    list('return', 'getReturnPolicies'),
    one('fulfillment', 'getFulfillmentPolicy', 'fulfillmentPolicyId'),
    one('payment', 'getPaymentPolicy', 'payment_policy_id'),
    one('return', 'getReturnPolicy', 'return_policy_id'),
    r('GET', '/program/get_opted_in_programs', 'getOptedInPrograms', false, () => json(200, { programs: [...state.ebay.programs].sort().map((programType) => ({ programType })) })),
    program('opt_in', 'optInToProgram'),
    program('opt_out', 'optOutOfProgram'),
    r('GET', '/privilege', 'getPrivileges', false, () => json(200, {
      sellerRegistrationCompleted: state.ebay.sellerRegistrationCompleted,
      sellingLimit: { amount: { value: '25000.00', currency: 'EUR' }, quantity: 1000 },
    })),
  ];
}
