import { describe, expect, it } from 'vitest';
import { FORMAT_PRESETS } from '../../src/config/stock-formats.js';
import { AWAITING_ROWS, RowGrouper } from '../../src/stock/group-rows.js';
import type { LinedRow } from '../../src/stock/group-rows.js';

// The Magento columns the layout reads, in the export's names (the preset's page).
const header = ['sku', 'product_type', 'name', 'visibility', 'price', 'qty', 'configurable_variations'];
const mapping = {
  sku: { index: 0, header: 'sku' },
  title: { index: 2, header: 'name' },
  price: { index: 4, header: 'price' },
  quantity: { index: 5, header: 'qty' },
};
const magento = () => new RowGrouper(header, mapping, FORMAT_PRESETS.magento.layout ?? {}, {}, []);
const hidden = (sku: string) => [sku, 'simple', `Maglia-${sku}`, 'Not Visible Individually', '10.0000', '1.0000', ''];
const titles = (rows: LinedRow[]) => rows.map((r) => (r.kind === 'product' ? `${r.line}:${r.record[2]}` : `${r.line}:${r.reason}`));

describe('Magento variants and their configurable parent, in either order', () => {
  it('a variant read before its parent waits for it and comes out with the parent\'s title', () => {
    const g = magento();
    expect(g.row(hidden('M-S'), 2)).toEqual([]);
    const settled = g.row(['M-CONF', 'configurable', 'Maglia', 'Catalog, Search', '', '', 'sku=M-S,taglia=S'], 3);
    expect(titles(settled)).toEqual(['3:parent', '2:Maglia']);
    expect(settled[1]).toMatchObject({ kind: 'product', options: ['S'], inherited: true });
    expect(g.finish()).toEqual([]);
  });

  it(`holds at most ${AWAITING_ROWS} rows: past that the oldest is read on its own, and the rest at the end`, () => {
    const g = magento();
    for (let i = 0; i < AWAITING_ROWS; i++) expect(g.row(hidden(`H-${i}`), i + 2)).toEqual([]);
    expect(titles(g.row(hidden('H-last'), AWAITING_ROWS + 2))).toEqual(['2:Maglia-H-0']);
    const rest = g.finish();
    expect(rest).toHaveLength(AWAITING_ROWS);
    expect(rest[0]).toMatchObject({ kind: 'product', options: [], inherited: false, line: 3 });
  });
});
