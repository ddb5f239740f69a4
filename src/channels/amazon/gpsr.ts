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
 * GPSR attributes for an offer. The same changelog names the listing attributes:
 * `dsa_responsible_party_address` (the EU responsible person's e-mail, per SKU) and
 * `gpsr_manufacturer_reference.gpsr_manufacturer_email_address` (the manufacturer's e-mail, per
 * ASIN). Both take an e-mail address, so civetta sends them only when the product's party
 * (productSafety.parties) has one; otherwise it warns. Safety warnings are product facts owned by the catalogue
 * and are not part of an offer-only submission. `gpsr_safety_attestation` (an exemption claim)
 * is never sent: only the seller can make that claim.
 */
export function gpsrAttributes(
  safety: SafetyInfo,
  marketplaceId: string,
): { attributes: Record<string, Array<Record<string, unknown>>>; warnings: ChannelIssue[] } {
  const attributes: Record<string, Array<Record<string, unknown>>> = {};
  const warnings: ChannelIssue[] = [];
  if (!GPSR_MARKETPLACES.has(marketplaceId)) return { attributes, warnings };

  const responsible = safety.responsiblePerson?.email;
  const manufacturer = safety.manufacturer?.email;
  if (responsible) attributes.dsa_responsible_party_address = [{ value: responsible, marketplace_id: marketplaceId }];
  if (manufacturer) {
    attributes.gpsr_manufacturer_reference = [
      { gpsr_manufacturer_email_address: manufacturer, marketplace_id: marketplaceId },
    ];
  }
  const missing = [
    !responsible && 'responsible person',
    !manufacturer && 'manufacturer',
  ].filter((x): x is string => typeof x === 'string');
  if (missing.length > 0) {
    warnings.push({
      code: 'gpsr-email-missing',
      message: `no e-mail address found for the ${missing.join(' and ')} in the product's safety data`,
      explanation:
        'Amazon asks EU sellers for the manufacturer and EU responsible person as e-mail addresses (GPSR). ' +
        'Add an email to the party in productSafety.parties, or fill them in Seller Central.',
    });
  }
  return { attributes, warnings };
}
