/**
 * Products with variants, as exports write them (a format's RowLayout): tells parent,
 * continuation and image rows from product rows, fills a variant's empty product cells
 * (title, brand, category, description, images…) from its parent, and collects its option
 * values for the title. Works on raw records, before any value is parsed. Pure.
 *
 * Memory: only the current group (a handle's first row, Odoo's last record), the parents a
 * variant may still name (WooCommerce variable products, Magento configurable lists: their
 * inherited cells only, dropped once the variant is read), and the variants waiting for a parent
 * written after them (Magento, at most AWAITING_ROWS) are kept.
 */
import { foldWord } from '../config/fold-word.js';
import type { RowLayout } from '../config/stock-formats.js';
import type { ColumnMapping, HeaderAliases } from './map-columns.js';
import { findColumn } from './map-columns.js';

/**
 * Variant rows held while their configurable parent may still come (Magento writes a catalog
 * imported from CSV simple-first, as its importer wants it). Our own bound: a parent lists its
 * variants right after them, so a few thousand rows is far more than one product needs, and it
 * keeps a file of hidden products without parents from being held whole. Past it the oldest
 * row is read as a product of its own, as it would have been without a parent.
 */
export const AWAITING_ROWS = 5000;

/** Why a row is not a product. */
export type SkipReason = 'parent' | 'continuation' | 'image';

/** The cells a variant takes from its parent when its own are empty. */
const INHERITED_FIELDS = ['title', 'brand', 'category', 'description', 'image', 'vat', 'manufacturer', 'responsiblePerson', 'safetyWarnings'] as const;

export type GroupedRow =
  | { kind: 'product'; record: string[]; options: string[]; group?: string; inherited: boolean }
  | { kind: 'skip'; reason: SkipReason; group?: string; images?: string };

/** A grouped row and the file line its record starts on (held rows come out after later ones). */
export type LinedRow = GroupedRow & { line: number };

/** What a parent hands down: its cells by column index, and the options of its listed variants. */
interface ParentCells {
  cells: Map<number, string>;
}

interface LayoutColumns {
  groupBy?: number;
  continueOnBlank?: number;
  parentRef?: number;
  parentKeys: { index: number; prefix: string }[];
  parentWhen?: { index: number; values: Set<string> };
  variantList?: number;
  options: number[];
  optionPairs?: number;
  noOption: Set<string>;
  skipWhenSet?: number;
  titleFromParent: boolean;
  awaitParentWhen?: { index: number; values: Set<string> };
  moreImages?: number;
}

/** A Magento parent's listing of one variant: its SKU and option values. */
export interface ListedVariant {
  sku: string;
  options: string[];
}

/** Parses `sku=A,color=Rosso,size=S|sku=B,…`; keys other than the option ones are left out. */
export function parseVariantList(text: string): ListedVariant[] {
  const notOptions = new Set(['sku', 'price', 'display', 'image', 'weight', 'qty']);
  return text
    .split('|')
    .map((entry) => {
      const pairs = entry.split(',').map((p) => {
        const at = p.indexOf('=');
        return at < 0 ? ['', p.trim()] : [p.slice(0, at).trim().toLowerCase(), p.slice(at + 1).trim()];
      });
      const sku = pairs.find(([k]) => k === 'sku')?.[1] ?? '';
      return { sku, options: pairs.filter(([k, v]) => k !== '' && !notOptions.has(k ?? '') && v !== '').map(([, v]) => v as string) };
    })
    .filter((v) => v.sku !== '');
}

/** "Colore: Rosso, Taglia: M" → ["Rosso", "M"]; a value without a label is kept whole. */
export function parseOptionPairs(text: string): string[] {
  return text
    .split(',')
    .map((p) => {
      const at = p.indexOf(':');
      return (at < 0 ? p : p.slice(at + 1)).trim();
    })
    .filter((v) => v !== '');
}

/**
 * The title a variant is listed under: the product title and its option values ("Maglia
 * Rossa – M"), unless the title already names every option (WooCommerce variation names do).
 */
