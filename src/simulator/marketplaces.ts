/** Amazon marketplace ids → currency (amazon-sp-api reference §2). */
export const AMAZON_MARKETPLACES: Record<string, { currency: string; name: string }> = {
  APJ6JRA9NG5V4: { currency: 'EUR', name: 'Amazon.it' },
  A1PA6795UKMFR9: { currency: 'EUR', name: 'Amazon.de' },
  A13V1IB3VIYZZH: { currency: 'EUR', name: 'Amazon.fr' },
  A1RKKUPIHCS9HS: { currency: 'EUR', name: 'Amazon.es' },
  A1805IZSGTT6HS: { currency: 'EUR', name: 'Amazon.nl' },
  AMEN7PMS3EDWL: { currency: 'EUR', name: 'Amazon.com.be' },
  A1C3SOZRARQ6R3: { currency: 'PLN', name: 'Amazon.pl' },
  A2NODRKZP88ZB9: { currency: 'SEK', name: 'Amazon.se' },
  A1F83G8C2ARO7P: { currency: 'GBP', name: 'Amazon.co.uk' },
  ATVPDKIKX0DER: { currency: 'USD', name: 'Amazon.com' },
};

/** eBay marketplaces: header language, currency, default category tree (ebay-sell-api reference §2). */
export const EBAY_MARKETPLACES: Record<string, { language: string; currency: string; treeId: string; country: string }> = {
  EBAY_IT: { language: 'it-IT', currency: 'EUR', treeId: '101', country: 'IT' },
  EBAY_DE: { language: 'de-DE', currency: 'EUR', treeId: '77', country: 'DE' },
  EBAY_FR: { language: 'fr-FR', currency: 'EUR', treeId: '71', country: 'FR' },
  EBAY_ES: { language: 'es-ES', currency: 'EUR', treeId: '186', country: 'ES' },
  EBAY_GB: { language: 'en-GB', currency: 'GBP', treeId: '3', country: 'GB' },
  EBAY_US: { language: 'en-US', currency: 'USD', treeId: '0', country: 'US' },
};

/** Content-Language values the Inventory API accepts (portal contract's locale list, the ones civetta can meet). */
export const EBAY_CONTENT_LANGUAGES = new Set([
  'en-US', 'en-CA', 'fr-CA', 'en-GB', 'en-AU', 'en-IN', 'de-AT', 'fr-BE', 'nl-BE', 'de-DE', 'es-ES',
  'fr-FR', 'it-IT', 'nl-NL', 'pl-PL', 'de-CH', 'en-IE', 'zh-HK',
]);
