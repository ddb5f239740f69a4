import { describe, expect, it } from 'vitest';
import { LISTING_RULES } from '../../src/channels/registry.js';
import type { Config } from '../../src/config/schema.js';
import type { ChannelId } from '../../src/domain/ids.js';
import type { StockItem } from '../../src/domain/stock-item.js';
import { checkEligibility as checkWith, ineligibleReason } from '../../src/hooks/eligibility.js';
import { resolveVat } from '../../src/config/resolve-vat.js';
import { resolveProduct } from '../../src/hooks/resolve-product.js';
import { party } from '../support/party.js';
import { config, item } from './make.js';

/** Each marketplace's own rules, as the sync hands them in. */
const checkEligibility = (product: StockItem, channel: ChannelId, cfg: Config) => checkWith(product, channel, LISTING_RULES[channel], cfg);

const withChannels = config({
  channels: {
    amazon: { marketplaceIds: ['APJ6JRA9NG5V4'], sellerId: 'A1', pricing: { feePercent: 0.1545 } },
    ebay: { merchantLocationKey: 'negozio', policies: { fulfillment: 'f', payment: 'p', return: 'r' }, categories: { LEGO: '183446' } },
  },
  vat: { default: 0.22, categories: { Libri: 0.04 } },
  productSafety: {
    parties: { 'lego-dk': party('LEGO A/S', { country: 'DK', city: 'Billund', postalCode: '7190', street: 'Åstvej 1' }), 'Lego IT': party('LEGO Italia S.r.l.') },
    brands: { lego: { manufacturer: 'lego-dk', responsiblePerson: 'lego it' } },
  },
});
const codes = (ps: { code: string; severity: string }[]) => ps.map((p) => `${p.severity}:${p.code}`);
const good = item('LEG60316', { category: 'LEGO', costMinor: 1000 });

describe('checkEligibility', () => {
  it('a complete product passes on both channels', () => {
    expect(checkEligibility(good, 'amazon', withChannels)).toEqual([]);
    expect(checkEligibility(good, 'ebay', withChannels)).toEqual([]);
  });

  it('SKU length: Amazon ≤ 40, eBay ≤ 50', () => {
    const sku41 = 'A'.repeat(41);
    expect(codes(checkEligibility({ ...good, sku: sku41 }, 'amazon', withChannels))).toEqual(['error:sku-too-long']);
    expect(checkEligibility({ ...good, sku: sku41 }, 'ebay', withChannels)).toEqual([]);
    expect(codes(checkEligibility({ ...good, sku: 'A'.repeat(51) }, 'ebay', withChannels))).toEqual(['error:sku-too-long']);
  });

  it('SKU characters: letters, digits, . _ - only', () => {
    expect(checkEligibility({ ...good, sku: 'LEG-60316_a.b' }, 'amazon', withChannels)).toEqual([]);
    expect(checkEligibility({ ...good, sku: 'LEG-60316_a.b' }, 'ebay', withChannels)).toEqual([]);
    const ebay = checkEligibility({ ...good, sku: 'LEG 60316' }, 'ebay', withChannels);
    expect(ebay).toEqual([{ severity: 'error', code: 'sku-characters', message: 'ebay: SKU "LEG 60316" has characters the marketplace refuses', file: '/shop/stock.csv', line: 2, column: 'Codice', sku: 'LEG 60316', value: 'LEG 60316', expected: 'letters, digits, ".", "_" and "-"' }]);
    expect(codes(checkEligibility({ ...good, sku: 'LEG 1/2' }, 'amazon', withChannels))).toEqual(['error:sku-characters']);
  });

  it('EAN: Amazon needs one, eBay does not; a wrong check digit is refused on both', () => {
    const { ean: _e, ...noEan } = good;
    expect(codes(checkEligibility(noEan, 'amazon', withChannels))).toEqual(['error:ean-missing']);
    expect(checkEligibility(noEan, 'ebay', withChannels)).toEqual([]);
    expect(codes(checkEligibility({ ...good, ean: '8001234567890' }, 'ebay', withChannels))).toEqual(['error:ean-check-digit']);
  });

  it('title: eBay ≤ 80, Amazon ≤ 200, never empty', () => {
    expect(codes(checkEligibility({ ...good, title: 'x'.repeat(81) }, 'ebay', withChannels))).toEqual(['error:title-too-long']);
    expect(checkEligibility({ ...good, title: 'x'.repeat(81) }, 'amazon', withChannels)).toEqual([]);
    expect(codes(checkEligibility({ ...good, title: 'x'.repeat(201) }, 'amazon', withChannels))).toEqual(['error:title-too-long']);
    expect(codes(checkEligibility({ ...good, title: '  ' }, 'amazon', withChannels))).toEqual(['error:title-missing']);
  });

  it('eBay needs an https image and a mapped category', () => {
    expect(codes(checkEligibility({ ...good, imageCount: 1, httpsImage: false }, 'ebay', withChannels))).toEqual(['error:image-missing']);
    expect(codes(checkEligibility({ ...good, category: 'Puzzle' }, 'ebay', withChannels))).toEqual(['error:ebay-category-unmapped']);
    expect(checkEligibility({ ...good, category: 'lego' }, 'ebay', withChannels)).toEqual([]);
  });

  it('VAT: unknown is an error, an unusual rate a warning', () => {
    const { vatRate: _v, ...noVat } = good;
    expect(codes(checkEligibility(noVat, 'amazon', withChannels))).toEqual(['error:vat-unknown']);
    expect(codes(checkEligibility({ ...good, vatRate: 0.19 }, 'amazon', withChannels))).toEqual(['warning:vat-unusual']);
  });

  it('GPSR: manufacturer and EU responsible person are errors, warnings a warning', () => {
    const bare = { ...good, safety: {} };
    expect(codes(checkEligibility(bare, 'amazon', withChannels))).toEqual(['error:gpsr-manufacturer', 'error:gpsr-responsible-person', 'warning:gpsr-warnings']);
    expect(ineligibleReason(checkEligibility(bare, 'amazon', withChannels))).toBe('amazon: no manufacturer (GPSR): name a party in the manufacturer column or in productSafety.brands');
  });

  it('cost: missing when the column is mapped; fees that eat the whole price', () => {
    const { costMinor: _c, ...noCost } = good;
    expect(codes(checkEligibility(noCost, 'amazon', withChannels))).toEqual(['error:cost-missing']);
    const greedy = config({ ...withChannels, channels: { amazon: { marketplaceIds: ['X'], sellerId: 'A1', pricing: { feePercent: 0.9 } } } });
    expect(codes(checkEligibility(good, 'amazon', greedy))).toEqual(['error:floor-impossible']);
  });
});

