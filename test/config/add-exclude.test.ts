import { describe, expect, it } from 'vitest';
import { addExcludeToYaml } from '../../src/config/add-exclude.js';

describe('addExcludeToYaml', () => {
  it('appends to a flow list and keeps every comment and line as written', () => {
    const text = '# Il negozio\nhooks:\n  limit: 30 # at most\n  exclude: []   # never these\n  rules: []\nledger: ./civetta.db\n';
    expect(addExcludeToYaml(text, 'LEGO-1')).toBe('# Il negozio\nhooks:\n  limit: 30 # at most\n  exclude: [LEGO-1]   # never these\n  rules: []\nledger: ./civetta.db\n');
    expect(addExcludeToYaml('hooks:\n  exclude: [A, "B C"]\n', 'D')).toBe('hooks:\n  exclude: [A, "B C", D]\n');
  });

  it('adds an item to a block list, after its last item', () => {
    const text = 'hooks:\n  exclude:\n    - A\n    # not B\n    - C\n  rules: []\n';
    expect(addExcludeToYaml(text, 'D')).toBe('hooks:\n  exclude:\n    - A\n    # not B\n    - C\n    - D\n  rules: []\n');
  });

  it('adds the key when hooks has none, quotes a SKU YAML would misread, keeps CRLF', () => {
    expect(addExcludeToYaml('hooks:\r\n  limit: 3\r\n', 'A: B')).toBe('hooks:\r\n  exclude: ["A: B"]\r\n  limit: 3\r\n');
    expect(addExcludeToYaml('shop: {}\n', 'A')).toBeUndefined();
  });
});
