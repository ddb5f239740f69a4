/**
 * The exports civetta knows by name (`stock.format`): for each, the columns it maps, whether
 * its prices include VAT, its dialect, and how it writes products with variants (the row
 * layout). Each preset cites the vendor page its headers come from; the fixtures in
 * fixtures/formats/ are built from the same pages. Pure data and one merge; the stock reader
 * (src/stock) applies what it resolves to.
 */
import type { StockField } from '../domain/stock-item.js';
import type { StockConfig, StockFormat } from './schema.js';

/**
 * The columns to read: canonical field → header as the shop's file writes it. `quantity` may
 * be a list of headers (summed), and a header ending in `*` takes every header so starting.
 */
export type ColumnsOption = Partial<Record<Exclude<StockField, 'quantity'>, string>> & {
  sku: string;
  title: string;
  price: string;
  quantity: string | readonly string[];
};

/** Header → other names the same export writes it under (a format's older headers). */
export type HeaderAliases = Readonly<Record<string, readonly string[]>>;

/**
 * How an export writes a product with variants. Headers named here are looked up like mapped
 * columns (aliases included); a layout column missing from the file turns that rule off.
 */
export interface RowLayout {
  /** Rows sharing this column's value are one product's variants; the first carries the product fields. */
  groupBy?: string;
  /** A blank value in this column continues the product of the row above (Odoo's one2many lines). */
  continueOnBlank?: string;
  /** A variant names its parent here ("id:105" or the parent's SKU); `keys` are the parent's own names for itself. */
  parentRef?: { column: string; keys: readonly { column: string; prefix: string }[] };
  /** A row whose column holds one of these values is only a parent: no stock of its own, never a product. */
  parentWhen?: { column: string; values: readonly string[] };
  /** A parent row lists its variants as `sku=…,color=…,size=…|sku=…` (Magento configurable_variations). */
  variantList?: string;
  /** Columns holding a variant's option values (Shopify Option1 Value…). */
  options?: readonly string[];
  /** One column holding "Attribute: value, Attribute: value" (Odoo's Variant Values). */
  optionPairs?: string;
  /** Option values that mean "no option" (Shopify's "Default Title"). */
  noOption?: readonly string[];
  /** A row with a value here is not a product but an override of one (Magento store views). */
  skipWhenSet?: string;
  /** A variant's own name is generated ("Maglia-Blu-S"): it takes its parent's title instead. */
  titleFromParent?: boolean;
  /**
   * A row whose column holds one of these values may be a variant listed by a parent further
   * down (`variantList`): it waits for it, so grouping does not depend on row order.
   */
  awaitParentWhen?: { column: string; values: readonly string[] };
  /** A second image column whose images follow the mapped one's (Magento additional_images). */
  moreImages?: string;
}

/** What a preset sets; every key of the config's `stock` section wins over it. */
export interface FormatPreset {
  /** The vendor page the headers and rules come from. */
  source: string;
  /** One line for the config reference and `civetta init`. */
  summary: string;
  /** The file name the export is usually saved under, for `civetta init --format`. */
  file: string;
  columns: Partial<ColumnsOption>;
  priceIncludesVat: boolean;
  /**
   * A price header that says its prices include VAT (Danea writes "Listino 1 (ivato)" when the
   * shop's lists include VAT, "Listino 1" when they are net): matched, the prices are read
   * with VAT included whatever `priceIncludesVat` above says, unless the config sets it.
   */
  grossPriceHeader?: RegExp;
  /**
   * The decimal mark of a machine-written export (always "."): a vote of amounts can be
   * fooled by a file of round prices. Tills and spreadsheets keep `auto`.
   */
  decimal?: '.' | ',';
  aliases?: HeaderAliases;
  layout?: RowLayout;
  /** Commented lines `civetta init --format` adds under `stock:` (filters, outlet lists). */
  initHints?: readonly string[];
  /** What validate says to do when a net price has no VAT rate: how this export gives one. */
  vatFix?: string;
}