describe('resolveProduct', () => {
  it('VAT from the file, else the category, else the default', () => {
    expect(resolveVat(item('A', { vatRate: 0.1, category: 'Libri' }), withChannels)).toEqual({ rate: 0.1, source: 'file' });
    expect(resolveVat(item('A', { vatRate: undefined, category: 'libri' }), withChannels)).toEqual({ rate: 0.04, source: 'category' });
    expect(resolveVat(item('A', { vatRate: undefined, category: 'LEGO' }), withChannels)).toEqual({ rate: 0.22, source: 'default' });
    expect(resolveVat(item('A', { vatRate: undefined }), config())).toEqual({ source: 'unknown' });
  });

  it("GPSR parties: the row's party ids win, the brand entry fills the gaps (brand and ids matched forgivingly)", () => {
    const lego = party('LEGO A/S', { country: 'DK', city: 'Billund', postalCode: '7190', street: 'Åstvej 1' });
    const p = resolveProduct(item('A', { brand: 'LEGO', safety: { warnings: 'Piccole parti.' } }), withChannels);
    expect(p.safety).toEqual({ manufacturer: lego, responsiblePerson: party('LEGO Italia S.r.l.'), warnings: 'Piccole parti.' });
    const own = resolveProduct(item('A', { brand: 'LEGO', safety: { manufacturerId: 'LEGO IT', responsiblePersonId: ' lego-dk ', warnings: 'W' } }), withChannels);
    expect(own.safety).toEqual({ manufacturerId: 'LEGO IT', responsiblePersonId: 'lego-dk', manufacturer: party('LEGO Italia S.r.l.'), responsiblePerson: lego, warnings: 'W' });
  });

  it('an inline party in the brand entry is used as written', () => {
    const inline = party('Revell GmbH', { country: 'DE' });
    const cfg = config({ productSafety: { brands: { Revell: { manufacturer: inline, responsiblePerson: inline } } } });
    expect(resolveProduct(item('A', { brand: 'revell', safety: {} }), cfg).safety).toEqual({ manufacturer: inline, responsiblePerson: inline });
  });

  it("a row id that names no party is reported by id, not replaced by the brand's party", () => {
    const p = resolveProduct(item('A', { brand: 'LEGO', category: 'LEGO', costMinor: 1000, safety: { manufacturerId: 'lego-dq', warnings: 'W' } }), withChannels);
    expect(p.safety.manufacturer).toBeUndefined();
    const problems = checkEligibility(p, 'ebay', withChannels);
    expect(problems.map((x) => [x.code, x.message])).toEqual([
      ['gpsr-party-unknown', 'ebay: manufacturer "lego-dq" is not a party in productSafety.parties (GPSR: the column holds a party id); did you mean "lego-dk"?'],
    ]);
  });

  it('EU marketplaces need one party in the EU', () => {
    const us = party('Hasbro, Inc.', { country: 'US', city: 'Pawtucket', postalCode: '02861', street: '1027 Newport Avenue' });
    const p = { ...good, safety: { manufacturer: us, responsiblePerson: us, warnings: 'W' } };
    expect(checkEligibility(p, 'ebay', withChannels).map((x) => [x.code, x.value])).toEqual([['gpsr-no-eu-party', 'Hasbro, Inc. (US)']]);
    expect(checkEligibility({ ...p, safety: { ...p.safety, responsiblePerson: party('Hasbro Italy S.r.l.') } }, 'ebay', withChannels)).toEqual([]);
    const usStore = config({ channels: { ebay: { marketplaceId: 'EBAY_US', merchantLocationKey: 'n', policies: { fulfillment: 'f', payment: 'p', return: 'r' }, categories: { LEGO: '1' } } } });
    expect(checkEligibility(p, 'ebay', usStore).map((x) => x.code)).not.toContain('gpsr-no-eu-party');
  });
});
