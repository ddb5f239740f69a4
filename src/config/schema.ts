import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isKnownTimeZone } from '../domain/shop-day.js';

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

const environment = z
  .enum(['production', 'sandbox', 'simulator'])
  .describe('production: the live marketplace; sandbox: its test system; simulator: `civetta simulator` (endpoint and tokenEndpoint required)');
const enabled = z.boolean().describe('false keeps the channel configured but untouched by every command');

/** The listings model's condition values (ItemSummaryByMarketplace.conditionType in listingsItems_2021-08-01.json). */
const AMAZON_CONDITIONS = [
  'new_new',
  'new_open_box',
  'new_oem',
  'refurbished_refurbished',
  'used_like_new',
  'used_very_good',
  'used_good',
  'used_acceptable',
  'collectible_like_new',
  'collectible_very_good',
  'collectible_good',
  'collectible_acceptable',
  'club_club',
] as const;

export const AmazonConfig = z.strictObject({
  enabled: enabled.default(true),
  environment: environment.default('production'),
  region: z.enum(['na', 'eu', 'fe']).default('eu').describe('SP-API region: eu for amazon.it and the other EU stores'),
  // At most 50: searchOrders' `marketplaceIds` maxItems (orders_2026-01-01.json), where all of them are sent.
  marketplaceIds: z.array(z.string().min(1)).min(1).max(50).describe('Amazon marketplace ids, e.g. APJ6JRA9NG5V4 for amazon.it'),
  sellerId: z.string().min(1).describe("the seller's merchant token (Seller Central → Account Info)"),
  currency: z.string().length(3).optional().describe('offer currency; defaults to shop.currency'),
  endpoint: z.url().optional().describe('SP-API base URL; defaults to the region and environment'),
  tokenEndpoint: z.url().optional().describe('LWA token URL; defaults to https://api.amazon.com/auth/o2/token'),
  pricing: PricingConfig.prefault({}),
  stock: ChannelStockConfig.prefault({}),
  condition: z.enum(AMAZON_CONDITIONS).default('new_new').describe('Amazon condition_type of every offer'),
  delistBy: z.enum(['delete', 'zero']).default('delete').describe('end a listing by deleting it or by setting quantity 0'),
  // Measured by `npm run bench` (amazon feed vs items): per-item calls at 5 req/s beat a feed's
  // ~2-3 minutes of processing up to about 850 changes (400: 102 s vs 195 s; 1500: 384 s vs 218 s).
  feedThreshold: z.int().min(1).default(800).describe('above this many changes, one JSON_LISTINGS_FEED replaces per-item calls (per-item is faster below ~850)'),
  createProducts: z.boolean().default(false).describe('create new catalogue products for EANs Amazon does not know'),
});
export type AmazonConfig = z.infer<typeof AmazonConfig>;

const categoryTarget = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().min(1).describe('eBay leaf category id'),
    aspects: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}).describe('item aspects; "{field}" takes the product value'),
  }),
]);

