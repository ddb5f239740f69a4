import type { Config } from '../config/schema.js';
import { lookupFolded } from '../config/fold-word.js';
import type { SafetyParty } from '../domain/gpsr.js';
import type { SafetyInfo, StockItem } from '../domain/stock-item.js';

type ProductSafety = Config['productSafety'];
type PartyRef = NonNullable<ProductSafety['brands'][string]['manufacturer']>;

/** The party a reference names: an id of `productSafety.parties`, or the party written in place. */
function resolveParty(ref: PartyRef | undefined, parties: ProductSafety['parties']): SafetyParty | undefined {
  if (ref === undefined) return undefined;
  return typeof ref === 'string' ? lookupFolded(parties, ref) : ref;
}

/**
 * The product's GPSR data with its parties resolved: a party id in the row's column wins; a row
 * that names none takes its brand's entry. A row id that names no party stays unresolved, so
 * checkEligibility reports it rather than quietly using the brand's party. Pure: both channels
 * send what this returns.
 */
export function resolveSafety(item: StockItem, productSafety: ProductSafety): SafetyInfo {
  const own = item.safety;
  const brand = lookupFolded(productSafety.brands, item.brand) ?? {};
  // A party the item already carries (resolved before) stays: resolving twice changes nothing.
  const party = (id: string | undefined, resolved: SafetyParty | undefined, fallback: PartyRef | undefined) =>
    id?.trim() ? lookupFolded(productSafety.parties, id) : resolved ?? resolveParty(fallback, productSafety.parties);
  const manufacturer = party(own.manufacturerId, own.manufacturer, brand.manufacturer);
  const responsiblePerson = party(own.responsiblePersonId, own.responsiblePerson, brand.responsiblePerson);
  const warnings = own.warnings?.trim() ? own.warnings : brand.warnings?.trim() ? brand.warnings : undefined;
  return {
    ...(own.manufacturerId?.trim() ? { manufacturerId: own.manufacturerId.trim() } : {}),
    ...(own.responsiblePersonId?.trim() ? { responsiblePersonId: own.responsiblePersonId.trim() } : {}),
    ...(manufacturer ? { manufacturer } : {}),
    ...(responsiblePerson ? { responsiblePerson } : {}),
    ...(warnings ? { warnings } : {}),
  };
}
