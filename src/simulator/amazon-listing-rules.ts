import { z } from 'zod';
import { catalogByAsin } from './amazon-catalog.js';
import { AMAZON_MARKETPLACES } from './marketplaces.js';
import type { SimState } from './state.js';

/** Listings Items `Issue` (listingsItems_2021-08-01.json). */
export interface ListingIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames: string[];
  categories: string[];
}

/** Issue codes as Amazon reports them: 90220 = required attribute missing, 4000001 = invalid value. */
const MISSING = '90220';
const INVALID = '4000001';

function missing(attr: string): ListingIssue {
  return { code: MISSING, message: `'${attr}' is required but not supplied.`, severity: 'ERROR', attributeNames: [attr], categories: ['MISSING_ATTRIBUTE'] };
}

export function invalid(attr: string, why: string, category = 'INVALID_ATTRIBUTE'): ListingIssue {
  return { code: INVALID, message: `The provided value for '${attr}' is invalid. ${why}`.trim(), severity: 'ERROR', attributeNames: [attr], categories: [category] };
}

const REQUIREMENTS = ['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY'] as const;

export const PutBody = z.object({
  productType: z.string().min(1),
  requirements: z.enum(REQUIREMENTS).optional(),
  attributes: z.record(z.string(), z.unknown()),
});

export const PatchBody = z.object({
  productType: z.string().min(1),
  patches: z
    .array(z.object({
      op: z.enum(['add', 'replace', 'merge', 'delete']),
      path: z.string(),
      value: z.array(z.record(z.string(), z.unknown())).optional(),
    }))
    .min(1),
});
export type Patch = z.infer<typeof PatchBody>['patches'][number];

const CONDITIONS = ['new_new', 'new_open_box', 'new_oem', 'refurbished_refurbished', 'used_like_new', 'used_very_good', 'used_good',
  'used_acceptable', 'collectible_like_new', 'collectible_very_good', 'collectible_good', 'collectible_acceptable', 'club_club'] as const;

const Price = z.object({ schedule: z.array(z.object({ value_with_tax: z.number().positive() }).loose()).min(1) }).loose();
const PurchasableOffer = z.array(z.object({
  marketplace_id: z.string(),
  currency: z.string().length(3),
  audience: z.string().optional(),
  our_price: z.array(Price).min(1),
}).loose()).min(1);
const FulfillmentAvailability = z.array(z.object({
  fulfillment_channel_code: z.string().min(1),
  quantity: z.number().int().min(0).optional(),
  lead_time_to_ship_max_days: z.number().int().min(0).optional(),
}).loose()).min(1);
/** `list_price` in stores that price with tax: `value_with_tax` (0 = "no list price"), else `value`. */
const ListPrice = z.array(z.object({
  marketplace_id: z.string(),
  currency: z.string().length(3),
  value_with_tax: z.number().min(0).optional(),
  value: z.number().min(0).optional(),
}).loose().refine((v) => v.value_with_tax !== undefined || v.value !== undefined)).min(1);
const ValueEntry = z.array(z.object({ value: z.unknown(), marketplace_id: z.string().optional() }).loose()).min(1);

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[a-z]{2,}$/i;

