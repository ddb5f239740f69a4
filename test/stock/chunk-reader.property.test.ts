import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ChunkReader } from '../../src/stock/chunk-reader.js';

// Any text a stock file can hold: quotes, backslashes, brackets, control characters, accents, emoji.
const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', 'n', '\n', '\t', '\u0001', 'à', '€', '😀'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })), maxLength: 12 });
const value = fc.oneof(
  text,
  fc.constant(null),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1),
  fc.dictionary(fc.constantFrom('manufacturerId', 'warnings', 'name'), fc.oneof(text, fc.dictionary(fc.constantFrom('name', 'city'), text))),
  fc.array(text, { maxLength: 3 }),
);
const tuple = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: fc.array(value, { minLength: 1, maxLength: 15 }) });

describe('ChunkReader', () => {
  it('reads back, tuple by tuple, exactly what JSON.parse reads from the text JSON.stringify wrote', () => {
    fc.assert(
      fc.property(fc.array(tuple, { maxLength: 8 }), (tuples) => {
        const json = JSON.stringify(tuples);
        const reader = new ChunkReader(json);
        const read: unknown[] = [];
        for (let t = reader.next(); t !== undefined; t = reader.next()) read.push(t);
        expect(read).toEqual(JSON.parse(json));
      }),
      { numRuns: 2000 },
    );
  });
});
