import { z } from 'zod';

/**
 * The config file's schema (contract: "Config"). It is the single source for the config
 * reference in the README and for `config/civetta.schema.json`; a test pins both to it.
 * Every key carries a `.describe()` that becomes its line in the reference.
 */

const fraction = (what: string) => z.number().min(0).max(1).describe(what);
const money = (what: string) => z.number().min(0).describe(`${what}, in the shop currency (e.g. 0.35)`);

export const PricingConfig = z
  .strictObject({
    markup: fraction('share added to the shop price (0.15 = +15%)').default(0),
    add: money('fixed amount added after the markup').default(0),
    floorMargin: fraction('margin over cost + fees below which a price is never pushed').default(0),
    feePercent: fraction("the marketplace's fee as a share of the selling price").default(0),
    feeFixed: money("the marketplace's fixed fee per sale").default(0),
    round: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .describe('price ending: 0.99 rounds up to x.99, 0.90 to x.90; omit to keep cents'),
  })
  .describe('how the channel price is computed from the shop price');

export const ChannelStockConfig = z
  .strictObject({
    reserve: z.int().min(0).default(0).describe('units kept for the shop floor, never offered online'),
    max: z.int().min(0).optional().describe('most units shown on the channel at once'),
    subtractOpenOrders: z
      .boolean()
      .default(true)
      .describe('subtract units in open marketplace orders (false if the till already records web sales)'),
  })
  .describe('how many units the channel is offered');

const environment = z.enum(['production', 'sandbox', 'simulator']);

export const AmazonConfig = z.strictObject({
  enabled: z.boolean().default(true),
  environment: environment.default('production'),
  region: z.enum(['na', 'eu', 'fe']).default('eu'),
  marketplaceIds: z.array(z.string().min(1)).min(1).describe('Amazon marketplace ids, e.g. APJ6JRA9NG5V4 for amazon.it'),
  sellerId: z.string().min(1).describe("the seller's merchant token (Seller Central → Account Info)"),
  currency: z.string().length(3).optional().describe('offer currency; defaults to shop.currency'),
  endpoint: z.url().optional().describe('SP-API base URL; defaults to the region and environment'),
  tokenEndpoint: z.url().optional().describe('LWA token URL; defaults to https://api.amazon.com/auth/o2/token'),
  pricing: PricingConfig.prefault({}),
  stock: ChannelStockConfig.prefault({}),
  condition: z.string().default('new_new').describe('Amazon condition_type of every offer'),
  delistBy: z.enum(['delete', 'zero']).default('delete').describe('end a listing by deleting it or by setting quantity 0'),
  feedThreshold: z.int().min(1).default(50).describe('above this many changes, one JSON_LISTINGS_FEED replaces per-item calls'),
  createProducts: z.boolean().default(false).describe('create new catalogue products for EANs Amazon does not know'),
});
export type AmazonConfig = z.infer<typeof AmazonConfig>;

const categoryTarget = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().min(1),
    aspects: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  }),
]);

export const EbayConfig = z.strictObject({
  enabled: z.boolean().default(true),
  environment: environment.default('production'),
  marketplaceId: z.string().default('EBAY_IT').describe('eBay marketplace id, e.g. EBAY_IT'),
  currency: z.string().length(3).optional().describe('offer currency; defaults to shop.currency'),
  endpoint: z.url().optional().describe('API base URL; defaults to the environment'),
  tokenEndpoint: z.url().optional().describe('OAuth token URL; defaults to the environment'),
  ruName: z.string().optional().describe('the RuName (redirect name) used by `civetta auth ebay`'),
  merchantLocationKey: z.string().min(1).max(36).describe('inventory location key of the shop'),
  location: z
    .strictObject({
      name: z.string(),
      addressLine1: z.string(),
      city: z.string(),
      postalCode: z.string(),
      country: z.string().length(2),
      phone: z.string().optional(),
    })
    .optional()
    .describe('the shop address, used to create the inventory location when it does not exist'),
  policies: z
    .strictObject({ fulfillment: z.string().min(1), payment: z.string().min(1), return: z.string().min(1) })
    .describe('business policy ids for this marketplace'),
  categories: z
    .record(z.string(), categoryTarget)
    .default({})
    .describe('shop category → eBay category id, with item aspects ("{field}" takes the product value)'),
  pricing: PricingConfig.prefault({}),
  stock: ChannelStockConfig.prefault({}),
  useCatalogProductDetails: z.boolean().default(false).describe("let eBay's catalogue replace the shop's title, pictures and aspects"),
});
export type EbayConfig = z.infer<typeof EbayConfig>;

