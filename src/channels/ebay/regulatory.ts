import type { SafetyInfo } from '../../domain/stock-item.js';

/**
 * EU product-safety (GPSR) data in the shape the Inventory contract gives it: the **offer's**
 * `regulatory` container (EbayOfferDetailsWithKeys/WithId.regulatory in
 * sell_inventory_v1_oas3.json; InventoryItem has no such field). Lengths are the contract's
 * `Max length` notes on Manufacturer and ResponsiblePerson.
 */
export interface RegulatoryPayload {
  manufacturer?: ContactPayload;
  responsiblePersons?: Array<ContactPayload & { types: string[] }>;
}

interface ContactPayload {
  companyName: string;
  addressLine1?: string;
  email?: string;
  contactUrl?: string;
}

/**
 * The one responsible-person type. The classic contract's prose says "EUResponsiblePerson"; the
 * portal contract's ResponsiblePersonTypeEnum spells it EU_RESPONSIBLE_PERSON, and enum values
 * are taken from the portal files (specs/ebay/README.txt).
 */
export const EU_RESPONSIBLE_PERSON = 'EU_RESPONSIBLE_PERSON';

const EMAIL = /[^\s,;<>]+@[^\s,;<>]+\.[a-z]{2,}/i;
const URL_TEXT = /https?:\/\/[^\s,;]+/i;

/**
 * The shop keeps each party as one line of free text ("Name, street, postcode city, country",
 * maybe an e-mail or URL): the name is the part before the first comma, the rest the address.
 */
export function contactFromText(text: string): ContactPayload | undefined {
  let rest = text.trim();
  if (!rest) return undefined;
  const contact: Partial<ContactPayload> = {};
  const email = EMAIL.exec(rest)?.[0];
  if (email) {
    contact.email = email.slice(0, 180);
    rest = rest.replace(email, '');
  }
  const url = URL_TEXT.exec(rest)?.[0];
  if (url) {
    contact.contactUrl = url.slice(0, 250);
    rest = rest.replace(url, '');
  }
  const parts = rest.split(',').map((p) => p.trim()).filter(Boolean);
  const name = parts.shift() ?? contact.email ?? contact.contactUrl;
  if (!name) return undefined;
  const address = parts.join(', ');
  return { companyName: name.slice(0, 100), ...(address ? { addressLine1: address.slice(0, 180) } : {}), ...contact };
}

/**
 * The offer's `regulatory` section, or undefined when the product has no safety data. Safety
 * warnings are free text in the shop file while `productSafety.statements` takes eBay label ids
 * (Metadata getProductSafetyLabels), so warnings go into the listing description instead.
 */
export function regulatoryFrom(safety: SafetyInfo): RegulatoryPayload | undefined {
  const manufacturer = safety.manufacturer ? contactFromText(safety.manufacturer) : undefined;
  const person = safety.responsiblePerson ? contactFromText(safety.responsiblePerson) : undefined;
  if (!manufacturer && !person) return undefined;
  return {
    ...(manufacturer ? { manufacturer } : {}),
    ...(person ? { responsiblePersons: [{ ...person, types: [EU_RESPONSIBLE_PERSON] }] } : {}),
  };
}