export const FORMAT_PRESETS: Readonly<Record<Exclude<StockFormat, 'generic'>, FormatPreset>> = {
  // Shopify product CSV: help.shopify.com/en/manual/products/import-export/using-csv (the
  // "product CSV description table"). One row per variant sharing the URL handle; product
  // fields only on the handle's first row; later rows with only an image URL are the
  // product's extra images. Exports before 2024 wrote the older names given as aliases.
  // Prices: whatever the store's "All prices include tax" setting says; Italian stores
  // include VAT, so true.
  shopify: {
    source: 'https://help.shopify.com/en/manual/products/import-export/using-csv',
    summary: 'Shopify product CSV (Products → Export); variants grouped by URL handle',
    file: 'products_export_1.csv',
    columns: {
      sku: 'SKU',
      ean: 'Barcode',
      title: 'Title',
      brand: 'Vendor',
      category: 'Type',
      price: 'Price',
      cost: 'Cost per item',
      quantity: 'Inventory quantity',
      image: 'Product image URL',
      description: 'Description',
    },
    aliases: {
      SKU: ['Variant SKU'],
      Barcode: ['Variant Barcode'],
      Price: ['Variant Price'],
      'Inventory quantity': ['Variant Inventory Qty'],
      'Product image URL': ['Image Src'],
      Description: ['Body (HTML)'],
      'URL handle': ['Handle'],
      'Option1 value': ['Option1 Value'],
      'Option2 value': ['Option2 Value'],
      'Option3 value': ['Option3 Value'],
      Status: ['Status'],
    },
    priceIncludesVat: true,
    decimal: '.',
    layout: {
      groupBy: 'URL handle',
      options: ['Option1 value', 'Option2 value', 'Option3 value'],
      noOption: ['Default Title'],
    },
    initHints: ['filter: { Status: active }         # leave out draft and archived products'],
  },
  // WooCommerce built-in exporter: github.com/woocommerce/woocommerce/wiki/Product-CSV-Importer-&-Exporter
  // (CSV columns and formatting). A variable product's row has no price or stock; each
  // variation row names it in Parent ("id:105" or its SKU) and leaves categories, images and
  // brand empty. Sale price with "Date sale price starts/ends". Prices as entered in the shop
  // ("Prices entered with tax": Italian shops say yes).
  woocommerce: {
    source: 'https://github.com/woocommerce/woocommerce/wiki/Product-CSV-Importer-&-Exporter',
    summary: 'WooCommerce product export (Products → Export, all columns); variations joined to their parent',
    file: 'wc-product-export.csv',
    columns: {
      sku: 'SKU',
      ean: 'GTIN, UPC, EAN, or ISBN',
      title: 'Name',
      brand: 'Brands',
      category: 'Categories',
      price: 'Regular price',
      salePrice: 'Sale price',
      saleFrom: 'Date sale price starts',
      saleTo: 'Date sale price ends',
      quantity: 'Stock',
      image: 'Images',
      description: 'Short description',
    },
    priceIncludesVat: true,
    decimal: '.',
    layout: {
      parentRef: { column: 'Parent', keys: [{ column: 'ID', prefix: 'id:' }, { column: 'SKU', prefix: '' }] },
      parentWhen: { column: 'Type', values: ['variable'] },
      options: ['Attribute 1 value(s)', 'Attribute 2 value(s)', 'Attribute 3 value(s)'],
    },
    initHints: ['filter: { Published: 1 }           # leave out drafts (-1) and private products (0)'],
  },
  // PrestaShop products CSV as its importer reads it: doc.prestashop.com "CSV Import Parameters"
  // and the field list of Advanced Parameters → Import → Products, whose labels are
  // PrestaShop/PrestaShop src/Core/Import/EntityField/Provider/ProductFieldsProvider.php (Name,
  // Price tax excluded, Tax rule ID, Cost price, Brand, Reference #, EAN13, Quantity, Summary,
  // Image URLs (x,y,z...)); 1.6/1.7 files wrote Name *, Wholesale price, Manufacturer and Tax
  // rules ID, kept as aliases. PrestaShop has no built-in export of this full layout (its
  // product list export has other columns): the shop's own import file or a module's export
  // is what this preset reads. Semicolon-separated; the price is tax excluded with a tax rule
  // id, a shop's own number: it is not mapped as the VAT column (a bare 1 would read as 1%);
  // vat.default and vat.categories give the rate, or map it with vat.aliases. Combinations
  // are a separate import, so each row is one product.
  prestashop: {
    source: 'https://doc.prestashop.com/display/PS17/Import',
    summary: 'PrestaShop products CSV (the Import → Products field list); net prices with a tax rule id',
    file: 'products_import.csv',
    columns: {
      sku: 'Reference #',
      ean: 'EAN13',
      title: 'Name *',
      brand: 'Brand',
      category: 'Categories (x,y,z...)',
      price: 'Price tax excluded',
      cost: 'Cost price',
      quantity: 'Quantity',
      image: 'Image URLs (x,y,z...)',
      description: 'Summary',
    },
    aliases: {
      'Price tax excluded': ['Price tax excl.'],
      'Reference #': ['Reference'],
      'Name *': ['Name'],
      Brand: ['Manufacturer'],
      'Cost price': ['Wholesale price'],
      'Tax rule ID': ['Tax rules ID'],
      Summary: ['Short description'],
    },
    priceIncludesVat: false,
    decimal: '.',
    initHints: [
      'filter: { "Active (0/1)": 1 }      # leave out disabled products',
      '# columns: { vat: Tax rule ID }    # with vat.aliases: { "1": 0.22, "2": 0.10, "3": 0.04 } (your ids → rates)',
    ],
    vatFix:
      'PrestaShop\'s "Tax rule ID" is your shop\'s own number, not a rate: set vat.default (e.g. 0.22) and vat.categories for the categories at 10% or 4%, ' +
      'or read the ids with stock.columns.vat: "Tax rule ID" and give each its rate in vat.aliases, e.g. { "1": 0.22, "2": 0.10, "3": 0.04 } (your ids, from International → Taxes → Tax rules)',
  },
  // Lightspeed Retail (X-Series, formerly Vend) product export: x-series-support.lightspeedhq.com
  // "Formatting Retail POS product data for import" (support.vendhq.com article 4650130313487,
  // whose template names id, handle, sku…) and "Understanding your product catalog fields"
  // (support.vendhq.com article 360001952315: variants share name and handle). The full header
  // row (composite_name, active_online, tax_name, tax_value, brand_name, then inventory_,
  // reorder_point_ and restock_level_ per outlet, spaces as underscores) is as public code
  // reading real product-export.csv files lists it; the page's own column list is an image.
  // supply_price and retail_price are before tax (tax_value holds the tax on retail_price): no
  // vendor page found saying so in words. One inventory_<Outlet> column per outlet, summed.
  'lightspeed-x': {
    source: 'https://support.vendhq.com/hc/en-us/articles/4650130313487',
    summary: 'Lightspeed Retail X-Series (Vend) product export; one inventory_<Outlet> column per outlet, summed',
    file: 'product-export.csv',
    columns: {
      sku: 'sku',
      title: 'name',
      brand: 'brand_name',
      category: 'product_category',
      price: 'retail_price',
      cost: 'supply_price',
      vat: 'tax_name',
      quantity: 'inventory_*',
      description: 'description',
    },
    aliases: { product_category: ['type'] },
    priceIncludesVat: false,
    decimal: '.',
    layout: {
      groupBy: 'handle',
      options: ['variant_option_one_value', 'variant_option_two_value', 'variant_option_three_value'],
    },
    initHints: [
      'filter: { active: 1 }              # leave out inactive products',
      '# columns: { quantity: [inventory_Negozio, inventory_Magazzino] }   # only the outlets that sell online',
    ],
  },
  // Odoo list export (Inventory → Products → Product Variants → Export, "import-compatible"
  // off): odoo.com/documentation/19.0/applications/essentials/export_import_data.html. Headers
  // are the fields' labels, checked against odoo/odoo: addons/product/models/product_product.py
  // and product_template.py (Name, Internal Reference, Barcode, Product Category, Sales Price,
  // Cost, Quantity On Hand, Sales Description, Variant Values, Tags) and
  // addons/account/models/product.py, where the customer taxes are labelled "Sales Taxes" (older
  // versions: "Customer Taxes", kept as an alias). A one-to-many field adds continuation lines
  // whose other cells are blank (odoo/models.py, _extract_records: a row with only one-to-many
  // values continues the record above). Sales Price excludes tax unless the tax is set
  // "included in price".
  odoo: {
    source: 'https://www.odoo.com/documentation/19.0/applications/essentials/export_import_data.html',
    summary: 'Odoo product variants list export; continuation lines of one-to-many fields skipped',
    file: 'product.product.csv',
    columns: {
      sku: 'Internal Reference',
      ean: 'Barcode',
      title: 'Name',
      category: 'Product Category',
      price: 'Sales Price',
      cost: 'Cost',
      vat: 'Sales Taxes',
      quantity: 'Quantity On Hand',
      description: 'Sales Description',
    },
    aliases: { 'Sales Price': ['Sale Price'], 'Sales Taxes': ['Customer Taxes'], 'Variant Values': ['Attribute Values'] },
    priceIncludesVat: false,
    decimal: '.',
    layout: { continueOnBlank: 'ID', optionPairs: 'Variant Values' },
    initHints: ['# vat.aliases: { "22% G": 0.22, "10% G": 0.10 }   # your Sales Taxes names → rates'],
  },
  // Magento 2 / Adobe Commerce product export (System → Data Transfer → Export, Products):
  // experienceleague.adobe.com/docs/commerce-admin/systems/data-transfer/data-attributes-product.html
  // and "Complex data" (configurable_variations). A configurable parent lists its simple
  // variants, before or after them: exports can write the simples first
  // (github.com/mageplus/mageplus/issues/38), so a hidden simple ("Not Visible Individually")
  // waits for the parent that lists it. Rows with a store_view_code only override a store
  // view's texts. base_image and additional_images are
  // paths under the catalog's media folder, pub/media/catalog/product (/m/a/maglia.jpg: the
  // file name's first two letters as folders, magento.stackexchange.com/questions/17053), not
  // URLs: stock.imageBaseUrl (https://<shop>/media/catalog/product) makes them URLs, and
  // without it validate counts them, ignored.
  // Catalog prices exclude tax by default (Stores → Configuration → Sales → Tax → Catalog Prices).
  magento: {
    source: 'https://experienceleague.adobe.com/docs/commerce-admin/systems/data-transfer/data-attributes-product.html',
    summary: 'Magento 2 / Adobe Commerce product export; configurable parents give their variants title and texts',
    file: 'catalog_product.csv',
    columns: {
      sku: 'sku',
      title: 'name',
      category: 'categories',
      price: 'price',
      salePrice: 'special_price',
      saleFrom: 'special_price_from_date',
      saleTo: 'special_price_to_date',
      quantity: 'qty',
      image: 'base_image',
      description: 'short_description',
    },
    priceIncludesVat: false,
    decimal: '.',
    layout: {
      parentWhen: { column: 'product_type', values: ['configurable', 'grouped', 'bundle'] },
      moreImages: 'additional_images',
      variantList: 'configurable_variations',
      skipWhenSet: 'store_view_code',
      titleFromParent: true,
      awaitParentWhen: { column: 'visibility', values: ['Not Visible Individually'] },
    },
    initHints: [
      'filter: { product_online: 1 }      # leave out disabled products',
      '# imageBaseUrl: https://negozio.example/media/catalog/product   # where base_image paths are',
      '# vat.default: 0.22',
    ],
  },
  // Danea Easyfatt, Prodotti → Utilità → Esporta con Excel, saved as CSV by Excel (Italian
  // Excel: semicolon, decimal comma, Windows-1252). Danea's own pages give the menu path and the
  // "Cod." key (danea.it/software/easyfatt/help/html/Microsoft_Excel.htm, help.danea.it
  // "Come passare a Danea Easyfatt da un altro software") but list no column names: the headers
  // here are those public integrations read from and write for these exports,
  // github.com/ilGhera/wc-importer-for-danea includes/wcifd-import-products.php (Cod., Descrizione,
  // Categoria, Cod. Iva, Listino N or "Listino N (ivato)", Q.tà giacenza, Descriz. web
  // (Sorgente HTML)) and github.com/ilGhera/wc-exporter-for-danea (the whole header row, with
  // Cod. a barre, Produttore, Costo medio d'acq.; its changelog: the Listino columns become
  // "Listino 1 (ivato)"… when prices include tax). So "Listino 1" is the net list price and
  // "Listino 1 (ivato)" the VAT-included one; "Cod. Iva" the VAT code (22, 10, 4, or a nature
  // code such as N4 for vat.aliases).
  danea: {
    source: 'https://www.danea.it/software/easyfatt/help/html/Microsoft_Excel.htm',
    summary: 'Danea Easyfatt products exported to Excel and saved as CSV; Listino 1 (net) or Listino 1 (ivato), with Cod. Iva',
    file: 'Prodotti.csv',
    columns: {
      sku: 'Cod.',
      ean: 'Cod. a barre',
      title: 'Descrizione',
      brand: 'Produttore',
      category: 'Categoria',
      price: 'Listino 1',
      cost: "Costo medio d'acq.",
      vat: 'Cod. Iva',
      quantity: 'Q.tà giacenza',
      description: 'Descriz. web (Sorgente HTML)',
    },
    aliases: { 'Listino 1': ['Listino 1 (ivato)'], 'Q.tà giacenza': ['Giacenza'], "Costo medio d'acq.": ["Ultimo costo d'acq."] },
    priceIncludesVat: false,
    grossPriceHeader: /\(ivato\)\s*$/i,
    initHints: ['# filter: { E-commerce: Sì }       # only the products marked for the web shop'],
  },
};