const range = z.strictObject({ min: z.number().optional(), max: z.number().optional() });
const presence = z.enum(['present', 'absent']);

export const RuleConfig = z.strictObject({
  name: z.string().min(1),
  where: z
    .strictObject({
      category: z.array(z.string()).optional(),
      brand: z.array(z.string()).optional(),
      price: range.optional(),
      cost: range.optional(),
      margin: range.optional(),
      quantity: range.optional(),
      ean: presence.optional(),
      image: presence.optional(),
    })
    .default({}),
  rank: z.enum(['margin', 'quantity', 'price', '-price', 'sales']).default('margin'),
  take: z.int().min(1).optional(),
  channels: z.array(z.enum(['amazon', 'ebay'])).optional().describe('limit the rule to these channels'),
});
export type RuleConfig = z.infer<typeof RuleConfig>;

export const Config = z.strictObject({
  shop: z.strictObject({
    name: z.string().min(1),
    currency: z.string().length(3).default('EUR'),
    handlingDays: z.int().min(0).default(2).describe('working days to ship an order'),
  }),
  stock: z.strictObject({
    file: z.string().min(1).describe('the stock file, relative to the config file'),
    encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be']).default('auto'),
    delimiter: z.enum(['auto', ',', ';', '\t']).default('auto'),
    decimal: z.enum(['auto', '.', ',']).default('auto'),
    quote: z.enum(['auto', '"', 'none']).default('auto'),
    columns: z
      .strictObject({
        sku: z.string(),
        ean: z.string().optional(),
        title: z.string(),
        brand: z.string().optional(),
        category: z.string().optional(),
        price: z.string(),
        cost: z.string().optional(),
        quantity: z.string(),
        image: z.string().optional(),
        description: z.string().optional(),
        vat: z.string().optional(),
        manufacturer: z.string().optional(),
        responsiblePerson: z.string().optional(),
        safetyWarnings: z.string().optional(),
      })
      .describe("canonical field → header in the shop's file"),
    maxBadRowsPercent: z.number().min(0).max(100).default(10).describe('refuse the file when more rows are bad'),
  }),
  vat: z
    .strictObject({
      default: fraction('VAT rate when neither the file nor a category says').optional(),
      categories: z.record(z.string(), fraction('VAT rate')).default({}),
    })
    .prefault({})
    .describe('VAT rates per shop category (22%, 10%, 4% for books)'),
  productSafety: z
    .strictObject({
      brands: z
        .record(
          z.string(),
          z.strictObject({
            manufacturer: z.string().optional(),
            responsiblePerson: z.string().optional(),
            warnings: z.string().optional(),
          }),
        )
        .default({}),
    })
    .prefault({})
    .describe('EU product-safety (GPSR) data per brand, when the stock file lacks it'),
  hooks: z.strictObject({
    limit: z.int().min(0).default(40).describe('most hooks per channel'),
    include: z.array(z.string()).default([]).describe('SKUs always selected'),
    exclude: z.array(z.string()).default([]).describe('SKUs never selected'),
    keepMargin: z.int().min(0).default(5).describe('a hook stays until it falls this many places below the cut'),
    rules: z.array(RuleConfig).default([]),
  }),
  channels: z
    .strictObject({ amazon: AmazonConfig.optional(), ebay: EbayConfig.optional() })
    .prefault({}),
  sync: z
    .strictObject({
      quantityDeadBand: z.int().min(0).default(2).describe('skip upward quantity moves smaller than this (never a drop, never a sell-out)'),
      maxRevisionsPerDay: z
        .strictObject({ amazon: z.int().min(1).default(48), ebay: z.int().min(1).max(250).default(200) })
        .prefault({})
        .describe('most revisions of one listing per day (eBay allows 250)'),
    })
    .prefault({}),
  ledger: z.string().default('./civetta.db').describe('the SQLite ledger, relative to the config file'),
  safety: z
    .strictObject({
      maxDelistPercent: z.number().min(0).max(100).default(25).describe('refuse a sync that would end more of the live listings'),
      maxPriceChangePercent: z.number().min(0).default(40).describe('refuse a sync that would move a price by more'),
      minStockRowsPercent: z.number().min(0).max(100).default(80).describe('refuse a stock file shorter than this share of the last accepted one'),
    })
    .prefault({}),
  orders: z
    .strictObject({
      overlapMinutes: z.int().min(0).default(30).describe('re-read this much before the cursor, for late-visible orders'),
      piiRetentionDays: z.int().min(0).default(30).describe('days after shipment buyer data is kept'),
      firstPullDays: z.int().min(1).default(30).describe('how far back the first pull reaches'),
    })
    .prefault({}),
});
export type Config = z.infer<typeof Config>;
