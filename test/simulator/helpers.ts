import type { Simulator } from '../../src/simulator/index.js';

export const AMZ_MP = 'APJ6JRA9NG5V4';
export const SELLER = 'A1CIVETTASIM';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert the parsed JSON field by field with exact expectations; a loose type keeps them readable.
  body: any;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

export async function amazonToken(sim: Simulator, overrides: Record<string, string> = {}): Promise<Answer> {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: 'Atzr|civetta-simulator',
    client_id: 'amzn1.application-oa2-client.civetta-simulator',
    client_secret: 'civetta-simulator-secret',
    ...overrides,
  });
  return call(sim.endpoints.amazon.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: form.toString(),
  });
}

export async function amazonAccess(sim: Simulator): Promise<string> {
  const t = await amazonToken(sim);
  return t.body.access_token as string;
}

export function amz(sim: Simulator, token: string | undefined) {
  return (method: string, path: string, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (token) headers['x-amz-access-token'] = token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return call(`${sim.endpoints.amazon.endpoint}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
}

export async function ebayToken(sim: Simulator, opts: { id?: string; secret?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const basic = Buffer.from(`${opts.id ?? 'civetta-simulator'}:${opts.secret ?? 'civetta-simulator-secret'}`).toString('base64');
  return call(sim.endpoints.ebay.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    body: new URLSearchParams(opts.form ?? { grant_type: 'refresh_token', refresh_token: 'v^1.1#civetta-simulator' }).toString(),
  });
}

export async function ebayAccess(sim: Simulator): Promise<string> {
  const t = await ebayToken(sim);
  return t.body.access_token as string;
}

export function eb(sim: Simulator, token: string | undefined, lang: string | null = 'it-IT') {
  return (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...extra };
    if (token) headers.authorization = `Bearer ${token}`;
    if (lang) headers['content-language'] = lang;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return call(`${sim.endpoints.ebay.endpoint}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
}

/** The offer-only PUT body of reference/amazon-sp-api.md §4 for a given ASIN. */
export function offerOnlyBody(asin: string, price = 24.9, quantity = 3) {
  return {
    productType: 'PRODUCT',
    requirements: 'LISTING_OFFER_ONLY',
    attributes: {
      merchant_suggested_asin: [{ value: asin, marketplace_id: AMZ_MP }],
      condition_type: [{ value: 'new_new', marketplace_id: AMZ_MP }],
      purchasable_offer: [{ marketplace_id: AMZ_MP, currency: 'EUR', audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: price }] }] }],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
    },
  };
}

/** The inventory item of reference/ebay-sell-api.md §5 (category 183446 needs Marca). */
export const ITEM = {
  condition: 'NEW',
  availability: { shipToLocationAvailability: { quantity: 3 } },
  packageWeightAndSize: { weight: { value: 0.4, unit: 'KILOGRAM' } },
  product: {
    title: 'Set costruzioni Stazione di Polizia 60316',
    description: 'Set nuovo, scatola sigillata.',
    aspects: { Marca: ['LEGO'] },
    ean: ['5702016617313'],
    imageUrls: ['https://negozio.example/img/60316.jpg'],
  },
};

const POLICIES = { fulfillmentPolicyId: '6200000001', paymentPolicyId: '6200000002', returnPolicyId: '6200000003' };

/** A createOffer body that can be published once the location `negozio` exists. */
export function offerBody(sku: string, price = '24.90', availableQuantity = 3) {
  return {
    sku, marketplaceId: 'EBAY_IT', format: 'FIXED_PRICE', listingDuration: 'GTC', availableQuantity, categoryId: '183446',
    merchantLocationKey: 'negozio', includeCatalogProductDetails: false, listingPolicies: POLICIES,
    pricingSummary: { price: { value: price, currency: 'EUR' } },
  };
}

export const LOCATION = {
  name: 'Negozio', locationTypes: ['WAREHOUSE'], merchantLocationStatus: 'ENABLED', phone: '+39 051 000000',
  location: { address: { addressLine1: 'Via Roma 12', city: 'Bologna', postalCode: '40121', country: 'IT' } },
};
