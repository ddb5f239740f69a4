import type { SafetyParty } from '../../domain/gpsr.js';
import type { SafetyInfo } from '../../domain/stock-item.js';

/**
 * EU product-safety (GPSR) data in the shape the Inventory contract gives it: the **offer's**
 * `regulatory` container (EbayOfferDetailsWithKeys/WithId.regulatory in
 * sell_inventory_v1_oas3.json; InventoryItem has no such field), with the structured address of
 * Manufacturer / ResponsiblePerson. eBay refuses an address without street, city, postal code
 * and country (25110, 25113), a party without a company name (25111, 25114) or contact (25118,
 * 25119); the config's party schema already demands all of them, within eBay's lengths.
 */
export interface RegulatoryPayload {
  manufacturer?: ContactPayload;
  responsiblePersons?: Array<ContactPayload & { types: string[] }>;
}

interface ContactPayload {
  companyName: string;
  addressLine1: string;
  city: string;
  postalCode: string;
  country: string;
  email?: string;
  phone?: string;
  contactUrl?: string;
}

/**
 * The one responsible-person type. The classic contract's prose says "EUResponsiblePerson"; the
 * portal contract's ResponsiblePersonTypeEnum spells it EU_RESPONSIBLE_PERSON, and enum values
 * are taken from the portal files (specs/ebay/README.txt).
 */
const EU_RESPONSIBLE_PERSON = 'EU_RESPONSIBLE_PERSON';

function contactOf(p: SafetyParty): ContactPayload {
  return {
    companyName: p.name,
    addressLine1: p.street,
    city: p.city,
    postalCode: p.postalCode,
    country: p.country,
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.url ? { contactUrl: p.url } : {}),
  };
}

/**
 * The offer's `regulatory` section, or undefined when the product has no party. Safety
 * warnings are free text in the shop file while `productSafety.statements` takes eBay label ids
 * (Metadata getProductSafetyLabels), so warnings go into the listing description instead.
 */
export function regulatoryFrom(safety: SafetyInfo): RegulatoryPayload | undefined {
  const { manufacturer, responsiblePerson } = safety;
  if (!manufacturer && !responsiblePerson) return undefined;
  return {
    ...(manufacturer ? { manufacturer: contactOf(manufacturer) } : {}),
    ...(responsiblePerson ? { responsiblePersons: [{ ...contactOf(responsiblePerson), types: [EU_RESPONSIBLE_PERSON] }] } : {}),
  };
}
