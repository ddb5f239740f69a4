import { createHash } from 'node:crypto';
import { invalidInput } from './amazon-errors.js';
import { json, listParam, type Route } from './http-types.js';
import { AMAZON_MARKETPLACES } from './marketplaces.js';
import type { CatalogEntry } from './options.js';
import type { SimState } from './state.js';

export function isValidEan13(ean: string): boolean {
  if (!/^\d{13}$/.test(ean)) return false;
  const digits = [...ean].map(Number);
  const sum = digits.slice(0, 12).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/** Deterministic ASIN for autoCatalog: "B0" + 8 base-36 characters of the EAN's SHA-1. */
export function autoAsin(ean: string): string {
  const n = BigInt(`0x${createHash('sha1').update(ean).digest('hex').slice(0, 16)}`);
  return `B0${n.toString(36).toUpperCase().padStart(8, '0').slice(-8)}`;
}

function autoEntry(ean: string): CatalogEntry {
  return { ean, asin: autoAsin(ean), title: `Prodotto ${ean}`, brand: 'Generico', productType: 'PRODUCT' };
}

export function catalogByEan(state: SimState, ean: string): CatalogEntry[] {
  const found = state.amazon.catalog.filter((c) => c.ean === ean);
  if (found.length > 0 || !state.amazon.autoCatalog || !isValidEan13(ean)) return found;
  return [autoEntry(ean)];
}

/**
 * Products carrying a 12-digit UPC: the entry's own `upc`, or an EAN-13 that is the UPC with a
 * leading 0 (the same GTIN). Amazon finds them only with `identifiersType=UPC`.
 */
function catalogByUpc(state: SimState, upc: string): CatalogEntry[] {
  if (!/^\d{12}$/.test(upc)) return [];
  return state.amazon.catalog.filter((c) => c.upc === upc || c.ean === `0${upc}`);
}

/** The UPC of an entry, when it has one. */
function upcOf(e: CatalogEntry): string | undefined {
  return e.upc ?? (/^0\d{12}$/.test(e.ean) ? e.ean.slice(1) : undefined);
}

/** Whether an ASIN exists in the simulated catalogue (under autoCatalog any well-formed B0 ASIN does). */
export function catalogByAsin(state: SimState, asin: string): CatalogEntry | undefined {
  const found = state.amazon.catalog.find((c) => c.asin === asin);
  if (found) return found;
  if (state.amazon.autoCatalog && /^B0[0-9A-Z]{8}$/.test(asin)) {
    return { ean: '', asin, title: `Prodotto ${asin}`, brand: 'Generico', productType: 'PRODUCT' };
  }
  return undefined;
}

const INCLUDED = new Set(['attributes', 'classifications', 'dimensions', 'identifiers', 'images', 'productTypes', 'relationships', 'salesRanks', 'summaries', 'vendorDetails']);

function itemView(e: CatalogEntry, marketplaceId: string, included: string[]): Record<string, unknown> {
  const item: Record<string, unknown> = { asin: e.asin };
  if (included.includes('summaries')) item.summaries = [{ marketplaceId, brand: e.brand, itemName: e.title }];
  if (included.includes('identifiers')) {
    const upc = upcOf(e);
    item.identifiers = [{
      marketplaceId,
      identifiers: [
        ...(e.ean ? [{ identifierType: 'EAN', identifier: e.ean }] : []),
        ...(upc ? [{ identifierType: 'UPC', identifier: upc }] : []),
      ],
    }];
  }
  if (included.includes('productTypes')) item.productTypes = [{ marketplaceId, productType: e.productType }];
  if (included.includes('attributes')) {
    item.attributes = { item_name: [{ value: e.title, marketplace_id: marketplaceId }], brand: [{ value: e.brand, marketplace_id: marketplaceId }] };
  }
  return item;
}

/** GET /catalog/2022-04-01/items (searchCatalogItems) by EAN/GTIN/ASIN identifiers or keywords. */
export function amazonCatalogRoutes(state: SimState): Route[] {
  return [
    {
      service: 'amazon', method: 'GET', pattern: '/catalog/2022-04-01/items', operation: 'searchCatalogItems', write: false, auth: true,
      handler(req) {
        const q = req.query;
        const marketplaces = listParam(q, 'marketplaceIds');
        if (marketplaces.length === 0) return invalidInput("Missing required 'marketplaceIds' parameter.");
        if (marketplaces.length > 1) return invalidInput("'marketplaceIds' must contain exactly 1 value.");
        const marketplaceId = marketplaces[0] ?? '';
        if (!AMAZON_MARKETPLACES[marketplaceId]) return invalidInput(`Invalid 'marketplaceIds' provided: ${marketplaceId}.`);
        const identifiers = listParam(q, 'identifiers');
        const keywords = listParam(q, 'keywords');
        if (identifiers.length > 0 && keywords.length > 0) return invalidInput("Cannot use 'identifiers' and 'keywords' together.");
        if (identifiers.length === 0 && keywords.length === 0) return invalidInput("Either 'identifiers' or 'keywords' must be provided.");
        if (identifiers.length > 20) return invalidInput("'identifiers' must contain at most 20 values.");
        const type = q.get('identifiersType');
        if (identifiers.length > 0 && !type) return invalidInput("'identifiersType' is required when 'identifiers' is provided.");
        if (type && !['ASIN', 'EAN', 'GTIN', 'ISBN', 'JAN', 'MINSAN', 'SKU', 'UPC'].includes(type)) return invalidInput(`Invalid 'identifiersType': ${type}.`);
        const pageSize = q.get('pageSize') === null ? 10 : Number(q.get('pageSize'));
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20) return invalidInput("'pageSize' must be between 1 and 20.");
        const included = listParam(q, 'includedData');
        if (included.some((d) => !INCLUDED.has(d))) return invalidInput('Invalid includedData value.');
        const want = included.length > 0 ? included : ['summaries'];
        let found: CatalogEntry[] = [];
        if (identifiers.length > 0) {
          for (const id of identifiers) {
            if (type === 'ASIN') {
              const e = catalogByAsin(state, id);
              if (e) found.push(e);
            } else if (type === 'EAN') {
              // EAN-13 or EAN-8; a 12-digit UPC is not an EAN and finds nothing as one.
              if (/^(\d{8}|\d{13})$/.test(id)) found.push(...catalogByEan(state, id));
            } else if (type === 'GTIN') {
              found.push(...catalogByEan(state, id.length === 14 && id.startsWith('0') ? id.slice(1) : id));
            } else if (type === 'UPC') {
              found.push(...catalogByUpc(state, id));
            }
          }
        } else {
          const words = keywords.map((k) => k.toLowerCase());
          found = state.amazon.catalog.filter((c) => words.some((w) => c.title.toLowerCase().includes(w)));
        }
        const page = found.slice(0, pageSize);
        const brands = new Map<string, number>();
        for (const e of found) brands.set(e.brand, (brands.get(e.brand) ?? 0) + 1);
        return json(200, {
          numberOfResults: found.length,
          pagination: {},
          refinements: { brands: [...brands].map(([brandName, numberOfResults]) => ({ numberOfResults, brandName })), classifications: [] },
          items: page.map((e) => itemView(e, marketplaceId, want)),
        });
      },
    },
  ];
}
