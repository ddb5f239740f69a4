import { ebayEntry, type EbayErrorEntry } from './ebay-errors.js';
import { INV } from './ebay-common.js';

type Obj = Record<string, unknown>;

/** EU member states: for EU marketplaces eBay wants a GPSR party established in one of them (25115). */
const EU = new Set('AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '));
const EU_MARKETPLACES = new Set(['EBAY_AT', 'EBAY_BE', 'EBAY_DE', 'EBAY_ES', 'EBAY_FR', 'EBAY_IE', 'EBAY_IT', 'EBAY_NL', 'EBAY_PL']);
const ADDRESS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country', 'stateOrProvince'] as const;
const FULL_ADDRESS = ['addressLine1', 'city', 'postalCode', 'country'] as const;
/** "a minimum of 1 and a maximum of 1 types" (25116): EU_RESPONSIBLE_PERSON is the only type. */
const MAX_RESPONSIBLE_PERSONS = 5;

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The checks one party gets, with the error ids of its role (manufacturer or responsible person). */
function partyProblems(p: Obj, ids: { address: number; name: number; contact: number }, label: string): EbayErrorEntry[] {
  const errs: EbayErrorEntry[] = [];
  const hasAddress = ADDRESS.some((k) => text(p[k]));
  if (hasAddress && !FULL_ADDRESS.every((k) => text(p[k]))) {
    errs.push(ebayEntry(ids.address, INV, `${label} address information is incomplete. When providing the address, please provide the street, city, postal code and country`));
  }
  if (!text(p.companyName)) errs.push(ebayEntry(ids.name, INV, `${label} information is incomplete. Please provide the company name.`));
  if (!hasAddress && !text(p.email) && !text(p.contactUrl) && !text(p.phone)) {
    errs.push(ebayEntry(ids.contact, INV, `Seller must provide at least one form of contact info for ${label} - either address, email, contact URL or phone.`));
  }
  return errs;
}

/**
 * The GPSR checks of publishOffer / updateOffer / createOrReplaceInventoryItem on the offer's
 * `regulatory` manufacturer and responsiblePersons: errors 25110–25119 of
 * sell_inventory_v1_oas3.json, with the contract's messages.
 */
export function regulatoryProblems(marketplaceId: string, regulatory: unknown): EbayErrorEntry[] {
  if (typeof regulatory !== 'object' || regulatory === null) return [];
  const r = regulatory as Obj;
  const errs: EbayErrorEntry[] = [];
  const manufacturer = typeof r.manufacturer === 'object' && r.manufacturer !== null ? (r.manufacturer as Obj) : undefined;
  if (manufacturer) errs.push(...partyProblems(manufacturer, { address: 25110, name: 25111, contact: 25118 }, 'Manufacturer'));
  const persons = Array.isArray(r.responsiblePersons) ? (r.responsiblePersons as unknown[]).filter((p): p is Obj => typeof p === 'object' && p !== null) : [];
  if (persons.length > MAX_RESPONSIBLE_PERSONS) {
    errs.push(ebayEntry(25112, INV, `Responsible Person structure incorrect for responsiblePersons. Max allowed number of entries is ${MAX_RESPONSIBLE_PERSONS}.`, { field: 'responsiblePersons', max: String(MAX_RESPONSIBLE_PERSONS) }));
  }
  for (const p of persons) {
    const types = Array.isArray(p.types) ? p.types : [];
    if (types.length !== 1) errs.push(ebayEntry(25116, INV, 'Please provide a minimum of 1 and a maximum of 1 types for a Responsible Person.', { min: '1', max: '1' }));
    errs.push(...partyProblems(p, { address: 25113, name: 25114, contact: 25119 }, 'Responsible Person'));
  }
  const countries = [manufacturer, ...persons].flatMap((p) => (p && text(p.country) ? [p.country.toUpperCase()] : []));
  if (EU_MARKETPLACES.has(marketplaceId) && countries.length > 0 && !countries.some((c) => EU.has(c))) {
    errs.push(ebayEntry(25115, INV, 'Either the Manufacturer or at least one of the Responsible Persons must be located in the EU.'));
  }
  return errs;
}