export const EbayConfig = z.strictObject({
  enabled: enabled.default(true),
  environment: environment.default('production'),
  marketplaceId: z.string().default('EBAY_IT').describe('eBay marketplace id, e.g. EBAY_IT'),
  currency: z.string().length(3).optional().describe('offer currency; defaults to shop.currency'),
  endpoint: z.url().optional().describe('API base URL; defaults to the environment'),
  tokenEndpoint: z.url().optional().describe('OAuth token URL; defaults to the environment'),
  ruName: z.string().optional().describe('the RuName (redirect name) used by `civetta auth ebay`'),
  merchantLocationKey: z.string().min(1).max(36).describe('inventory location key of the shop'),
  location: z
    .strictObject({
      name: z.string().describe('shop name on the location'),
      addressLine1: z.string().describe('street and number'),
      city: z.string().describe('city'),
      postalCode: z.string().describe('postal code'),
      country: z.string().length(2).describe('ISO country code, e.g. IT'),
      phone: z.string().optional().describe('shop phone'),
    })
    .optional()
    .describe('the shop address, used to create the inventory location when it does not exist'),
  policies: z
    .strictObject({
      fulfillment: z.string().min(1).describe('fulfillment (shipping) policy id'),
      payment: z.string().min(1).describe('payment policy id'),
      return: z.string().min(1).describe('return policy id'),
    })
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

const range = (what: string) =>
  z
    .strictObject({
      min: z.number().optional().describe(`lowest ${what} (inclusive)`),
      max: z.number().optional().describe(`highest ${what} (inclusive)`),
    })
    .optional();
const presence = (what: string) => z.enum(['present', 'absent']).optional().describe(`whether the product must have ${what} or lack one`);

export const RuleConfig = z.strictObject({
  name: z.string().min(1).describe("the rule's name, shown as the reason a product is a hook"),
  where: z
    .strictObject({
      category: z.array(z.string()).optional().describe('shop categories (case and accents do not matter)'),
      brand: z.array(z.string()).optional().describe('brands (case and accents do not matter)'),
      price: range('shop price, VAT included, in currency units').describe('shop price range, VAT included'),
      cost: range('purchase cost, in currency units').describe('purchase cost range'),
      margin: range('margin, 0.25 = 25%').describe('margin range: (price without VAT − cost) / price without VAT'),
      quantity: range('stock quantity').describe("stock quantity range; its minimum chooses new hooks: a hook already listed that sells below it stays, sells what is left and waits for stock (channels.*.stock.reserve keeps units for the shop floor)"),
      ean: presence('an EAN'),
      image: presence('an image'),
    })
    .default({})
    .describe('conditions a product must meet, all of them; none = every product'),
  rank: z
    .enum(['margin', 'quantity', 'price', '-price', 'sales'])
    .default('margin')
    .describe('best first: highest margin, quantity, price or units sold; -price = cheapest first; ties by SKU'),
  take: z.int().min(1).optional().describe('most products this rule selects (default: up to hooks.limit)'),
  channels: z.array(z.enum(['amazon', 'ebay'])).optional().describe('limit the rule to these channels'),
});
export type RuleConfig = z.infer<typeof RuleConfig>;

/**
 * A GPSR party (manufacturer or EU responsible person). Lengths are eBay's limits on
 * Manufacturer / ResponsiblePerson (sell_inventory_v1_oas3.json); the country code, a contact
 * and an EU party per brand are checked by src/config/product-safety-rules.ts.
 */
const SafetyParty = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('company name'),
  street: z.string().trim().min(1).max(180).describe('street and number'),
  city: z.string().trim().min(1).max(64).describe('city'),
  postalCode: z.string().trim().min(1).max(9).describe('postal code'),
  country: z.string().trim().toUpperCase().describe('ISO 3166 alpha-2 country code, e.g. IT'),
  email: z.string().trim().min(3).max(180).optional().describe('e-mail address (Amazon needs one)'),
  phone: z.string().trim().min(1).max(64).optional().describe('phone number'),
  url: z.string().trim().min(1).max(250).optional().describe('contact page URL'),
}).describe('a GPSR party: name, street, city, postalCode, country, and an email, phone or url');
export type SafetyPartyConfig = z.infer<typeof SafetyParty>;

/** A party named by its id in `productSafety.parties`, or written out in place. */
const PartyRef = z.union([z.string().min(1), SafetyParty]);

/*
 * The stock file: where it is, how to read it, and which export it is (issue 13). `format`
 * picks a preset (src/config/stock-formats.ts) that supplies columns, price basis and dialect hints;
 * every key written here wins over the preset.
 */
const column = (what: string) => z.string().min(1).optional().describe(`header of the ${what}`);
export const STOCK_FORMATS = ['generic', 'shopify', 'woocommerce', 'prestashop', 'lightspeed-x', 'odoo', 'magento', 'danea'] as const;
export type StockFormat = (typeof STOCK_FORMATS)[number];
const REQUIRED_COLUMNS = ['sku', 'title', 'price', 'quantity'] as const;

