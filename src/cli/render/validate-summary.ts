import type { ChannelOutlook, NameCount, ProblemGroup } from '../../reports/problem-groups.js';
import { commandHint } from './command-hint.js';
import { renderProblem } from './problems.js';
import type { StockReading } from './stock-reading.js';
import { previewLine, priceBasis, readingCounts, skippedKinds } from './stock-reading.js';

/** What the grouped summary shows: how the stock file was read (when it was), then the causes. */
export interface ValidateSummary {
  reading?: StockReading;
  groups: readonly ProblemGroup[];
}

/** Brands written out in the ready-to-paste block (most products first); all are named on the line above it. */
const BLOCK_BRANDS = 5;
/** Names listed inline after a group (brands, categories); --json has every one. */
const INLINE_NAMES = 30;

const quote = (s: string) => (/^[\w .&'-]+$/u.test(s) && !/^\s|\s$|^(true|false|null|yes|no|on|off)$/i.test(s) ? s : JSON.stringify(s));

function plural(n: number, unit: ProblemGroup['unit']): string {
  return `${n} ${n === 1 ? unit : unit === 'entry' ? 'entries' : `${unit}s`}`;
}

function names(list: readonly NameCount[]): string {
  const shown = list.slice(0, INLINE_NAMES).map((n) => `${n.name} (${n.products})`);
  const more = list.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

/** A party id for a brand: lower case, letters and digits joined by "-" ("Giochi Preziosi" → giochi-preziosi). */
function partyId(brand: string): string {
  return brand.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'brand';
}

/**
 * The productSafety entries for the brands concerned, ready to paste under the config's
 * `productSafety:` and to fill in (the owner has the addresses; civetta does not): one party per
 * brand, named as both manufacturer and EU responsible person, which is right for an EU maker;
 * a maker outside the EU needs its EU representative as a second party.
 */
function productSafetyBlock(brands: readonly NameCount[]): string[] {
  const named = brands.filter((b) => b.name !== '(no brand)').slice(0, BLOCK_BRANDS);
  if (named.length === 0) return [];
  const width = Math.max(...named.map((b) => quote(b.name).length));
  const idWidth = Math.max(...named.map((b) => partyId(b.name).length));
  return [
    'productSafety:',
    '  parties:   # name and full postal address, ISO country code, and an e-mail (Amazon needs one)',
    ...named.map((b) => `    ${`${partyId(b.name)}:`.padEnd(idWidth + 1)} { name: "", street: "", city: "", postalCode: "", country: "", email: "" }`),
    '  brands:    # warnings only where the product carries any',
    ...named.map((b) => `    ${`${quote(b.name)}:`.padEnd(width + 1)} { manufacturer: ${partyId(b.name)}, responsiblePerson: ${partyId(b.name)}, warnings: "" }   # ${b.products} product(s)`),
  ];
}

function groupLines(g: ProblemGroup, index: number, cwd: string, configFile: string | undefined): string[] {
  const on = g.channels.length ? ` on ${g.channels.join(', ')}` : '';
  const lines = [`${index}. ${g.severity === 'error' ? 'ERROR' : 'warning'}: ${g.title} — ${plural(g.count, g.unit)}${on}`];
  for (const p of g.examples) lines.push(`     ${renderProblem(p, cwd)}`);
  // The fix's commands name the config by its absolute path, so they work as printed.
  if (g.fix) lines.push(`   fix: ${g.fix.replace(/`civetta ([^`]+)`/g, (_m, args: string) => `\`${commandHint(args, configFile)}\``)}`);
  if (g.brands?.length) {
    lines.push(`   brands: ${names(g.brands)}`);
    if (g.cause === 'gpsr') lines.push(...productSafetyBlock(g.brands).map((l) => `     ${l}`));
  }
  if (g.categories?.length) lines.push(`   categories: ${names(g.categories)}`);
  return lines;
}

/** What a sync would list per channel: the summary's last words. */
export function outlookLine(outlook: readonly ChannelOutlook[]): string {
  // No outlook: the config or the stock file was refused, or no channel is enabled.
  if (outlook.length === 0) return 'a sync would list nothing';
  return `a sync would list ${outlook.map((o) => `${o.hooks} hook(s) on ${o.channel}`).join(', ')}`;
}

/**
 * The reading, as a block like a cause's: one title line (format, counts, rows skipped by
 * kind, price basis), then the two products as its examples.
 */
function readingLines(r: StockReading): string[] {
  const skipped = skippedKinds(r);
  return [
    `stock read as ${r.format} — ${readingCounts(r)}${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}; prices ${priceBasis(r)}`,
    ...r.preview.map((p) => `     ${previewLine(p)}`),
  ];
}

/** The grouped summary: how the file was read, then one block per cause, most important first. */
export function renderValidateSummary(summary: ValidateSummary, cwd: string, configFile?: string): string[] {
  const { reading, groups } = summary;
  const lines = reading ? [...readingLines(reading), ''] : [];
  if (groups.length === 0) return [...lines, 'no problems found'];
  lines.push(`${groups.length} cause(s) to look at, most important first (\`${commandHint('validate --all', configFile)}\` lists every line):`);
  for (const [i, g] of groups.entries()) lines.push('', ...groupLines(g, i + 1, cwd, configFile));
  return lines;
}
