import type { ChannelId } from '../domain/ids.js';
import type { Problem } from '../domain/problem.js';
import { foldWord } from '../config/fold-word.js';

/**
 * `validate`'s findings grouped by cause, most important first, each with the fix. A real
 * distributor list gives thousands of problems of a dozen kinds; the owner needs the kinds, how
 * many products each stops, and what to change. Pure: the command gathers, this decides, the
 * renderer prints.
 */

/** Where a problem came from, which decides its importance. */
export type ProblemSource = 'refused' | 'config' | 'row' | ChannelId;

export interface SourcedProblem {
  source: ProblemSource;
  problem: Problem;
}

/** What the stock file says about a product, for naming the brands and categories to fix. */
export interface ProductFacts {
  brand?: string;
  category?: string;
}

/** A name (brand or shop category) with the number of products it covers. */
export interface NameCount {
  name: string;
  products: number;
}

export interface ProblemGroup {
  /** Problem code, or `gpsr` for the product-safety codes, `config` for config errors, `nothing-listable`. */
  cause: string;
  severity: Problem['severity'];
  /** One line naming the cause. */
  title: string;
  /** Products (per-product causes), rows (stock rows) or entries (config, file). */
  count: number;
  unit: 'product' | 'row' | 'entry';
  channels: ChannelId[];
  /** The first three problems, in file order. */
  examples: Problem[];
  /** What to change, as the owner would do it; none where the title says it (nothing listable: fix the causes below). */
  fix?: string;
  /** GPSR: the brands concerned, most products first. */
  brands?: NameCount[];
  /** eBay categories: the shop categories without an eBay id, most products first. */
  categories?: NameCount[];
}

/** Per channel: what a sync would list, for the summary's last line. */
export interface ChannelOutlook {
  channel: ChannelId;
  listable: number;
  hooks: number;
}

const GPSR_CODES = new Set(['gpsr-manufacturer', 'gpsr-responsible-person', 'gpsr-warnings']);

/** Importance bands: the file refused, then nothing listable, config, then per-product errors, then warnings. */
function band(source: ProblemSource, severity: Problem['severity'], cause: string): number {
  if (source === 'refused') return 0;
  if (cause === 'nothing-listable') return 1;
  if (severity === 'error' && (source === 'config' || cause.startsWith('credentials'))) return 2;
  return severity === 'error' ? 3 : 4;
}

const TITLES: Record<string, string> = {
  config: 'config errors',
  gpsr: 'product-safety (GPSR) data missing: manufacturer, EU responsible person, warnings',
  'ebay-category-unmapped': 'shop category without an eBay category',
  'ean-missing': 'no EAN',
  'ean-invalid': 'EAN not valid',
  'ean-check-digit': 'EAN with a wrong check digit',
  'image-missing': 'no https image',
  'cost-missing': 'no purchase cost',
  'vat-unknown': 'VAT rate unknown',
  'vat-unknown-net-price': 'net price without a VAT rate to add',
  'vat-unusual': 'VAT rate that is not Italian',
  'vat-invalid': 'VAT column value not usable',
  'title-too-long': 'title too long',
  'title-missing': 'no title',
  'sku-too-long': 'SKU too long',
  'sku-characters': 'SKU with characters the marketplace refuses',
  'floor-impossible': 'fees take the whole net price',
  'duplicate-sku': 'the same SKU on several rows',
  'missing-sku': 'rows without a SKU',
  'field-count': 'rows with the wrong number of fields',
  'image-not-url': 'image values that are not URLs',
  'image-path': "images given as paths on the shop's server, not URLs: ignored",
  'bad-character': 'text that could not be decoded',
  'credentials-missing': 'credentials missing',
  'credentials-refused': 'credentials refused',
};

/** Fixes the stock file's format words better than the general one (its preset's `vatFix`). */
export interface FormatFixes {
  vat?: string;
}

function fixFor(cause: string, first: Problem, formatFixes: FormatFixes = {}): string {
  const column = first.column ? `the "${first.column}" column` : 'the stock file';
  switch (cause) {
    case 'config':
      return 'correct each key at the line shown (`civetta validate --all` lists every one)';
    case 'gpsr':
      return 'add a party per brand below to productSafety in the config (or map stock.columns.manufacturer / responsiblePerson to party ids, and safetyWarnings)';
    case 'ebay-category-unmapped':
      return 'map each shop category below in channels.ebay.categories; find an id with `civetta ebay categories "<category>"`';
    case 'ean-missing':
    case 'ean-invalid':
    case 'ean-check-digit':
      return `fill ${column} with the 13-digit EAN printed under the barcode`;
    case 'image-path':
      return 'set stock.imageBaseUrl to the address these paths are under (Magento: https://<your shop>/media/catalog/product), and they are sent as URLs';
    case 'image-missing':
      return `put an https:// picture URL in ${column} (eBay needs at least one)`;
    case 'cost-missing':
      return `fill ${column} with the purchase cost (VAT excluded): without it there is no price floor`;
    case 'vat-unknown':
      return 'set vat.default, or vat.categories for these categories, or map stock.columns.vat';
    case 'vat-unknown-net-price':
      return (
        formatFixes.vat ??
        'give each product its rate: vat.default (e.g. 0.22), vat.categories for the categories at 10% or 4%, or a VAT column (stock.columns.vat) whose codes vat.aliases maps to rates'
      );
    case 'vat-unusual':
    case 'vat-invalid':
      return `use 22, 10, 5 or 4 in ${column}, or a vat.categories entry`;
    case 'title-too-long':
      return `shorten the title in ${column} (eBay takes 80 characters, Amazon 200)`;
    case 'sku-too-long':
    case 'sku-characters':
      return 'use SKUs of letters, digits, ".", "_" and "-" (at most 40 characters for Amazon, 50 for eBay)';
    case 'floor-impossible':
      return `lower channels.<channel>.pricing.feePercent or check the cost in ${column}`;
    case 'duplicate-sku':
      return 'keep one row per SKU in the stock file';
    case 'credentials-missing':
      return 'put the CIVETTA_* credentials in the .env beside the config (README, "Credentials")';
    default:
      return first.expected ? `put ${first.expected} in ${column}` : 'see the lines shown';
  }
}

