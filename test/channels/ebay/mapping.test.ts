import { describe, expect, it } from 'vitest';
import { resolveCategory } from '../../../src/channels/ebay/category-map.js';
import { marketplaceFacts } from '../../../src/channels/ebay/marketplaces.js';
import {
  inventoryItemPayload,
  listingTitle,
  mergeInventoryItem,
  offerPayload,
  remoteListing,
  updateOfferPayload,
} from '../../../src/channels/ebay/mapping.js';
import { regulatoryFrom } from '../../../src/channels/ebay/gpsr.js';
import { party } from '../../support/party.js';
import { ebayConfig, offer, stockItem } from './helpers.js';

const LEGO_DK = party('LEGO A/S', { street: 'Aastvej 1', city: 'Billund', postalCode: '7190', country: 'DK' });

const IT = marketplaceFacts('EBAY_IT')!;
const settings = {
  marketplaceId: 'EBAY_IT',
  merchantLocationKey: 'negozio',
  policies: { fulfillment: 'F1', payment: 'P1', return: 'R1' },
  includeCatalogProductDetails: false,
};

describe('category map', () => {
  it('fills "{field}" templates and always gives aspects as lists', () => {
    const cat = resolveCategory(ebayConfig().categories, stockItem());
    expect(cat).toEqual({ categoryId: '183446', aspects: { Marca: ['LEGO'], Tema: ['City'] }, unfilled: [] });
  });

  it('a bare id maps with no aspects; an unmapped category is undefined', () => {
    expect(resolveCategory(ebayConfig().categories, stockItem({ category: 'Puzzle' }))).toEqual({ categoryId: '2550', aspects: {}, unfilled: [] });
    expect(resolveCategory(ebayConfig().categories, stockItem({ category: 'Libri' }))).toBeUndefined();
  });

  it('reports a template whose product field is empty, and drops that value', () => {
    const cat = resolveCategory(ebayConfig().categories, stockItem({ brand: undefined }));
    expect(cat?.aspects).toEqual({ Tema: ['City'] });
    expect(cat?.unfilled).toEqual([{ aspect: 'Marca', field: 'brand' }]);
  });
});

describe('inventory item payload', () => {
  it('is the full item: title, description, aspects as lists, EAN, pictures, NEW, quantity', () => {
    const cat = resolveCategory(ebayConfig().categories, stockItem())!;
    expect(inventoryItemPayload(offer(), cat, IT)).toEqual({
      condition: 'NEW',
      availability: { shipToLocationAvailability: { quantity: 3 } },
      product: {
        title: 'Set costruzioni Stazione di Polizia 60316',
        description: 'Set nuovo, scatola sigillata.',
        aspects: { Marca: ['LEGO'], Tema: ['City'] },
        brand: 'LEGO',
        ean: ['8001234567897'],
        imageUrls: ['https://negozio.example/img/60316.jpg'],
      },
    });
  });

  it('uses the marketplace "does not apply" text without an EAN, and drops http pictures', () => {
    const cat = resolveCategory(ebayConfig().categories, stockItem())!;
    const item = inventoryItemPayload(offer({ product: { ean: undefined, images: ['http://x.example/a.jpg', 'https://x.example/b.jpg'] } }), cat, IT);
    expect(item.product.ean).toEqual(['Non applicabile']);
    expect(item.product.imageUrls).toEqual(['https://x.example/b.jpg']);
  });

  it('cuts titles to 80 characters at a word boundary', () => {
    const long = 'Parola '.repeat(20).trim();
    const cut = listingTitle(long);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut).toBe('Parola '.repeat(11).trim());
  });
});

describe('full replace keeps what eBay has', () => {
  const existing = {
    sku: 'CIV8001234567897',
    locale: 'it_IT',
    condition: 'NEW',
    packageWeightAndSize: { weight: { value: 0.4, unit: 'KILOGRAM' } },
    product: {
      title: 'old',
      ean: ['8001234567897'],
      imageUrls: ['https://negozio.example/img/old.jpg'],
      aspects: { Marca: ['LEGO'], 'Numero pezzi': ['500'] },
    },
  };

  it('keeps the EAN, pictures, other aspects and package weight when the shop row lacks them', () => {
    const cat = resolveCategory(ebayConfig().categories, stockItem())!;
    const ours = inventoryItemPayload(offer({ product: { ean: undefined, images: [] } }), cat, IT);
    const merged = mergeInventoryItem(existing, ours);
    expect(merged.product.ean).toEqual(['8001234567897']);
    expect(merged.product.imageUrls).toEqual(['https://negozio.example/img/old.jpg']);
    expect(merged.product.aspects).toEqual({ Marca: ['LEGO'], 'Numero pezzi': ['500'], Tema: ['City'] });
    expect(merged.product.title).toBe('Set costruzioni Stazione di Polizia 60316');
    expect(merged.packageWeightAndSize).toEqual({ weight: { value: 0.4, unit: 'KILOGRAM' } });
    expect(merged).not.toHaveProperty('sku');
    expect(merged).not.toHaveProperty('locale');
  });

  it("the shop's own EAN and pictures win when it has them", () => {
    const cat = resolveCategory(ebayConfig().categories, stockItem())!;
    const merged = mergeInventoryItem(existing, inventoryItemPayload(offer({ product: { ean: '4006381333931' } }), cat, IT));
    expect(merged.product.ean).toEqual(['4006381333931']);
    expect(merged.product.imageUrls).toEqual(['https://negozio.example/img/60316.jpg']);
  });
});

