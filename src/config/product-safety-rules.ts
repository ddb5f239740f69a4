import { CHANNEL_IDS, type ChannelId } from '../domain/ids.js';
import { EU_COUNTRIES, ISO_COUNTRIES, hasEuParty, isEuMarketplace } from '../domain/gpsr.js';
import { didYouMean } from './did-you-mean.js';
import { foldWord, lookupFolded } from './fold-word.js';
import { keyPath } from './issues.js';
import type { ConfigRule, RuleFinding } from './rules.js';
import type { Config, SafetyPartyConfig } from './schema.js';

type Brand = Config['productSafety']['brands'][string];
const ROLES = ['manufacturer', 'responsiblePerson'] as const;

/** Every party written in the config, with its key path: the named ones and those inline in a brand. */
function partiesWithPaths(config: Config): Array<{ path: PropertyKey[]; party: SafetyPartyConfig }> {
  const { parties, brands } = config.productSafety;
  return [
    ...Object.entries(parties).map(([id, party]) => ({ path: ['productSafety', 'parties', id], party })),
    ...Object.entries(brands).flatMap(([brand, entry]) =>
      ROLES.flatMap((role) => {
        const ref = entry[role];
        return ref !== undefined && typeof ref !== 'string' ? [{ path: ['productSafety', 'brands', brand, role], party: ref }] : [];
      }),
    ),
  ];
}

/** The country is an ISO 3166 alpha-2 code: eBay's CountryCodeEnum, Amazon's country codes. */
const partyCountryKnown: ConfigRule = (config) =>
  partiesWithPaths(config).flatMap(({ path, party }) =>
    ISO_COUNTRIES.has(party.country)
      ? []
      : [{ path: [...path, 'country'], severity: 'error' as const, code: 'gpsr-country', value: party.country, expected: 'an ISO 3166 alpha-2 country code such as IT, DE, FR, DK', message: `${keyPath([...path, 'country'])}: "${party.country}" is not an ISO 3166 country code` }],
  );

/**
 * GPSR asks for a postal and an electronic address; eBay wants some contact (25118, 25119) and
 * Amazon's GPSR attributes take an e-mail, so a party with neither e-mail, phone nor URL is refused.
 */
const partyHasContact: ConfigRule = (config) =>
  partiesWithPaths(config).flatMap(({ path, party }) =>
    party.email || party.phone || party.url
      ? []
      : [{ path, severity: 'error' as const, code: 'gpsr-contact', expected: 'email, phone or url (an e-mail is what Amazon asks for)', message: `${keyPath(path)}: "${party.name}" has no contact: add email, phone or url` }],
  );

/** What a brand entry that still holds the old free text should become: the new form, ready to edit. */
function newFormFor(brand: string, role: string, text: string): string {
  const id = foldWord(brand).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'maker';
  const name = (text.split(',')[0] ?? text).trim();
  return `productSafety: { parties: { ${id}: { name: "${name}", street: "…", city: "…", postalCode: "…", country: IT, email: "…" } }, brands: { ${brand}: { ${role}: ${id} } } }`;
}

/** What a party id that names no party should have been: the likely one, else the ids there are. */
export function partyIdExpected(id: string, ids: readonly string[]): string {
  const suggestion = didYouMean(id, ids);
  if (suggestion) return `did you mean "${suggestion}"?`;
  return ids.length ? `expected one of ${ids.join(', ')}` : 'expected a party id defined under productSafety.parties';
}

/** A brand names its parties by an id of `productSafety.parties`; the old free text is refused with the new form. */
const brandPartiesKnown: ConfigRule = (config) => {
  const { parties, brands } = config.productSafety;
  const ids = Object.keys(parties);
  return Object.entries(brands).flatMap(([brand, entry]) =>
    ROLES.flatMap((role): RuleFinding[] => {
      const ref = entry[role];
      if (typeof ref !== 'string' || lookupFolded(parties, ref) !== undefined) return [];
      const path = ['productSafety', 'brands', brand, role];
      if (/[\s,]/.test(ref.trim())) {
        return [{
          path, severity: 'error', code: 'gpsr-free-text', value: ref, expected: newFormFor(brand, role, ref),
          message: `${keyPath(path)}: a party is no longer written as one line of text; give it name, street, city, postalCode, country and a contact under productSafety.parties and name it here by id`,
        }];
      }
      return [{ path, severity: 'error', code: 'gpsr-party-unknown', value: ref, expected: partyIdExpected(ref, ids), message: `${keyPath(path)}: "${ref}" is not a party in productSafety.parties; ${partyIdExpected(ref, ids)}` }];
    }),
  );
};

/** Whether the channel's marketplaces sell to EU buyers, where GPSR applies. */
export function channelSellsInEu(config: Config, channel: ChannelId): boolean {
  if (channel === 'amazon') return config.channels.amazon?.marketplaceIds.some(isEuMarketplace) ?? false;
  return config.channels.ebay ? isEuMarketplace(config.channels.ebay.marketplaceId) : false;
}

function sellsInEu(config: Config): boolean {
  return CHANNEL_IDS.some((id) => config.channels[id]?.enabled === true && channelSellsInEu(config, id));
}

function brandParties(entry: Brand, parties: Config['productSafety']['parties']) {
  return ROLES.map((role) => {
    const ref = entry[role];
    return typeof ref === 'string' ? lookupFolded(parties, ref) : ref;
  });
}

/** For EU buyers the manufacturer or the responsible person must be established in the EU (eBay 25115). */
const brandHasEuParty: ConfigRule = (config) => {
  if (!sellsInEu(config)) return [];
  const { parties, brands } = config.productSafety;
  return Object.entries(brands).flatMap(([brand, entry]) => {
    const known = brandParties(entry, parties).filter((p) => p !== undefined);
    // A party with an unknown country is reported by partyCountryKnown; "not in the EU" would only repeat it.
    if (known.length === 0 || hasEuParty(known) || known.some((p) => !ISO_COUNTRIES.has(p.country))) return [];
    const path = ['productSafety', 'brands', brand];
    return [{
      path, severity: 'error' as const, code: 'gpsr-no-eu-party', value: [...new Set(known.map((p) => `${p.name} (${p.country})`))].join(', '),
      expected: `a manufacturer or responsible person in an EU country (${[...EU_COUNTRIES].join(', ')})`,
      message: `${keyPath(path)}: neither party is in the EU; EU buyers need a responsible person established in the EU`,
    }];
  });
};

export const PRODUCT_SAFETY_RULES: readonly ConfigRule[] = [partyCountryKnown, partyHasContact, brandPartiesKnown, brandHasEuParty];
