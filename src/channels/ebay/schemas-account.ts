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

/** Taxonomy: getDefaultCategoryTreeId → `BaseCategoryTree`. */
export const CategoryTreeAnswer = z.looseObject({ categoryTreeId: z.string(), categoryTreeVersion: z.string().optional() });

/** Taxonomy: getCategorySuggestions → `CategorySuggestionResponse` (204 = no suggestion). */
export const CategorySuggestionsAnswer = z
  .looseObject({
    categorySuggestions: z
      .array(
        z.looseObject({
          category: z.looseObject({ categoryId: z.string(), categoryName: z.string().optional() }),
          categoryTreeNodeAncestors: z
            .array(z.looseObject({ categoryId: z.string().optional(), categoryName: z.string().optional() }))
            .optional(),
        }),
      )
      .default([]),
  })
  .optional();

/** Taxonomy: getItemAspectsForCategory → `AspectMetadata` (AspectModeEnum, ItemToAspectCardinalityEnum from the portal file). */
export const AspectsAnswer = z
  .looseObject({
    aspects: z
      .array(
        z.looseObject({
          localizedAspectName: z.string(),
          aspectConstraint: z
            .looseObject({
              aspectRequired: z.boolean().optional(),
              aspectUsage: z.string().optional(),
              aspectMode: z.string().optional(),
              itemToAspectCardinality: z.string().optional(),
              aspectMaxLength: z.number().optional(),
            })
            .optional(),
          aspectValues: z.array(z.looseObject({ localizedValue: z.string() })).optional(),
        }),
      )
      .default([]),
  })
  .optional();
export type AspectsAnswer = z.infer<typeof AspectsAnswer>;