export const StockConfig = z
  .strictObject({
    file: z.string().min(1).describe('the stock file, relative to the config file'),
    format: z
      .enum(STOCK_FORMATS)
      .default('generic')
      .describe("the export the file is (see \"Stock file formats\"): columns, price basis, variants; generic = only stock.columns"),
    encoding: z
      .enum(['auto', 'utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be'])
      .default('auto')
      .describe('text encoding; auto tells UTF-8 (with or without BOM), UTF-16 and Windows-1252 apart'),
    delimiter: z.enum(['auto', ',', ';', '\t']).default('auto').describe('field separator; auto takes the format\'s, else picks from the first lines'),
    decimal: z.enum(['auto', '.', ',']).default('auto').describe('decimal mark of prices; auto takes the format\'s, else decides from the values'),
    quote: z.enum(['auto', '"', 'none']).default('auto').describe('auto reads quoted values and tolerates a bare " inside one (15")'),
    priceIncludesVat: z
      .boolean()
      .optional()
      .describe("true: the file's prices include VAT; false: they are net and the product's VAT rate is added (to the cent, half up). Default: the format's, else true"),
    columns: z
      .strictObject({
        sku: column('product code (SKU) column'),
        ean: column('EAN/GTIN column'),
        title: column('product name column'),
        brand: column('brand column'),
        category: column('category column'),
        price: column('retail price column (VAT included unless stock.priceIncludesVat is false)'),
        cost: column('purchase cost column (VAT excluded): needed for margins and floors'),
        quantity: z
          .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
          .optional()
          .describe('header of the stock quantity column, or a list of headers summed (one per outlet; a negative outlet counts 0); "inventory_*" takes every header so starting'),
        image: column('image URL column (several URLs separated by | or ,)'),
        description: column('description column'),
        vat: column('VAT rate column (22, 22%, 0.22, or a code of vat.aliases)'),
        salePrice: column('sale price column, used instead of the price while the sale runs'),
        saleFrom: column('sale\'s first day column (2026-12-01 or 01/12/2026); empty = already started'),
        saleTo: column('sale\'s last day column; empty = no end'),
        manufacturer: column('manufacturer column: a party id of productSafety.parties (GPSR)'),
        responsiblePerson: column('EU responsible person column: a party id of productSafety.parties (GPSR)'),
        safetyWarnings: column('safety warnings column (GPSR)'),
      })
      .default({})
      .describe("canonical field → header in the shop's file; each key overrides the format's"),
    filter: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]))
      .default({})
      .describe('rows kept before any rule: { <field or header>: value or [values] }, all must match (case and accents do not matter), e.g. { Status: active }'),
    maxBadRowsPercent: z.number().min(0).max(100).default(10).describe('refuse the file when more rows are bad'),
    imageBaseUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        "the URL image paths in the file are under (Magento: https://<your shop>/media/catalog/product, where base_image /m/a/maglia.jpg lives); without it such paths are ignored and counted",
      ),
  })
  .superRefine(
    (stock, ctx) => {
      const value = stock as { format?: unknown; columns?: Record<string, unknown> };
      if ((value.format ?? 'generic') !== 'generic') return;
      for (const key of REQUIRED_COLUMNS) {
        if (value.columns?.[key] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['columns', key], message: 'text: the header of this column (stock.format generic reads only stock.columns), or stock.format set to your export' });
        }
      }
    },
    // Reported with the section's other mistakes, not only once they are fixed.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .describe("the shop's stock file and how to read it");
export type StockConfig = z.infer<typeof StockConfig>;

