import { InputError } from '../../errors.js';

/**
 * The currency each Amazon store sells in, by marketplace id (reference §2: the EU stores IT, DE,
 * FR, ES, NL and BE in EUR; PL PLN, SE SEK, UK GBP, US USD).
 */
const MARKETPLACE_CURRENCY: Readonly<Record<string, string>> = {
  APJ6JRA9NG5V4: 'EUR', // Italy
  A1PA6795UKMFR9: 'EUR', // Germany
  A13V1IB3VIYZZH: 'EUR', // France
  A1RKKUPIHCS9HS: 'EUR', // Spain
  A1805IZSGTT6HS: 'EUR', // Netherlands
  AMEN7PMS3EDWL: 'EUR', // Belgium
  A1C3SOZRARQ6R3: 'PLN', // Poland
  A2NODRKZP88ZB9: 'SEK', // Sweden
  A1F83G8C2ARO7P: 'GBP', // United Kingdom
  ATVPDKIKX0DER: 'USD', // United States
};

/**
 * Refuses, before any request, offers priced in a currency the store does not sell in: Amazon
 * would reject every price (or worse, read the number in its own currency). A marketplace civetta
 * does not know is not checked.
 */
export function assertMarketplaceCurrency(marketplaceId: string, currency: string): void {
  const expected = MARKETPLACE_CURRENCY[marketplaceId];
  if (expected === undefined || expected === currency.toUpperCase()) return;
  throw new InputError(
    `amazon: offers are priced in ${currency}, but marketplace ${marketplaceId} (the first of channels.amazon.marketplaceIds) sells in ${expected}: ` +
      `set channels.amazon.currency (or shop.currency) to ${expected}, or list in a ${currency} marketplace first`,
  );
}
