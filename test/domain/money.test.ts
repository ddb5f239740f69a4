import { afterEach, describe, expect, it, vi } from 'vitest';
import { currencyDigits } from '../../src/domain/money.js';

const icuDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('currencyDigits', () => {
  it("knows the stores' currencies as ICU does, without building an Intl.NumberFormat", () => {
    const stores = ['EUR', 'GBP', 'USD', 'PLN', 'SEK'];
    const expected = stores.map(icuDigits);
    const built = vi.spyOn(Intl, 'NumberFormat');
    expect(stores.map(currencyDigits)).toEqual(expected);
    expect(built).not.toHaveBeenCalled();
  });

  it('asks ICU for any other currency, and says 2 for a code it does not know', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('XYZ')).toBe(2);
  });
});
