import { afterEach, describe, expect, it } from 'vitest';
import { channelCredentials, SIMULATOR_CREDENTIALS } from '../../src/config/credentials.js';
import { loadConfig } from '../../src/config/load.js';
import { redact } from '../../src/http/redact.js';
import { InputError } from '../../src/errors.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const config = (environment: string) => `
shop: { name: Negozio }
stock: { file: stock.csv, columns: { sku: Codice, title: Descrizione, price: Prezzo, quantity: Giacenza } }
hooks: {}
channels:
  ebay:
    environment: ${environment}
    endpoint: http://127.0.0.1:9/ebay
    tokenEndpoint: http://127.0.0.1:9/ebay/identity/v1/oauth2/token
    merchantLocationKey: negozio
    policies: { fulfillment: F, payment: P, return: R }
`;

describe('channelCredentials', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('reads the environment, registers the values as secrets', async () => {
    dir = tempDir();
    dir.write({ 'civetta.config.yaml': config('production') });
    const loaded = await loadConfig({ cwd: dir.path });
    const creds = channelCredentials(loaded, 'ebay', {
      CIVETTA_EBAY_CLIENT_ID: 'client-id-123',
      CIVETTA_EBAY_CLIENT_SECRET: 'secret-from-env-xyz',
      CIVETTA_EBAY_REFRESH_TOKEN: 'refresh-token-abc',
    });
    expect(creds).toEqual({ clientId: 'client-id-123', clientSecret: 'secret-from-env-xyz', refreshToken: 'refresh-token-abc', source: 'environment' });
    expect(redact('sent secret-from-env-xyz and refresh-token-abc')).toBe('sent «redacted» and «redacted»');
  });

  it('falls back to .env beside the config; the environment wins per variable', async () => {
    dir = tempDir();
    dir.write({
      'civetta.config.yaml': config('production'),
      '.env': 'CIVETTA_EBAY_CLIENT_ID=from-file-id\nCIVETTA_EBAY_CLIENT_SECRET="file secret value"\n# comment\nCIVETTA_EBAY_REFRESH_TOKEN=file-refresh\n',
    });
    const loaded = await loadConfig({ cwd: dir.path });
    expect(channelCredentials(loaded, 'ebay', { CIVETTA_EBAY_CLIENT_ID: 'env-id-999' })).toEqual({
      clientId: 'env-id-999', clientSecret: 'file secret value', refreshToken: 'file-refresh', source: '.env',
    });
  });

  it('.env: an eBay refresh token keeps its "#" parts unquoted (a comment needs a space before it)', async () => {
    dir = tempDir();
    dir.write({
      'civetta.config.yaml': config('production'),
      '.env': [
        '# eBay keys',
        'CIVETTA_EBAY_CLIENT_ID=Giocattol-civetta-PRD-1a2b3c',
        "CIVETTA_EBAY_CLIENT_SECRET='PRD-#quoted#secret'",
        'export CIVETTA_EBAY_REFRESH_TOKEN=v^1.1#i^1#p^3#r^1#I^3#f^0#t^Ul4xMF8xOkFC  # from civetta auth ebay',
        '',
      ].join('\n'),
    });
    const loaded = await loadConfig({ cwd: dir.path });
    expect(channelCredentials(loaded, 'ebay', {})).toEqual({
      clientId: 'Giocattol-civetta-PRD-1a2b3c', clientSecret: 'PRD-#quoted#secret', refreshToken: 'v^1.1#i^1#p^3#r^1#I^3#f^0#t^Ul4xMF8xOkFC', source: '.env',
    });
  });

  it('names the missing variables, never the values', async () => {
    dir = tempDir();
    dir.write({ 'civetta.config.yaml': config('production') });
    const loaded = await loadConfig({ cwd: dir.path });
    const error = (() => {
      try {
        channelCredentials(loaded, 'ebay', { CIVETTA_EBAY_CLIENT_ID: 'visible-id', CIVETTA_EBAY_CLIENT_SECRET: 'do-not-print-me' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('ebay credentials are missing: set CIVETTA_EBAY_REFRESH_TOKEN');
    expect(JSON.stringify({ m: (error as InputError).message, d: (error as InputError).details })).not.toContain('do-not-print-me');
  });

  it('environment: simulator uses the simulator credentials, even when CIVETTA_* are set', async () => {
    dir = tempDir();
    dir.write({ 'civetta.config.yaml': config('simulator') });
    const loaded = await loadConfig({ cwd: dir.path });
    expect(channelCredentials(loaded, 'ebay', {})).toEqual({ ...SIMULATOR_CREDENTIALS.ebay, source: 'simulator' });
    const real = { CIVETTA_EBAY_CLIENT_ID: 'real-id', CIVETTA_EBAY_CLIENT_SECRET: 'real-secret', CIVETTA_EBAY_REFRESH_TOKEN: 'v^1.1#real-token' };
    expect(channelCredentials(loaded, 'ebay', real)).toEqual({ ...SIMULATOR_CREDENTIALS.ebay, source: 'simulator' });
  });
});