export function variantTitle(title: string, options: readonly string[]): string {
  if (options.length === 0) return title;
  // Compared as whole words: "M" is not named by "Maglia".
  const words = (text: string) => ` ${foldWord(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const named = words(title);
  if (options.every((o) => named.includes(words(o)))) return title;
  return `${title} – ${options.join(', ')}`;
}

export class RowGrouper {
  private readonly cols: LayoutColumns;
  private readonly inherited: number[];
  private readonly sku?: number;
  private readonly price?: number;
  private readonly image?: number;
  private readonly title?: number;
  private readonly quantities: number[];
  /** The group being read (contiguous layouts) and its first row's cells. */
  private current: { key: string; parent: ParentCells } | undefined;
  /** Parents a later variant may name (WooCommerce): key → cells. */
  private readonly parents = new Map<string, ParentCells>();
  /** Variants a Magento parent listed: SKU → its parent's cells and option values. */
  private readonly listed = new Map<string, { parent: ParentCells; options: string[] }>();
  /** Variant rows read before their parent (Magento): SKU → the record, in file order. */
  private readonly awaiting = new Map<string, { record: string[]; line: number }>();

  constructor(
    header: readonly string[],
    mapping: ColumnMapping,
    layout: RowLayout,
    aliases: HeaderAliases,
    /** Headers the stock filter reads: inherited too, so a variant passes its product's filter. */
    filterColumns: readonly number[],
  ) {
    const at = (name: string | undefined) => (name === undefined ? undefined : findColumn(header, name, aliases)[0]);
    const opt = <K extends string>(key: K, index: number | undefined) => (index === undefined ? {} : ({ [key]: index } as Record<K, number>));
    const parentWhenIndex = at(layout.parentWhen?.column);
    const awaitIndex = at(layout.awaitParentWhen?.column);
    this.cols = {
      ...opt('groupBy', at(layout.groupBy)),
      ...opt('continueOnBlank', at(layout.continueOnBlank)),
      ...opt('parentRef', at(layout.parentRef?.column)),
      parentKeys: (layout.parentRef?.keys ?? []).flatMap((k) => {
        const index = at(k.column);
        return index === undefined ? [] : [{ index, prefix: k.prefix }];
      }),
      ...(parentWhenIndex === undefined || !layout.parentWhen
        ? {}
        : { parentWhen: { index: parentWhenIndex, values: new Set(layout.parentWhen.values.map(foldWord)) } }),
      ...opt('variantList', at(layout.variantList)),
      options: (layout.options ?? []).flatMap((o) => {
        const index = at(o);
        return index === undefined ? [] : [index];
      }),
      ...opt('optionPairs', at(layout.optionPairs)),
      noOption: new Set((layout.noOption ?? []).map(foldWord)),
      ...opt('skipWhenSet', at(layout.skipWhenSet)),
      ...opt('moreImages', at(layout.moreImages)),
      titleFromParent: layout.titleFromParent ?? false,
      ...(awaitIndex === undefined || !layout.awaitParentWhen || layout.variantList === undefined
        ? {}
        : { awaitParentWhen: { index: awaitIndex, values: new Set(layout.awaitParentWhen.values.map(foldWord)) } }),
    };
    this.inherited = [...new Set([...INHERITED_FIELDS.flatMap((f) => (mapping[f] ? [mapping[f].index] : [])), ...filterColumns])];
    if (mapping.sku) this.sku = mapping.sku.index;
    if (mapping.price) this.price = mapping.price.index;
    if (mapping.image) this.image = mapping.image.index;
    if (mapping.title) this.title = mapping.title.index;
    this.quantities = (mapping.quantities ?? (mapping.quantity ? [mapping.quantity] : [])).map((c) => c.index);
  }

  /**
   * One record of the file, in file order, and the line it starts on: the rows it settles.
   * Usually that is the record itself; a variant waiting for its parent settles nothing yet,
   * and a parent listing waiting variants settles them too.
   */
  row(record: string[], line: number): LinedRow[] {
    const cell = (index: number | undefined) => (index === undefined ? '' : (record[index] ?? '').trim());
    const { cols } = this;
    if (cols.skipWhenSet !== undefined && cell(cols.skipWhenSet) !== '') return [{ kind: 'skip', reason: 'continuation', line }];

    const group = this.groupKey(cell);
    const own = this.cellsOf(record);
    const settled: LinedRow[] = [];
    if (cols.variantList !== undefined && cell(cols.variantList) !== '') {
      for (const v of parseVariantList(cell(cols.variantList))) {
        const waiting = this.awaiting.get(v.sku);
        if (waiting) {
          this.awaiting.delete(v.sku);
          settled.push({ ...this.product(waiting.record, own, v.options, undefined), line: waiting.line });
        } else this.listed.set(v.sku, { parent: own, options: v.options });
      }
    }
    if (cols.parentWhen?.values.has(foldWord(cell(cols.parentWhen.index)))) {
      for (const k of cols.parentKeys) if (cell(k.index) !== '') this.parents.set(`${k.prefix}${cell(k.index)}`, own);
      return [{ kind: 'skip', reason: 'parent', line, ...(group === undefined ? {} : { group }) }, ...settled];
    }

    if (cell(this.sku) === '' && cell(this.price) === '') {
      const images = cell(this.image);
      if (group !== undefined && this.current?.key !== group) this.current = { key: group, parent: own };
      const reason = images !== '' ? { reason: 'image' as const, images } : { reason: 'continuation' as const };
      return [{ kind: 'skip', ...reason, line, ...(group === undefined ? {} : { group }) }, ...settled];
    }
    // A grouped export's variant parent (Lightspeed) has a SKU but neither price nor stock:
    // its cells are what the variants below inherit.
    if (group !== undefined && cell(this.price) === '' && this.quantities.every((i) => cell(i) === '')) {
      this.current = { key: group, parent: own };
      return [{ kind: 'skip', reason: 'parent', group, line }, ...settled];
    }

    let parent: ParentCells | undefined;
    if (group !== undefined) {
      if (this.current?.key === group) parent = this.current.parent;
      else this.current = { key: group, parent: own };
    }
    const ref = cell(cols.parentRef);
    if (ref !== '') parent = this.parents.get(ref) ?? parent;
    const listed = this.listed.get(cell(this.sku));
    if (listed) {
      this.listed.delete(cell(this.sku));
      parent = listed.parent;
    } else if (cols.awaitParentWhen?.values.has(foldWord(cell(cols.awaitParentWhen.index)))) {
      return [...settled, ...this.await(cell(this.sku), record, line)];
    }
    return [...settled, { ...this.product(record, parent === own ? undefined : parent, listed?.options ?? [], group), line }];
  }

  /** The variants whose parent never came: products of their own, as written. */
  finish(): LinedRow[] {
    const rest = [...this.awaiting.values()].map(({ record, line }) => ({ ...this.product(record, undefined, [], undefined), line }));
    this.awaiting.clear();
    return rest;
  }

  /** Holds a variant row for its parent; past the bound, the oldest one is read on its own. */
  private await(sku: string, record: string[], line: number): LinedRow[] {
    const released: LinedRow[] = [];
    const earlier = this.awaiting.get(sku);
    // The same SKU twice: the first is settled now, so the duplicate check sees both.
    if (earlier) {
      this.awaiting.delete(sku);
      released.push({ ...this.product(earlier.record, undefined, [], undefined), line: earlier.line });
    }
    this.awaiting.set(sku, { record, line });
    if (this.awaiting.size > AWAITING_ROWS) {
      const [oldestSku, oldest] = this.awaiting.entries().next().value as [string, { record: string[]; line: number }];
      this.awaiting.delete(oldestSku);
      released.push({ ...this.product(oldest.record, undefined, [], undefined), line: oldest.line });
    }
    return released;
  }

  /** A product row: its empty cells filled from its parent's, its options collected. */
  private product(record: readonly string[], parent: ParentCells | undefined, listedOptions: readonly string[], group: string | undefined): GroupedRow {
    const cell = (index: number | undefined) => (index === undefined ? '' : (record[index] ?? '').trim());
    const { cols } = this;
    const filled = [...record];
    let inherited = false;
    if (parent) {
      const parentTitle = this.title === undefined ? undefined : parent.cells.get(this.title);
      if (cols.titleFromParent && parentTitle !== undefined && this.title !== undefined) {
        filled[this.title] = parentTitle;
        inherited = true;
      }
      for (const [index, value] of parent.cells) {
        if ((filled[index] ?? '').trim() === '') {
          filled[index] = value;
          inherited = true;
        }
      }
    }
    // A second image column follows the first: one cell holds them all, as a comma list.
    if (cols.moreImages !== undefined && this.image !== undefined && cell(cols.moreImages) !== '') {
      filled[this.image] = [(filled[this.image] ?? '').trim(), cell(cols.moreImages)].filter((v) => v !== '').join(',');
    }
    const options = [
      ...cols.options.map((i) => cell(i)),
      ...(cols.optionPairs === undefined ? [] : parseOptionPairs(cell(cols.optionPairs))),
      ...listedOptions,
    ].filter((o) => o !== '' && !cols.noOption.has(foldWord(o)));
    return { kind: 'product', record: filled, options, inherited, ...(group === undefined ? {} : { group }) };
  }

  /** The group of a record: its handle, or for Odoo the last non-blank ID above it. */
  private groupKey(cell: (index: number | undefined) => string): string | undefined {
    const { cols } = this;
    if (cols.groupBy !== undefined) return cell(cols.groupBy) || undefined;
    if (cols.continueOnBlank !== undefined) {
      const id = cell(cols.continueOnBlank);
      return id !== '' ? id : this.current?.key;
    }
    return undefined;
  }

  private cellsOf(record: readonly string[]): ParentCells {
    const cells = new Map<number, string>();
    for (const index of this.inherited) {
      const value = (record[index] ?? '').trim();
      if (value !== '') cells.set(index, value);
    }
    return { cells };
  }
}
