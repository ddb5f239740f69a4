/**
 * A party of the EU General Product Safety Regulation (GPSR, Regulation (EU) 2023/988, art. 9
 * and 19): the manufacturer or the EU responsible person named on a product offered to EU
 * buyers. Both marketplaces take it structured: eBay's Manufacturer / ResponsiblePerson
 * (sell_inventory_v1_oas3.json) wants street, city, postal code and country whenever an address
 * is given (errors 25110, 25113) and some contact (25118, 25119).
 */
export interface SafetyParty {
  /** Company name (eBay `companyName`, ≤ 100 characters). */
  name: string;
  street: string;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case ("IT"). */
  country: string;
  email?: string;
  phone?: string;
  url?: string;
}

/** ISO 3166-1 alpha-2 codes officially assigned (249). */
export const ISO_COUNTRIES: ReadonlySet<string> = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

/** The 27 EU member states, ISO codes (Greece is GR here, EL only in EU documents). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

/**
 * Marketplaces that sell to EU buyers, where GPSR applies: eBay marketplace ids and Amazon
 * marketplace ids (shared/reference/amazon-sp-api.md §2: IT, DE, FR, ES, NL, BE, SE, PL, IE).
 */
const EU_MARKETPLACES: ReadonlySet<string> = new Set([
  'EBAY_AT', 'EBAY_BE', 'EBAY_DE', 'EBAY_ES', 'EBAY_FR', 'EBAY_IE', 'EBAY_IT', 'EBAY_NL', 'EBAY_PL',
  'APJ6JRA9NG5V4', 'A1PA6795UKMFR9', 'A13V1IB3VIYZZH', 'A1RKKUPIHCS9HS', 'A1805IZSGTT6HS', 'AMEN7PMS3EDWL',
  'A2NODRKZP88ZB9', 'A1C3SOZRARQ6R3', 'A28R8C7NBKEWEA',
]);

export function isEuMarketplace(marketplaceId: string): boolean {
  return EU_MARKETPLACES.has(marketplaceId);
}

/** GPSR needs one of the product's parties established in the EU (eBay error 25115). */
export function hasEuParty(parties: ReadonlyArray<SafetyParty | undefined>): boolean {
  return parties.some((p) => p !== undefined && EU_COUNTRIES.has(p.country));
}
