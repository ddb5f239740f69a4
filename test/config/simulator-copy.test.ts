import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeSimulatorConfig } from '../../src/config/simulator-copy.js';
import { loadConfig } from '../../src/config/load.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const SHOP = fileURLToPath(new URL('../../fixtures/shop/', import.meta.url));

describe('writeSimulatorConfig', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('points simulator channels at the given endpoints; stock stays, ledger moves', async () => {
    dir = tempDir();
    const file = await writeSimulatorConfig(join(SHOP, 'civetta.config.yaml'), dir.path, {
      amazon: { endpoint: 'http://127.0.0.1:5555/amazon', tokenEndpoint: 'http://127.0.0.1:5555/amazon/auth/o2/token' },
      ebay: { endpoint: 'http://127.0.0.1:5555/ebay', tokenEndpoint: 'http://127.0.0.1:5555/ebay/identity/v1/oauth2/token' },
    });
    expect(file).toBe(join(dir.path, 'civetta.config.json'));
    const loaded = await loadConfig({ cwd: dir.path });
    expect(loaded.file).toBe(file);
    expect(loaded.config.channels.amazon?.endpoint).toBe('http://127.0.0.1:5555/amazon');
    expect(loaded.config.channels.ebay?.tokenEndpoint).toBe('http://127.0.0.1:5555/ebay/identity/v1/oauth2/token');
    expect(loaded.config.stock.file).toBe(join(SHOP, 'stock/magazzino.csv'));
    expect(loaded.config.ledger).toBe(join(dir.path, 'civetta.db'));
    expect(dir.files()).toEqual(['civetta.config.json']);
  });
});
