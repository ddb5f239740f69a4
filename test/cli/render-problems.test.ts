import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../src/cli/render/problems.js';

describe('renderProblem', () => {
  it('an unknown config key: where, message, the value found, and no second "did you mean"', () => {
    const text = renderProblem(
      {
        severity: 'error', code: 'config-unknown-key', key: 'hooks.rulez', value: 'a list of 0', expected: 'did you mean "rules"?',
        message: 'hooks.rulez: unknown key, did you mean "rules"?', file: '/shop/civetta.config.yaml', line: 3, column: '20',
      },
      '/shop',
    );
    expect(text).toBe('civetta.config.yaml:3:20: error: hooks.rulez: unknown key, did you mean "rules"? (found "a list of 0")');
  });

  it('a stock-file problem: file:line [Header], with the value found and what was expected', () => {
    const text = renderProblem(
      { severity: 'error', code: 'x', message: 'the EAN is not valid', file: '/shop/stock.csv', line: 12, column: 'EAN', value: '123', expected: 'an EAN-13' },
      '/shop',
    );
    expect(text).toBe('stock.csv:12 [EAN]: error: the EAN is not valid (found "123", expected an EAN-13)');
  });
});
