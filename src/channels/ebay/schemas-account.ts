import { z } from 'zod';

/** Account API answers civetta reads (sell_account_v1_oas3.json; ProgramTypeEnum from the portal file). */
export const ProgramsAnswer = z.looseObject({
  programs: z.array(z.looseObject({ programType: z.string() })).default([]),
});

/** getPrivileges → `SellingPrivileges`. */
export const PrivilegesAnswer = z.looseObject({ sellerRegistrationCompleted: z.boolean().optional() });

const policy = (idField: string) =>
  z.looseObject({ [idField]: z.string(), name: z.string().optional(), marketplaceId: z.string().optional() });

/** getFulfillmentPolicies / getPaymentPolicies / getReturnPolicies, reduced to id + name. */
export const PoliciesAnswer = {
  fulfillment: z.looseObject({ fulfillmentPolicies: z.array(policy('fulfillmentPolicyId')).default([]) }),
  payment: z.looseObject({ paymentPolicies: z.array(policy('paymentPolicyId')).default([]) }),
  return: z.looseObject({ returnPolicies: z.array(policy('returnPolicyId')).default([]) }),
};
