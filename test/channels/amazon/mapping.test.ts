import { describe, expect, it } from 'vitest';
import { currencyDigits } from '../../../src/domain/money.js';
import { offerOnlyAttributes, remoteListingFromItem } from '../../../src/channels/amazon/mapping.js';
import { updatePatches, zeroQuantityPatches } from '../../../src/channels/amazon/patches.js';
import { party } from '../../support/party.js';
import { IT, offer } from './helpers.js';

describe('offer → listings attributes', () => {
  it('builds the four offer-only attributes on the matched ASIN, price with tax as a JSON number', () => {
    const { attributes, warnings } = offerOnlyAttributes(offer({ priceMinor: 2490, quantity: 3 }), 'B0TEST0001', { marketplaceId: 'ATVPDKIKX0DER', condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' });
    expect(attributes).toEqual({
      merchant_suggested_asin: [{ value: 'B0TEST0001', marketplace_id: 'ATVPDKIKX0DER' }],
      condition_type: [{ value: 'new_new', marketplace_id: 'ATVPDKIKX0DER' }],
      purchasable_offer: [
        { marketplace_id: 'ATVPDKIKX0DER', currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 24.9 }] }] },
      ],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3, lead_time_to_ship_max_days: 2 }],
    });
    // Not an EU store: no GPSR attributes, no GPSR warning.
    expect(warnings).toEqual([]);
  });

  it("adds the GPSR e-mail attributes in EU stores from the parties' e-mails", () => {
    const o = offer({
      product: {
        safety: {
          manufacturer: party('LEGO A/S', { country: 'DK', email: 'consumer@lego.com' }),
          responsiblePerson: party('Giocattoli Rossi srl', { email: 'eu-rep@rossi.it' }),
        },
      },
    });
    const { attributes, warnings } = offerOnlyAttributes(o, 'B0TEST0001', { marketplaceId: IT, condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' });
    expect(attributes.dsa_responsible_party_address).toEqual([{ value: 'eu-rep@rossi.it', marketplace_id: IT }]);
    expect(attributes.gpsr_manufacturer_reference).toEqual([{ gpsr_manufacturer_email_address: 'consumer@lego.com', marketplace_id: IT }]);
    expect(warnings).toEqual([]);
  });

  it('warns, naming what is missing, when an EU offer has no GPSR e-mail', () => {
    const { email: _none, ...noEmail } = party('LEGO A/S', { url: 'https://lego.example' });
    const o = offer({ product: { safety: { manufacturer: noEmail, manufacturerId: 'lego' } } });
    const { attributes, warnings } = offerOnlyAttributes(o, 'B0TEST0001', { marketplaceId: IT, condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' });
    expect(attributes.dsa_responsible_party_address).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['gpsr-email-missing', "the responsible person LEGO A/S (productSafety.parties.lego) has no e-mail; the manufacturer LEGO A/S (productSafety.parties.lego) has no e-mail: Amazon's GPSR attributes take an e-mail"],
    ]);
    const nobody = offerOnlyAttributes(offer(), 'B0TEST0001', { marketplaceId: IT, condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' });
    expect(nobody.warnings[0]?.message).toBe("no responsible person is named; no manufacturer is named: Amazon's GPSR attributes take an e-mail");
  });

  it('a manufacturer established in the EU is its own responsible person; one outside needs a separate one', () => {
    const ctx = { marketplaceId: IT, condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' };
    const eu = offerOnlyAttributes(offer({ product: { safety: { manufacturer: party('Clementoni', { email: 'info@clementoni.example' }) } } }), 'B0X', ctx);
    expect(eu.attributes.dsa_responsible_party_address).toEqual([{ value: 'info@clementoni.example', marketplace_id: IT }]);
    expect(eu.warnings).toEqual([]);
    const outside = offerOnlyAttributes(offer({ product: { safety: { manufacturer: party('Hasbro', { country: 'US', email: 'safety@hasbro.example' }) } } }), 'B0X', ctx);
    expect(outside.attributes.dsa_responsible_party_address).toBeUndefined();
    expect(outside.warnings[0]?.message).toContain('no responsible person is named');
  });

  it('uses the currency digits: JPY has none', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('EUR')).toBe(2);
    const { attributes } = offerOnlyAttributes(offer({ currency: 'JPY', priceMinor: 5980 }), 'B0X', { marketplaceId: 'A1VC38T7YXB528', condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' });
    expect(attributes.purchasable_offer?.[0]?.our_price).toEqual([{ schedule: [{ value_with_tax: 5980 }] }]);
  });
});

describe('update patches', () => {
  const ctx = { marketplaceId: IT, condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' };
  it('replaces only the changed attribute', () => {
    const price = updatePatches({ kind: 'update', offer: offer({ priceMinor: 2250 }), fields: ['price'], remote: {} }, ctx);
    expect(price).toEqual([
      { op: 'replace', path: '/attributes/purchasable_offer', value: [{ marketplace_id: IT, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: 22.5 }] }] }] },
      // Italy wants a list price: the shelf price of the stock file (24.90), not below the Amazon price.
      { op: 'replace', path: '/attributes/list_price', value: [{ marketplace_id: IT, currency: 'EUR', value_with_tax: 24.9 }] },
    ]);
    const qty = updatePatches({ kind: 'update', offer: offer({ quantity: 7 }), fields: ['quantity'], remote: {} }, ctx);
    expect(qty).toEqual([{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7, lead_time_to_ship_max_days: 2 }] }]);
  });

  it('sends nothing for content beyond the GPSR contacts of an offer-only listing', () => {
    expect(updatePatches({ kind: 'update', offer: offer(), fields: ['content'], remote: {} }, ctx)).toEqual([]);
    const withGpsr = offer({ product: { safety: { responsiblePerson: party('Negozio', { email: 'rep@shop.it' }) } } });
    expect(updatePatches({ kind: 'update', offer: withGpsr, fields: ['content'], remote: {} }, ctx)).toEqual([
      { op: 'replace', path: '/attributes/dsa_responsible_party_address', value: [{ value: 'rep@shop.it', marketplace_id: IT }] },
    ]);
  });

  it('delists by zero quantity with one replace', () => {
    expect(zeroQuantityPatches(2)).toEqual([
      { op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0, lead_time_to_ship_max_days: 2 }] },
    ]);
  });
});

