import type { Config } from '../config/schema.js';
import { foldWord } from '../config/fold-word.js';
import { channelSellsInEu, partyIdExpected } from '../config/product-safety-rules.js';
import { hasEuParty } from '../domain/gpsr.js';
import type { ChannelId } from '../domain/ids.js';
import type { ListingRules } from '../domain/listing-rules.js';
import type { Problem } from '../domain/problem.js';
import type { StockField, StockItem } from '../domain/stock-item.js';
import { floorPrice } from '../pricing/floor.js';
import { checkEan } from '../stock/ean.js';
import { columnHeader } from '../config/stock-formats.js';

/** The VAT rates in force in Italy (22 ordinary, 10 and 5 reduced, 4 super-reduced for books). */
const ITALIAN_VAT_RATES: readonly number[] = [0.22, 0.1, 0.05, 0.04];

function problem(item: StockItem, config: Config, field: StockField | undefined, severity: Problem['severity'], code: string, message: string, extra: Partial<Problem> = {}): Problem {
  const column = field ? columnHeader(config.stock, field) : undefined;
  return { severity, code, message, file: config.stock.file, line: item.line, ...(column ? { column } : {}), sku: item.sku, ...extra };
}

/**
 * The product-data problems that keep `item` (already completed by resolveProduct) off
 * `channel` (errors), or that the shop should fix (warnings). Pure. What the marketplace accepts
 * (SKU, title, EAN, image, category) comes as its `rules`; VAT, cost and GPSR are the shop's
 * (GPSR, EU since 13 Dec 2024: manufacturer and EU responsible person, one of them in the EU,
 * eBay 25115; safety warnings where the product has any, reference/ebay-sell-api.md §4).
 */
export function checkEligibility(item: StockItem, channel: ChannelId, limits: ListingRules, config: Config): Problem[] {
  const out: Problem[] = [];
  const add = (field: StockField | undefined, severity: Problem['severity'], code: string, message: string, extra: Partial<Problem> = {}) =>
    out.push(problem(item, config, field, severity, code, `${channel}: ${message}`, extra));

  if (item.sku.length > limits.skuMax) add('sku', 'error', 'sku-too-long', `SKU has ${item.sku.length} characters, at most ${limits.skuMax} allowed`, { value: item.sku, expected: `≤ ${limits.skuMax} characters` });
  if (!limits.sku.test(item.sku)) add('sku', 'error', 'sku-characters', `SKU "${item.sku}" has characters the marketplace refuses`, { value: item.sku, expected: limits.skuChars });

  if (!item.ean) {
    if (limits.needsEan) add('ean', 'error', 'ean-missing', 'no EAN: the offer cannot be attached to a catalogue product', { expected: 'an EAN-13' });
  } else {
    const check = checkEan(item.ean);
    if (!check.ok) add('ean', 'error', check.code, `EAN "${item.ean}" is not valid`, { value: item.ean, expected: check.expected });
  }

  if (!item.title.trim()) add('title', 'error', 'title-missing', 'no title', { expected: 'a product title' });
  else if (item.title.length > limits.titleMax) add('title', 'error', 'title-too-long', `title has ${item.title.length} characters, at most ${limits.titleMax} allowed`, { value: item.title, expected: `≤ ${limits.titleMax} characters` });

  if (limits.needsImage && !item.httpsImage) {
    add('image', 'error', 'image-missing', item.imageCount ? 'no https image (only https picture URLs are accepted)' : 'no image', { expected: 'at least one https:// image URL' });
  }

  if (item.vatRate === undefined) add('vat', 'error', 'vat-unknown', 'VAT rate unknown (no VAT column value, no vat.categories entry for its category, no vat.default)', { expected: 'a VAT rate: 22%, 10%, 5% or 4%' });
  else if (!ITALIAN_VAT_RATES.some((r) => Math.abs(r - item.vatRate!) < 1e-9)) add('vat', 'warning', 'vat-unusual', `VAT rate ${Math.round(item.vatRate * 1000) / 10}% is not an Italian rate`, { value: String(item.vatRate), expected: '22%, 10%, 5% or 4%' });

  for (const role of ['manufacturer', 'responsiblePerson'] as const) {
    const id = item.safety[`${role}Id`];
    const what = role === 'manufacturer' ? 'manufacturer' : 'EU responsible person';
    if (item.safety[role]) continue;
    if (id) {
      const expected = partyIdExpected(id, Object.keys(config.productSafety.parties));
      add(role, 'error', 'gpsr-party-unknown', `${what} "${id}" is not a party in productSafety.parties (GPSR: the column holds a party id); ${expected}`, { value: id, expected });
    } else {
      add(role, 'error', role === 'manufacturer' ? 'gpsr-manufacturer' : 'gpsr-responsible-person', `no ${what} (GPSR): name a party in the ${role} column or in productSafety.brands`, { expected: `a party id of productSafety.parties` });
    }
  }
  const parties = [item.safety.manufacturer, item.safety.responsiblePerson];
  if (channelSellsInEu(config, channel) && parties.some(Boolean) && !hasEuParty(parties)) {
    add('responsiblePerson', 'error', 'gpsr-no-eu-party', 'neither the manufacturer nor the responsible person is in the EU (GPSR)', {
      value: [...new Set(parties.filter((p) => p !== undefined).map((p) => `${p.name} (${p.country})`))].join(', '),
      expected: 'a responsible person established in an EU country',
    });
  }
  if (!item.safety.warnings) add('safetyWarnings', 'warning', 'gpsr-warnings', 'no safety warnings (GPSR): required when the product has any', { expected: 'safety warnings, e.g. age limits' });

  if (limits.needsMappedCategory) {
    const section = config.channels[channel];
    const categories = section && 'categories' in section ? section.categories : {};
    const mapped = item.category !== undefined && Object.keys(categories).some((c) => foldWord(c) === foldWord(item.category!));
    const key = `channels.${channel}.categories`;
    if (!mapped) add('category', 'error', `${channel}-category-unmapped`, `category "${item.category ?? ''}" has no ${limits.name} category in ${key}`, { value: item.category ?? '', expected: `a ${key} entry` });
  }

  const pricing = config.channels[channel]?.pricing;
  if (columnHeader(config.stock, 'cost') && item.costMinor === undefined) {
    add('cost', 'error', 'cost-missing', 'no cost: the price floor cannot be computed', { expected: 'the purchase cost' });
  } else if (pricing && item.vatRate !== undefined && floorPrice(item.costMinor ?? 0, item.vatRate, pricing) === 'fees-exceed-revenue') {
    add(undefined, 'error', 'floor-impossible', 'fees take the whole net price: no price covers the cost', { key: `channels.${channel}.pricing.feePercent` });
  }
  return out;
}

/** The first error, as the reason a product is not a hook; undefined when it may be one. */
export function ineligibleReason(problems: readonly Problem[]): string | undefined {
  return problems.find((p) => p.severity === 'error')?.message;
}
