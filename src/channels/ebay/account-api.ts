import { joinUrl } from '../../http/client.js';
import { languageHeaders, type EbayApiContext } from './api-context.js';
import { BASE_PATHS } from './endpoints.js';
import { PoliciesAnswer, PrivilegesAnswer, ProgramsAnswer } from './schemas-account.js';

/** One thin function per Account API call (sell_account_v1_oas3.json). */
const url = (ctx: EbayApiContext, p: string, query?: Record<string, string>) =>
  joinUrl(ctx.endpoint, `${BASE_PATHS.account}${p}`, query);

/** GET /program/get_opted_in_programs → the program types (SELLING_POLICY_MANAGEMENT, OUT_OF_STOCK_CONTROL…). */
export async function getOptedInPrograms(ctx: EbayApiContext): Promise<string[]> {
  const res = await ctx.http.request({
    operation: 'getOptedInPrograms',
    method: 'GET',
    url: url(ctx, '/program/get_opted_in_programs'),
    headers: languageHeaders(ctx),
    schema: ProgramsAnswer,
    idempotent: true,
  });
  return res.data.programs.map((p) => p.programType);
}

/** GET /privilege → sellerRegistrationCompleted. */
export async function getPrivileges(ctx: EbayApiContext) {
  const res = await ctx.http.request({
    operation: 'getPrivileges',
    method: 'GET',
    url: url(ctx, '/privilege'),
    headers: languageHeaders(ctx),
    schema: PrivilegesAnswer,
    idempotent: true,
  });
  return res.data;
}

/** A business policy, reduced to what the setup check compares. */
export interface PolicySummary {
  id: string;
  name?: string;
}

/** GET /{fulfillment|payment|return}_policy?marketplace_id=…: the seller's policies of one kind on this marketplace. */
export async function getPolicies(ctx: EbayApiContext, kind: 'fulfillment' | 'payment' | 'return'): Promise<PolicySummary[]> {
  const operation = { fulfillment: 'getFulfillmentPolicies', payment: 'getPaymentPolicies', return: 'getReturnPolicies' }[kind];
  const common = { method: 'GET' as const, headers: languageHeaders(ctx), idempotent: true };
  const target = url(ctx, `/${kind}_policy`, { marketplace_id: ctx.marketplaceId });
  if (kind === 'fulfillment') {
    const res = await ctx.http.request({ ...common, operation, url: target, schema: PoliciesAnswer.fulfillment });
    return res.data.fulfillmentPolicies.map((p) => ({ id: String(p.fulfillmentPolicyId), ...(p.name ? { name: p.name } : {}) }));
  }
  if (kind === 'payment') {
    const res = await ctx.http.request({ ...common, operation, url: target, schema: PoliciesAnswer.payment });
    return res.data.paymentPolicies.map((p) => ({ id: String(p.paymentPolicyId), ...(p.name ? { name: p.name } : {}) }));
  }
  const res = await ctx.http.request({ ...common, operation, url: target, schema: PoliciesAnswer.return });
  return res.data.returnPolicies.map((p) => ({ id: String(p.returnPolicyId), ...(p.name ? { name: p.name } : {}) }));
}