describe('listings item → remote listing', () => {
  it('reads ASIN, product type, B2C price in minor units, DEFAULT quantity and BUYABLE', () => {
    const listing = remoteListingFromItem(
      {
        sku: 'CIV-1',
        summaries: [
          { marketplaceId: 'A1PA6795UKMFR9', asin: 'B0OTHER', productType: 'TOY', status: [] },
          { marketplaceId: IT, asin: 'B0TEST0001', productType: 'TOY_BUILDING_BLOCK', status: ['BUYABLE', 'DISCOVERABLE'] },
        ],
        offers: [
          { marketplaceId: IT, offerType: 'B2B', price: { amount: '20.00', currencyCode: 'EUR' } },
          { marketplaceId: IT, offerType: 'B2C', price: { amount: '24.90', currencyCode: 'EUR' }, audience: { value: 'ALL' } },
        ],
        fulfillmentAvailability: [{ fulfillmentChannelCode: 'AMAZON_EU', quantity: 40 }, { fulfillmentChannelCode: 'DEFAULT', quantity: 3 }],
      },
      IT,
    );
    expect(listing).toEqual({
      sku: 'CIV-1',
      status: 'active',
      remote: { asin: 'B0TEST0001', productType: 'TOY_BUILDING_BLOCK' },
      priceMinor: 2490,
      quantity: 3,
      currency: 'EUR',
    });
  });

  it('is inactive when not BUYABLE and keeps unknowns unknown', () => {
    expect(remoteListingFromItem({ sku: 'X', summaries: [{ marketplaceId: IT, productType: 'PRODUCT', status: ['DISCOVERABLE'] }] }, IT)).toEqual({
      sku: 'X',
      status: 'inactive',
      remote: { productType: 'PRODUCT' },
    });
  });
});

describe('createProducts: a whole new product for an unknown EAN', () => {
  it('plans a LISTING with the stock file facts only when configured and the EAN is unknown', async () => {
    const { planCreate } = await import('../../../src/channels/amazon/apply-items.js');
    const o = offer({ product: { description: 'Set con 3 minifigure', images: ['https://shop.example/a.jpg', 'https://shop.example/b.jpg'], safety: { warnings: 'Non adatto a bambini sotto i 3 anni' } } });
    const none = { sku: 'CIV-1', outcome: 'none' as const, candidates: [], message: '' };
    const listing = { marketplaceId: IT, condition: 'new_new', handlingDays: 2, shopCurrency: 'EUR' };
    expect(planCreate(o, none, { listing, createProducts: false })).toBeUndefined();
    const plan = planCreate(o, none, { listing, createProducts: true });
    expect(plan).toMatchObject({ requirements: 'LISTING', productType: 'PRODUCT', summary: 'LISTING new product ean=8001234567890' });
    expect(plan?.attributes).toMatchObject({
      item_name: [{ value: 'LEGO City Stazione dei pompieri', language_tag: 'it_IT', marketplace_id: IT }],
      brand: [{ value: 'LEGO', language_tag: 'it_IT', marketplace_id: IT }],
      externally_assigned_product_identifier: [{ type: 'ean', value: '8001234567890', marketplace_id: IT }],
      product_description: [{ value: 'Set con 3 minifigure', language_tag: 'it_IT', marketplace_id: IT }],
      safety_warning: [{ value: 'Non adatto a bambini sotto i 3 anni', language_tag: 'it_IT', marketplace_id: IT }],
      main_product_image_locator: [{ media_location: 'https://shop.example/a.jpg', marketplace_id: IT }],
      other_product_image_locator_1: [{ media_location: 'https://shop.example/b.jpg', marketplace_id: IT }],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
    });
    expect(plan?.attributes.merchant_suggested_asin).toBeUndefined();
    // Ambiguous or mismatched products are never created, whatever the config says.
    expect(planCreate(o, { ...none, outcome: 'ambiguous' }, { listing, createProducts: true })).toBeUndefined();
  });
});