describe('offer payload', () => {
  const cat = { categoryId: '183446', aspects: {}, unfilled: [] };

  it('is the full createOffer body with a decimal string price and includeCatalogProductDetails false', () => {
    const body = offerPayload(offer({ priceMinor: 2290 }), cat, settings);
    expect(body).toEqual({
      sku: 'CIV8001234567897',
      marketplaceId: 'EBAY_IT',
      format: 'FIXED_PRICE',
      listingDuration: 'GTC',
      availableQuantity: 3,
      categoryId: '183446',
      merchantLocationKey: 'negozio',
      listingPolicies: { fulfillmentPolicyId: 'F1', paymentPolicyId: 'P1', returnPolicyId: 'R1' },
      pricingSummary: { price: { value: '22.90', currency: 'EUR' } },
      listingDescription: 'Set nuovo, scatola sigillata.',
      includeCatalogProductDetails: false,
    });
  });

  it('puts GPSR data in the offer regulatory section and warnings in the description', () => {
    const body = offerPayload(
      offer({ product: { safety: { manufacturer: LEGO_DK, responsiblePerson: party('LEGO Italia srl', { phone: '+39 02 123', url: 'https://lego.example/it' }), warnings: 'Non adatto a bambini <3 anni' } } }),
      cat,
      settings,
    );
    expect(body.regulatory).toEqual({
      manufacturer: { companyName: 'LEGO A/S', addressLine1: 'Aastvej 1', city: 'Billund', postalCode: '7190', country: 'DK', email: 'sicurezza@legoas.example' },
      responsiblePersons: [{
        companyName: 'LEGO Italia srl', addressLine1: 'Via Roma 1', city: 'Milano', postalCode: '20121', country: 'IT',
        email: 'sicurezza@legoitaliasrl.example', phone: '+39 02 123', contactUrl: 'https://lego.example/it', types: ['EU_RESPONSIBLE_PERSON'],
      }],
    });
    expect(body.listingDescription).toBe('Set nuovo, scatola sigillata.\n<p>Non adatto a bambini &lt;3 anni</p>');
  });

  it('updateOffer keeps unknown fields, drops read-only ones and the create-only keys', () => {
    const ours = offerPayload(offer(), cat, settings);
    const body = updateOfferPayload(
      { offerId: 'O1', sku: 'x', marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE', status: 'PUBLISHED', listing: { listingId: 'L1' }, quantityLimitPerBuyer: 2, listingPolicies: { bestOfferTerms: { bestOfferEnabled: false } } },
      ours,
    );
    expect(body).not.toHaveProperty('offerId');
    expect(body).not.toHaveProperty('sku');
    expect(body).not.toHaveProperty('marketplaceId');
    expect(body).not.toHaveProperty('format');
    expect(body).not.toHaveProperty('status');
    expect(body).not.toHaveProperty('listing');
    expect(body.quantityLimitPerBuyer).toBe(2);
    expect(body.listingPolicies).toEqual({ bestOfferTerms: { bestOfferEnabled: false }, fulfillmentPolicyId: 'F1', paymentPolicyId: 'P1', returnPolicyId: 'R1' });
    expect(body.includeCatalogProductDetails).toBe(false);
  });

  it('updateOffer keeps the regulatory data the seller added (pictograms, documents), replacing only manufacturer and responsible persons', () => {
    const ours = offerPayload(offer({ product: { safety: { manufacturer: LEGO_DK, responsiblePerson: party('LEGO Italia srl') } } }), cat, settings);
    const seller = { productSafety: { pictograms: ['SGHS01'], statements: ['R1'] }, documents: [{ documentId: 'D1' }], manufacturer: { companyName: 'Old name' } };
    const body = updateOfferPayload({ offerId: 'O1', regulatory: seller }, ours);
    const mine = ours.regulatory as { manufacturer: unknown; responsiblePersons: unknown };
    expect(mine.manufacturer).toMatchObject({ companyName: 'LEGO A/S', addressLine1: 'Aastvej 1', city: 'Billund' });
    expect(body.regulatory).toEqual({ ...seller, manufacturer: mine.manufacturer, responsiblePersons: mine.responsiblePersons });
  });

  it('no party, no regulatory section', () => {
    expect(regulatoryFrom({ warnings: 'W' })).toBeUndefined();
  });
});

describe('remote listing', () => {
  it('missing when eBay has neither item nor offer', () => {
    expect(remoteListing('A', undefined, undefined)).toEqual({ sku: 'A', status: 'missing', remote: {} });
  });

  it('published + ACTIVE → active, with price, currency and the smaller quantity', () => {
    const r = remoteListing(
      'A',
      { availability: { shipToLocationAvailability: { quantity: 5 } } },
      { offerId: 'O1', status: 'PUBLISHED', availableQuantity: 3, pricingSummary: { price: { value: '24.90', currency: 'EUR' } }, listing: { listingId: 'L1', listingStatus: 'ACTIVE' } },
    );
    expect(r).toEqual({ sku: 'A', status: 'active', remote: { offerId: 'O1', listingId: 'L1' }, priceMinor: 2490, currency: 'EUR', quantity: 3 });
  });

  it.each([
    ['PUBLISHED', 'OUT_OF_STOCK', 'active'],
    ['PUBLISHED', 'ENDED', 'ended'],
    ['PUBLISHED', 'EBAY_ENDED', 'ended'],
    ['PUBLISHED', 'INACTIVE', 'inactive'],
    ['UNPUBLISHED', undefined, 'inactive'],
  ])('offer %s / listing %s → %s', (status, listingStatus, expected) => {
    const listing = listingStatus ? { listingId: 'L', listingStatus } : undefined;
    expect(remoteListing('A', undefined, { offerId: 'O', status, ...(listing ? { listing } : {}) }).status).toBe(expected);
  });
});
