/**
 * Carrier codes Amazon recognises in a shipment confirmation: the CarrierCode enumeration of
 * Amazon's feed base schema (amzn-base.xsd), which confirmShipment's `carrierCode` takes; the
 * ones European shops use most are listed (BRT is not among them: it goes as "Other"). Any other carrier is sent as "Other" with its name
 * in `carrierName`, as ordersV0.json's PackageDetail requires.
 */
const KNOWN_CARRIERS: readonly string[] = [
  'Poste Italiane',
  'SDA',
  'GLS',
  'DHL',
  'UPS',
  'FedEx',
  'TNT',
  'DPD',
  'Deutsche Post',
  'Hermes Logistik Gruppe',
  'Chronopost',
  'La Poste',
  'Royal Mail',
  'Parcelforce',
  'USPS',
  'Aramex',
];

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_KEY = new Map(KNOWN_CARRIERS.map((c) => [key(c), c] as const));
/** Common ways shop owners write the same carriers. */
const ALIASES: Record<string, string> = {
  poste: 'Poste Italiane',
  posteitaliane: 'Poste Italiane',
  hermes: 'Hermes Logistik Gruppe',
  fedexexpress: 'FedEx',
  dhlexpress: 'DHL',
};

/** The carrier as Amazon wants it: a known code, or "Other" plus the name as typed. */
export function carrierFields(carrier: string): { carrierCode: string; carrierName?: string } {
  const k = key(carrier);
  const code = BY_KEY.get(k) ?? ALIASES[k];
  return code ? { carrierCode: code } : { carrierCode: 'Other', carrierName: carrier.trim() };
}
