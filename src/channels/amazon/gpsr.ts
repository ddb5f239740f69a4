import { EU_COUNTRIES, type SafetyParty } from '../../domain/gpsr.js';
import type { SafetyInfo } from '../../domain/stock-item.js';
import type { ChannelIssue } from '../channel.js';

/**
 * The Amazon stores where GPSR attributes are asked for: Spain, France, Belgium, Netherlands,
 * Germany, Italy, Sweden, Poland (SP-API changelog "Support for GPSR compliance in Listings
 * Items API and JSON Listings Feeds", Nov 2024). Ids: shared/reference/amazon-sp-api.md §2.
 */
const GPSR_MARKETPLACES: ReadonlySet<string> = new Set([
  'A1RKKUPIHCS9HS', // ES
  'A13V1IB3VIYZZH', // FR
  'AMEN7PMS3EDWL', // BE
  'A1805IZSGTT6HS', // NL
  'A1PA6795UKMFR9', // DE
  'APJ6JRA9NG5V4', // IT
  'A2NODRKZP88ZB9', // SE
  'A1C3SOZRARQ6R3', // PL
]);

/**
 * GPSR attributes for an offer, from the product's resolved parties (productSafety.parties). The
 * same changelog names the listing attributes: `dsa_responsible_party_address` (the EU
 * responsible person, per SKU) and `gpsr_manufacturer_reference.gpsr_manufacturer_email_address`
 * (the manufacturer, per ASIN). Both take the e-mail of a contact the seller registered, with its
 * postal address, in Seller Central ("Ensure selling partners input their manufacturer and EU
 * Responsible Person's contact information into Seller/Vendor Central"), so a party without an
 * e-mail cannot be sent and is warned about by name. A manufacturer established in the EU is its
 * own responsible person (GPSR art. 16), so without a separate one its e-mail is sent for both.
 * Safety warnings are product facts owned by the catalogue and are not part of an offer-only
 * submission. `gpsr_safety_attestation` (an exemption claim) is never sent: only the seller can
 * make that claim.
 */
export function gpsrAttributes(
  safety: SafetyInfo,
  marketplaceId: string,
): { attributes: Record<string, Array<Record<string, unknown>>>; warnings: ChannelIssue[] } {
  const attributes: Record<string, Array<Record<string, unknown>>> = {};
  const warnings: ChannelIssue[] = [];
  if (!GPSR_MARKETPLACES.has(marketplaceId)) return { attributes, warnings };

  const maker = safety.manufacturer;
  const responsibleParty = safety.responsiblePerson ?? (maker && EU_COUNTRIES.has(maker.country) ? maker : undefined);
  const responsible = responsibleParty?.email;
  const manufacturer = maker?.email;
  if (responsible) attributes.dsa_responsible_party_address = [{ value: responsible, marketplace_id: marketplaceId }];
  if (manufacturer) {
    attributes.gpsr_manufacturer_reference = [
      { gpsr_manufacturer_email_address: manufacturer, marketplace_id: marketplaceId },
    ];
  }
  const named = (role: string, party: SafetyParty | undefined, id: string | undefined) =>
    party ? `the ${role} ${party.name}${id ? ` (productSafety.parties.${id})` : ''} has no e-mail` : `no ${role} is named`;
  const missing = [
    !responsible && named('responsible person', responsibleParty, safety.responsiblePerson ? safety.responsiblePersonId : safety.manufacturerId),
    !manufacturer && named('manufacturer', maker, safety.manufacturerId),
  ].filter((x): x is string => typeof x === 'string');
  if (missing.length > 0) {
    warnings.push({
      code: 'gpsr-email-missing',
      message: `${missing.join('; ')}: Amazon's GPSR attributes take an e-mail`,
      explanation:
        'Amazon identifies the manufacturer and the EU responsible person by the e-mail of a contact registered, with its postal address, ' +
        'in Seller Central (Manage your compliance). Add that e-mail to the party in productSafety.parties, or fill the contacts in Seller Central.',
    });
  }
  return { attributes, warnings };
}

/** The GPSR contacts of a set of listing attributes in one store, as one comparable text ('' when none). */
export function gpsrContacts(attributes: Readonly<Record<string, unknown>>, marketplaceId: string): string {
  const first = (name: string, key: string): string => {
    const list = attributes[name];
    if (!Array.isArray(list)) return '';
    const entry = list.find((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && ((e as Record<string, unknown>).marketplace_id ?? marketplaceId) === marketplaceId);
    const value = entry?.[key];
    return typeof value === 'string' ? value : '';
  };
  const pair = [first('dsa_responsible_party_address', 'value'), first('gpsr_manufacturer_reference', 'gpsr_manufacturer_email_address')];
  return pair.some((v) => v !== '') ? pair.join(' | ') : '';
}