function causeOf(s: SourcedProblem): string {
  if (s.source === 'config' && s.problem.severity === 'error') return 'config';
  if (GPSR_CODES.has(s.problem.code)) return 'gpsr';
  return s.problem.code;
}

function titleOf(cause: string, first: Problem): string {
  // A refused file's message is the cause itself ("the stock file … does not exist").
  return TITLES[cause] ?? first.message.replace(/^(amazon|ebay): /, '');
}

function tally(names: Iterable<string>): NameCount[] {
  const counts = new Map<string, { name: string; products: number }>();
  for (const name of names) {
    const key = foldWord(name);
    const entry = counts.get(key) ?? { name, products: 0 };
    entry.products += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.products - a.products || a.name.localeCompare(b.name));
}

interface Building {
  band: number;
  group: ProblemGroup;
  keys: Set<string>;
  skus: Set<string>;
}

/**
 * Groups every problem by cause. Counts are products for per-product causes (a product refused
 * by both channels counts once), rows for stock rows, entries otherwise.
 */
export function groupProblems(
  problems: readonly SourcedProblem[],
  facts: (sku: string) => ProductFacts | undefined,
  nothingListable: readonly { channel: ChannelId; products: number; reasons: readonly string[] }[] = [],
  formatFixes: FormatFixes = {},
): ProblemGroup[] {
  const groups = new Map<string, Building>();
  if (nothingListable.length > 0) {
    groups.set('nothing-listable', { band: 1, group: nothingListableGroup(nothingListable), keys: new Set(), skus: new Set() });
  }
  for (const s of problems) {
    const cause = causeOf(s);
    const key = s.source === 'refused' ? `refused:${cause}` : cause;
    let b = groups.get(key);
    if (!b) {
      // A refused file's row problems are rows too: they are what refused it.
      const isRow = s.source === 'row' || (s.source === 'refused' && s.problem.line !== undefined);
      const unit = isRow ? 'row' : s.source === 'amazon' || s.source === 'ebay' ? (s.problem.sku ? 'product' : 'entry') : 'entry';
      b = {
        band: band(s.source, s.problem.severity, cause),
        group: { cause, severity: s.problem.severity, title: titleOf(cause, s.problem), count: 0, unit, channels: [], examples: [], fix: fixFor(cause, s.problem, formatFixes) },
        keys: new Set(),
        skus: new Set(),
      };
      groups.set(key, b);
    }
    const g = b.group;
    if (s.problem.severity === 'error' && g.severity === 'warning') {
      g.severity = 'error';
      b.band = Math.min(b.band, band(s.source, 'error', cause));
    }
    if ((s.source === 'amazon' || s.source === 'ebay') && !g.channels.includes(s.source)) g.channels.push(s.source);
    const id = g.unit === 'product' && s.problem.sku ? s.problem.sku : `${s.problem.file ?? ''}:${s.problem.line ?? ''}:${s.problem.key ?? ''}:${b.keys.size}`;
    if (!b.keys.has(id)) {
      b.keys.add(id);
      g.count += 1;
      if (g.examples.length < 3) g.examples.push(s.problem);
    }
    if (s.problem.sku) b.skus.add(s.problem.sku);
  }
  for (const b of groups.values()) {
    const g = b.group;
    if (g.cause === 'gpsr') g.brands = tally([...b.skus].map((sku) => facts(sku)?.brand?.trim() || '(no brand)'));
    if (g.cause === 'ebay-category-unmapped' && b.skus.size > 0) g.categories = tally([...b.skus].map((sku) => facts(sku)?.category?.trim() || '(no category)'));
  }
  return [...groups.values()]
    .sort((a, b) => a.band - b.band || b.group.count - a.group.count || a.group.cause.localeCompare(b.group.cause))
    .map((b) => b.group);
}

/** Channels with nothing they could list: one group, just below a refused file. */
function nothingListableGroup(channels: readonly { channel: ChannelId; products: number; reasons: readonly string[] }[]): ProblemGroup {
  const products = Math.max(...channels.map((c) => c.products));
  // Each channel's top reason with its count, on the title line: the summary stays short.
  const top = new Map<string, ChannelId[]>();
  for (const c of channels) if (c.reasons[0]) top.set(c.reasons[0], [...(top.get(c.reasons[0]) ?? []), c.channel]);
  const why = [...top].map(([reason, on]) => (on.length < channels.length ? `${reason} (${on.join(', ')})` : reason)).join('; ');
  return {
    cause: 'nothing-listable',
    severity: 'error',
    // The title is the whole message: the groups below it are the fixes.
    title: why ? `nothing can be listed until the causes below are fixed: ${why}` : `nothing can be listed: none of the ${products} product(s) passes the checks below`,
    count: products,
    unit: 'product',
    channels: channels.map((c) => c.channel),
    examples: [],
  };
}
