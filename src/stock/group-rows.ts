/**
 * Products with variants, as exports write them (a format's RowLayout): tells parent,
 * continuation and image rows from product rows, fills a variant's empty product cells
 * (title, brand, category, description, images…) from its parent, and collects its option
 * values for the title. Works on raw records, before any value is parsed. Pure.
 *
 * Memory: only the current group (a handle's first row, Odoo's last record) and the parents a
 * variant may still name (WooCommerce variable products, Magento configurable lists: their
 * inherited cells only) are kept.
 */
import { foldWord } from '../config/fold-word.js';
import type { RowLayout } from '../config/stock-formats.js';
import type { ColumnMapping, HeaderAliases } from './map-columns.js';
import { findColumn } from './map-columns.js';

/** Why a row is not a product. */
export type SkipReason = 'parent' | 'continuation' | 'image';

/** The cells a variant takes from its parent when its own are empty. */
const INHERITED_FIELDS = ['title', 'brand', 'category', 'description', 'image', 'vat', 'manufacturer', 'responsiblePerson', 'safetyWarnings'] as const;

export type GroupedRow =
  | { kind: 'product'; record: string[]; options: string[]; group?: string; inherited: boolean }
  | { kind: 'skip'; reason: SkipReason; group?: string; images?: string };

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
      titleFromParent: layout.titleFromParent ?? false,
    };
    this.inherited = [...new Set([...INHERITED_FIELDS.flatMap((f) => (mapping[f] ? [mapping[f].index] : [])), ...filterColumns])];
    if (mapping.sku) this.sku = mapping.sku.index;
    if (mapping.price) this.price = mapping.price.index;
    if (mapping.image) this.image = mapping.image.index;
    if (mapping.title) this.title = mapping.title.index;
    this.quantities = (mapping.quantities ?? (mapping.quantity ? [mapping.quantity] : [])).map((c) => c.index);
  }

  /** One record of the file, in file order. */
  row(record: readonly string[]): GroupedRow {
    const cell = (index: number | undefined) => (index === undefined ? '' : (record[index] ?? '').trim());
    const { cols } = this;
    if (cols.skipWhenSet !== undefined && cell(cols.skipWhenSet) !== '') return { kind: 'skip', reason: 'continuation' };

    const group = this.groupKey(cell);
    const own = this.cellsOf(record);
    if (cols.variantList !== undefined && cell(cols.variantList) !== '') {
      for (const v of parseVariantList(cell(cols.variantList))) this.listed.set(v.sku, { parent: own, options: v.options });
    }
    if (cols.parentWhen?.values.has(foldWord(cell(cols.parentWhen.index)))) {
      for (const k of cols.parentKeys) if (cell(k.index) !== '') this.parents.set(`${k.prefix}${cell(k.index)}`, own);
      return { kind: 'skip', reason: 'parent', ...(group === undefined ? {} : { group }) };
    }

    if (cell(this.sku) === '' && cell(this.price) === '') {
      const images = cell(this.image);
      if (group !== undefined && this.current?.key !== group) this.current = { key: group, parent: own };
      return images !== ''
        ? { kind: 'skip', reason: 'image', images, ...(group === undefined ? {} : { group }) }
        : { kind: 'skip', reason: 'continuation', ...(group === undefined ? {} : { group }) };
    }
    // A grouped export's variant parent (Lightspeed) has a SKU but neither price nor stock:
    // its cells are what the variants below inherit.
    if (group !== undefined && cell(this.price) === '' && this.quantities.every((i) => cell(i) === '')) {
      this.current = { key: group, parent: own };
      return { kind: 'skip', reason: 'parent', group };
    }

    let parent: ParentCells | undefined;
    if (group !== undefined) {
      if (this.current?.key === group) parent = this.current.parent;
      else this.current = { key: group, parent: own };
    }
    const ref = cell(cols.parentRef);
    if (ref !== '') parent = this.parents.get(ref) ?? parent;
    const listed = this.listed.get(cell(this.sku));
    if (listed) parent = listed.parent;

    const filled = [...record];
    let inherited = false;
    if (parent && parent !== own) {
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
    const options = [
      ...cols.options.map((i) => cell(i)),
      ...(cols.optionPairs === undefined ? [] : parseOptionPairs(cell(cols.optionPairs))),
      ...(listed?.options ?? []),
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