/** How the reader reads a file of this config: the preset merged under the config's own keys. */
export interface ResolvedStockFormat {
  format: StockFormat;
  columns: ColumnsOption;
  priceIncludesVat: boolean;
  encoding: StockConfig['encoding'];
  delimiter: StockConfig['delimiter'];
  decimal: StockConfig['decimal'];
  aliases: HeaderAliases;
  layout?: RowLayout;
  /** The preset's VAT-included price header, when the config leaves `priceIncludesVat` to the format. */
  grossPriceHeader?: RegExp;
}

/** The preset of `format` merged under the config's keys (a key set in the config always wins). */
export function resolveStockFormat(stock: StockConfig): ResolvedStockFormat {
  const preset = stock.format === 'generic' ? undefined : FORMAT_PRESETS[stock.format];
  const own = Object.fromEntries(Object.entries(stock.columns).filter(([, v]) => v !== undefined));
  // The schema refuses a generic config without sku/title/price/quantity, and every preset maps them.
  const columns = { ...preset?.columns, ...own } as ColumnsOption;
  return {
    format: stock.format,
    columns,
    priceIncludesVat: stock.priceIncludesVat ?? preset?.priceIncludesVat ?? true,
    encoding: stock.encoding,
    delimiter: stock.delimiter,
    decimal: stock.decimal === 'auto' ? (preset?.decimal ?? 'auto') : stock.decimal,
    aliases: preset?.aliases ?? {},
    ...(preset?.layout ? { layout: preset.layout } : {}),
    ...(preset?.grossPriceHeader && stock.priceIncludesVat === undefined ? { grossPriceHeader: preset.grossPriceHeader } : {}),
  };
}

