import type { ShipCarrier } from '../domain/carrier.js';
import type { ChannelId } from '../domain/ids.js';
import { InputError } from '../errors.js';

/**
 * A carrier as each marketplace names it. eBay takes its own codes in createShippingFulfillment's
 * `shippingCarrierCode` (sell_fulfillment_v1_oas3.json points to GeteBayDetails
 * ShippingCarrierDetails; the Trading API's ShippingCarrierCodeType lists them: "Bartolini" for
 * BRT, "PosteItaliane", "SDA", "GLS" …). Amazon's confirmShipment `carrierCode` takes the
 * CarrierCode enumeration of its feed base schema (amzn-base.xsd); a carrier missing there goes
 * as "Other" with its name in `carrierName` (ordersV0.json PackageDetail).
 */
interface Carrier {
  /** The name civetta shows and records. */
  name: string;
  /** Other ways shop owners write it (compared without case, spaces or punctuation). */
  aliases: readonly string[];
  /** eBay's code; absent when eBay lists none for this carrier. */
  ebay?: string;
  /** Amazon's code, or "Other" (the name then goes as carrierName). */
  amazon: string;
}

const CARRIERS: readonly Carrier[] = [
  { name: 'Poste Italiane', aliases: ['Poste', 'Poste Delivery'], ebay: 'PosteItaliane', amazon: 'Poste Italiane' },
  { name: 'BRT', aliases: ['Bartolini', 'BRT Bartolini'], ebay: 'Bartolini', amazon: 'Other' },
  { name: 'GLS', aliases: [], ebay: 'GLS', amazon: 'GLS' },
  { name: 'SDA', aliases: ['SDA Express Courier'], ebay: 'SDA', amazon: 'SDA' },
  { name: 'DHL', aliases: ['DHL Express'], ebay: 'DHL', amazon: 'DHL' },
  { name: 'UPS', aliases: [], ebay: 'UPS', amazon: 'UPS' },
  { name: 'TNT', aliases: [], ebay: 'TNT', amazon: 'TNT' },
  { name: 'FedEx', aliases: ['Federal Express', 'FedEx Express'], ebay: 'FedEx', amazon: 'FedEx' },
  // eBay's carrier list has no Amazon Shipping: --carrier-code with eBay's own code instead.
  { name: 'Amazon Shipping', aliases: [], amazon: 'Amazon Shipping' },
  { name: 'DPD', aliases: [], ebay: 'DPD', amazon: 'DPD' },
  { name: 'Deutsche Post', aliases: [], ebay: 'DeutschePost', amazon: 'Deutsche Post' },
  { name: 'Chronopost', aliases: [], ebay: 'Chronopost', amazon: 'Chronopost' },
  { name: 'Royal Mail', aliases: [], ebay: 'RoyalMail', amazon: 'Royal Mail' },
];

const key = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');

export const KNOWN_CARRIERS: readonly string[] = CARRIERS.map((c) => c.name);

function findCarrier(name: string): Carrier | undefined {
  const k = key(name);
  return CARRIERS.find((c) => key(c.name) === k || c.aliases.some((a) => key(a) === k));
}

/** `--carrier NAME` checked before anything is sent: an unknown name is exit 2, listing the known ones. */
export function checkCarrierName(name: string): void {
  if (findCarrier(name)) return;
  throw new InputError(`Unknown carrier "${name.trim()}".`, [
    `Known carriers (case and spaces ignored): ${KNOWN_CARRIERS.join(', ')}.`,
    "For another carrier pass the marketplace's own code with --carrier-code.",
  ]);
}

const MARKETPLACE: Record<ChannelId, string> = { ebay: 'eBay', amazon: 'Amazon' };

/**
 * What `channel` gets for `--carrier NAME` / `--carrier-code CODE`: the code passes through
 * unchanged (named by the carrier when one is given too); a known name becomes the
 * marketplace's code. Undefined names and names the marketplace has no code for are exit 2.
 */
export function shipCarrier(channel: ChannelId, choice: { carrier?: string; carrierCode?: string }): ShipCarrier {
  const code = choice.carrierCode?.trim();
  const name = choice.carrier?.trim();
  const known = name ? findCarrier(name) : undefined;
  if (code) return { name: known?.name ?? name ?? code, code };
  if (!name) throw new InputError('Give the carrier: --carrier NAME (or --carrier-code CODE).');
  checkCarrierName(name);
  const mapped = known?.[channel];
  if (!known || !mapped) {
    throw new InputError(`${MARKETPLACE[channel]} has no carrier code for ${known?.name ?? name}.`, [
      `Pass ${MARKETPLACE[channel]}'s own code with --carrier-code.`,
    ]);
  }
  return { name: known.name, code: mapped };
}
