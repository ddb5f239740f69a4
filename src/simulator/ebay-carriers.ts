/**
 * Carrier codes eBay accepts in createShippingFulfillment's `shippingCarrierCode`: values of
 * the Trading API's ShippingCarrierCodeType (GeteBayDetails ShippingCarrierDetails, which
 * sell_fulfillment_v1_oas3.json points to), those European sellers use. eBay spells them its
 * own way: BRT is "Bartolini", Poste Italiane "PosteItaliane"; a carrier's display name is not a
 * code.
 */
export const EBAY_CARRIER_CODES: ReadonlySet<string> = new Set([
  'Bartolini', 'PosteItaliane', 'SDA', 'GLS', 'DHL', 'UPS', 'TNT', 'FedEx', 'DPD', 'DeutschePost', 'Hermes',
  'Chronopost', 'Colissimo', 'Correos', 'RoyalMail', 'ParcelForce', 'USPS', 'Nexive', 'Other',
]);
