import { z } from 'zod';

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