/** Each config's resolved headers: eligibility names a column for every product's problems. */
const headersOf = new WeakMap<StockConfig, ResolvedStockFormat['columns']>();

/** The header a field is read from under this config (for messages naming the column). */
export function columnHeader(stock: StockConfig, field: StockField): string | undefined {
  let columns = headersOf.get(stock);
  if (!columns) {
    columns = resolveStockFormat(stock).columns;
    headersOf.set(stock, columns);
  }
  const header = columns[field];
  return typeof header === 'string' || header === undefined ? header : header.join(' + ');
}

/**
 * The `stock:` section `civetta init --format` writes: the format, its price basis, its
 * suggested filter, and the columns it reads as comments the owner can copy under
 * `columns:` to read another header.
 */
export function stockSectionYaml(format: Exclude<StockFormat, 'generic'>): string {
  const p = FORMAT_PRESETS[format];
  const pad = (text: string, width = 36) => (text.length >= width ? `${text} ` : text.padEnd(width));
  const value = (v: unknown) => (typeof v === 'string' && /^[\w .()#*'àèéìòù-]+$/i.test(v) && !/^[*#-]/.test(v) && !/: /.test(v) ? v : JSON.stringify(v));
  const columns = Object.entries(p.columns).map(([field, header]) => `  #   ${field}: ${Array.isArray(header) ? `[${header.map(value).join(', ')}]` : value(header)}`);
  return [
    'stock:',
    `${pad(`  file: ./stock/${p.file}`)}# ${p.summary}`,
    `${pad(`  format: ${format}`)}# headers and variants as ${p.source}`,
    p.grossPriceHeader
      ? `${pad(`  # priceIncludesVat: ${p.priceIncludesVat}`)}# read from the price header: "${p.columns.price}" is net (VAT added per product), "${p.aliases?.[p.columns.price ?? '']?.[0] ?? ''}" includes VAT`
      : `${pad(`  priceIncludesVat: ${p.priceIncludesVat}`)}# ${p.priceIncludesVat ? "the export's prices include VAT" : "the export's prices are net: civetta adds each product's VAT (below), to the cent"}`,
    `${pad('  encoding: auto')}# auto | utf-8 | windows-1252 | latin1 | utf-16le | utf-16be`,
    `${pad('  delimiter: auto')}# auto | "," | ";" | "\\t"`,
    `${pad(`  decimal: ${p.decimal === undefined ? 'auto' : JSON.stringify(p.decimal)}`)}# auto | "." | ","`,
    `${pad('  maxBadRowsPercent: 10')}# refuse the file when more rows than this are bad`,
    ...(p.initHints ?? []).map((h) => `  ${h}`),
    '  # The format reads these columns; to read another header, set that field under `columns:`',
    '  # (e.g. `columns: { price: "Listino 2" }`). Any key set here wins over the format.',
    ...columns,
  ].join('\n');
}
