import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { detectDecimal, detectDelimiter, splitRecords } from '../../src/stock/detect-dialect.js';
import { detectEncoding } from '../../src/stock/detect-encoding.js';
import { mapColumns } from '../../src/stock/map-columns.js';
import { parseRow } from '../../src/stock/parse-row.js';
import { readStock } from '../../src/stock/read-stock.js';

const columns = { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza', ean: 'EAN', image: 'Immagine', vat: 'IVA', cost: 'Costo' };
const HEADER = 'Codice;Descrizione;Prezzo;Giacenza;EAN;Immagine;IVA;Costo\r\n';
const dir = mkdtempSync(join(tmpdir(), 'civetta-fuzz-'));
let n = 0;

/** Resolves with the result, or with the error when it is an InputError; anything else fails the property. */
async function readOrInputError(bytes: Uint8Array): Promise<'read' | 'refused'> {
  const file = join(dir, `f${n++}.csv`);
  writeFileSync(file, bytes);
  try {
    const r = await readStock({ file, encoding: 'auto', delimiter: 'auto', decimal: 'auto', quote: 'auto', columns, maxBadRowsPercent: 50 });
    expect(r.stats.goodRows + r.stats.badRows).toBe(r.stats.rows);
    expect(r.count).toBe(r.stats.goodRows);
    return 'read';
  } catch (e) {
    if (e instanceof InputError) return 'refused';
    throw e;
  }
}

/** Text made of the characters that matter to a CSV reader, plus accents and €. */
const csvish = fc.string({ unit: fc.constantFrom(';', ',', '\t', '"', '\n', '\r', ' ', 'a', 'Z', '1', '9', '0', '.', '-', '€', 'à', '%', '|', 'h'), maxLength: 300 });

describe('property: the reader never throws unhandled', () => {
  it('on arbitrary bytes it resolves or rejects with an InputError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        await readOrInputError(bytes);
      }), { numRuns: 150 });
  });

  it('on a valid header followed by arbitrary bytes, too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (tail) => {
        await readOrInputError(Buffer.concat([Buffer.from(HEADER), tail]));
      }),
      { numRuns: 150 },
    );
  });

  it('on CSV-like text in every encoding, too', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(csvish, fc.constantFrom('utf8', 'win1252', 'utf-16le'), async (body, enc) => {
        outcomes.add(await readOrInputError(iconv.encode(HEADER + body, enc, { addBOM: enc === 'utf-16le' })));
      }),
      { numRuns: 200 },
    );
    expect([...outcomes].sort()).toEqual(['read', 'refused']);
  });
});

describe('property: the pure parsers never throw on arbitrary input', () => {
  const mapping = mapColumns(HEADER.trim().split(';'), columns).mapping;
  it('parseRow, splitRecords, detectDelimiter, detectDecimal, detectEncoding', () => {
    expect(mapping).toBeDefined();
    fc.assert(
      fc.property(fc.array(fc.oneof(csvish, fc.string()), { maxLength: 12 }), fc.constantFrom(',', '.'), (record, decimal: ',' | '.') => {
        const r = parseRow(record, mapping ?? {}, { line: 2, decimal, headerWidth: 8 });
        expect(r.item === undefined || r.problems.every((p) => p.severity === 'warning')).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string()), fc.constantFrom(';', ',', '\t'), fc.constantFrom('"', 'relaxed', 'none'), fc.boolean(), (text, d: ';' | ',' | '\t', q: '"' | 'relaxed' | 'none', complete) => {
        expect(Array.isArray(splitRecords(text, d, q, 50, complete))).toBe(true);
        expect([';', ',', '\t']).toContain(detectDelimiter(text, q, complete));
        expect([',', '.']).toContain(detectDecimal(text.split('\n'), d));
      }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      expect(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).toContain(detectEncoding(bytes).encoding);
    }));
  });
});