export const Config = z.strictObject({
  shop: z.strictObject({
    name: z.string().min(1).describe("the shop's name"),
    currency: z.string().length(3).default('EUR').describe('ISO currency of the stock file prices'),
    handlingDays: z.int().min(0).default(2).describe('working days to ship an order'),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { message: 'an IANA time zone such as Europe/Rome' })
      .default(DEFAULT_TIME_ZONE)
      .describe("the shop's time zone (IANA name), in which its calendar days are counted (order exports)"),
  }).describe('the shop'),
  stock: StockConfig,
  vat: z
    .strictObject({
      default: fraction('VAT rate when neither the file nor a category says').optional(),
      categories: z.record(z.string(), fraction('VAT rate')).default({}).describe('shop category → VAT rate, e.g. Libri: 0.04'),
      aliases: z
        .record(z.string(), fraction('VAT rate'))
        .default({})
        .describe('code in the VAT column → rate, e.g. { R17: 0.22, "22%": 0.22, "1": 0.22 } (case does not matter)'),
    })
    .prefault({})
    .describe('VAT rates per shop category (22%, 10%, 4% for books)'),
  productSafety: z
    .strictObject({
      parties: z
        .record(z.string().min(1), SafetyParty)
        .default({})
        .describe('party id → a manufacturer or EU responsible person, named by id in brands and in the stock columns'),
      brands: z
        .record(
          z.string(),
          z.strictObject({
            manufacturer: PartyRef.optional().describe('the manufacturer: a party id or a party'),
            responsiblePerson: PartyRef.optional().describe('the EU responsible person: a party id or a party'),
            warnings: z.string().optional().describe('safety warnings, e.g. age limits'),
          }),
        )
        .default({})
        .describe('brand → GPSR parties and warnings, for rows that name none (brand matched regardless of case)'),
    })
    .prefault({})
    .describe('EU product-safety (GPSR) data: the parties, and per brand who makes the product and who answers for it in the EU'),
  hooks: z.strictObject({
    limit: z.int().min(0).default(40).describe('most hooks per channel'),
    include: z.array(z.string()).default([]).describe('SKUs always selected'),
    exclude: z.array(z.string()).default([]).describe('SKUs never selected'),
    keepMargin: z.int().min(0).default(5).describe('a hook stays until it falls this many places below the cut'),
    deadBandMaxHours: z
      .number()
      .min(0)
      .default(24)
      .describe('a quantity move held back by sync.quantityDeadBand is sent once it has waited this long, so no listing stays off its target longer'),
    missingGraceHours: z
      .number()
      .min(0)
      .default(24)
      .describe(
        'a hook missing from the stock file is offered at quantity 0 this long (keeping its slot) before it is delisted and replaced; back within it, it is restored as it was',
      ),
    rules: z.array(RuleConfig).default([]).describe('hook rules, in order: a product goes to the first rule that takes it'),
  }).describe('which products become hooks'),
  channels: z
    .strictObject({
      amazon: AmazonConfig.optional().describe('Amazon (SP-API) settings; omit to not sell on Amazon'),
      ebay: EbayConfig.optional().describe('eBay (Sell APIs) settings; omit to not sell on eBay'),
    })
    .prefault({})
    .describe('the marketplaces'),
  sync: z
    .strictObject({
      quantityDeadBand: z.int().min(0).default(2).describe('skip upward quantity moves smaller than this (never a drop, never a sell-out)'),
      maxRevisionsPerDay: z
        .strictObject({
          amazon: z.int().min(1).default(48).describe('Amazon revisions per listing per day'),
          ebay: z.int().min(1).max(250).default(200).describe('eBay revisions per listing per day, counted per call (a content update is 2); eBay allows 250'),
        })
        .prefault({})
        .describe("most revisions of one listing per day (the shop's day, shop.timeZone; eBay allows 250); a quantity drop may still go, alone, up to that cap"),
    })
    .prefault({})
    .describe('how sync compares and pushes changes'),
  ledger: z.string().default('./civetta.db').describe('the SQLite ledger, relative to the config file'),
  safety: z
    .strictObject({
      maxDelistPercent: z.number().min(0).max(100).default(25).describe('refuse a sync that would end more of the live listings'),
      maxPriceChangePercent: z.number().min(0).default(40).describe('refuse a sync that would move a price by more'),
      minStockRowsPercent: z
        .number()
        .min(0)
        .max(100)
        .default(90)
        .describe(
          'refuse a stock file shorter than this share of the last accepted one (90: a real distributor list published every few hours moved under 5% from one file to the next, so a 10% drop is a broken file, not the shop)',
        ),
    })
    .prefault({})
    .describe('safety guards: a sync stops (exit 4) before any remote write; --force-guard NAME overrides one for one run'),
  orders: z
    .strictObject({
      overlapMinutes: z.int().min(0).default(30).describe('re-read this much before the cursor, for late-visible orders'),
      piiRetentionDays: z.int().min(0).default(30).describe('days after shipment buyer data is kept'),
      firstPullDays: z.int().min(1).default(30).describe('how far back the first pull reaches'),
    })
    .prefault({})
    .describe('order pulls and buyer-data retention'),
});
export type Config = z.infer<typeof Config>;