/** Shape rules for the attributes an offer needs; returns issues for one attribute value. */
export function checkAttribute(state: SimState, name: string, value: unknown, marketplaceId: string): ListingIssue[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null || Array.isArray(v))) {
    return [invalid(name, 'Attribute values must be an array of objects.')];
  }
  const issues: ListingIssue[] = [];
  for (const entry of value as Array<Record<string, unknown>>) {
    const mp = entry.marketplace_id;
    if (mp !== undefined && mp !== marketplaceId) {
      issues.push(invalid(name, `Unknown or mismatched marketplace_id '${String(mp)}'.`));
    }
  }
  if (name === 'purchasable_offer') {
    const r = PurchasableOffer.safeParse(value);
    if (!r.success) return [...issues, invalid(name, 'Expected marketplace_id, currency and our_price[].schedule[].value_with_tax.', 'INVALID_PRICE')];
    const currency = AMAZON_MARKETPLACES[marketplaceId]?.currency;
    for (const o of r.data) if (o.currency !== currency) issues.push(invalid(name, `Currency must be ${currency ?? '?'}.`, 'INVALID_PRICE'));
  } else if (name === 'fulfillment_availability') {
    const r = FulfillmentAvailability.safeParse(value);
    if (!r.success) return [...issues, invalid(name, 'Expected fulfillment_channel_code and an integer quantity >= 0.')];
    if (r.data.some((f) => f.fulfillment_channel_code === 'DEFAULT' && f.quantity === undefined)) issues.push(invalid(name, 'quantity is required for DEFAULT.'));
  } else if (name === 'list_price') {
    const r = ListPrice.safeParse(value);
    if (!r.success) return [...issues, invalid(name, 'Expected marketplace_id, currency and value_with_tax.', 'INVALID_PRICE')];
    const currency = AMAZON_MARKETPLACES[marketplaceId]?.currency;
    for (const o of r.data) if (o.currency !== currency) issues.push(invalid(name, `Currency must be ${currency ?? '?'}.`, 'INVALID_PRICE'));
  } else if (name === 'dsa_responsible_party_address' || name === 'gpsr_manufacturer_reference') {
    // GPSR contacts are keyed by the e-mail registered with the party in Seller Central (SP-API
    // changelog "Support for GPSR compliance in Listings Items API", Nov 2024).
    const key = name === 'dsa_responsible_party_address' ? 'value' : 'gpsr_manufacturer_email_address';
    const entries = value as Array<Record<string, unknown>>;
    if (entries.some((e) => typeof e[key] !== 'string' || !EMAIL.test(e[key]))) issues.push(invalid(name, `'${key}' must be the e-mail address of a contact registered in Seller Central.`));
  } else if (name === 'condition_type') {
    const r = ValueEntry.safeParse(value);
    if (!r.success || r.data.some((v) => !(CONDITIONS as readonly unknown[]).includes(v.value))) issues.push(invalid(name, 'Unknown condition.'));
  } else if (name === 'merchant_suggested_asin') {
    const r = ValueEntry.safeParse(value);
    if (!r.success || r.data.some((v) => typeof v.value !== 'string' || !catalogByAsin(state, v.value))) {
      issues.push({ ...invalid(name, 'The ASIN does not exist in the Amazon catalogue.'), code: '8541' });
    }
  }
  return issues;
}

/** Cross-attribute rule: an offer (price) needs a fulfillment availability. */
export function crossChecks(attrs: Record<string, unknown>): ListingIssue[] {
  if (attrs.purchasable_offer !== undefined && attrs.fulfillment_availability === undefined) {
    return [missing('fulfillment_availability')];
  }
  return [];
}

/** Full validation of a PUT: shapes, then what the requirements set demands. */
export function validatePut(state: SimState, body: z.infer<typeof PutBody>, marketplaceId: string): ListingIssue[] {
  const attrs = body.attributes;
  const issues = Object.entries(attrs).flatMap(([k, v]) => checkAttribute(state, k, v, marketplaceId));
  const req = body.requirements ?? 'LISTING';
  const need = (name: string) => {
    if (attrs[name] === undefined) issues.push(missing(name));
  };
  if (req === 'LISTING_OFFER_ONLY') {
    need('merchant_suggested_asin');
    need('condition_type');
  } else {
    const hasAsin = attrs.merchant_suggested_asin !== undefined;
    if (!hasAsin) {
      need('item_name');
      need('brand');
      if (attrs.supplier_declared_has_product_identifier_exemption === undefined) need('externally_assigned_product_identifier');
    }
    if (req === 'LISTING') need('condition_type');
  }
  return [...issues, ...crossChecks(attrs)];
}
