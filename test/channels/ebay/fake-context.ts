import { join } from 'node:path';
import type { Output, RunContext } from '../../../src/app/run-context.js';
import { Config } from '../../../src/config/schema.js';
import { redact } from '../../../src/http/redact.js';
import { collectingLogger } from '../../../src/log.js';
import type { LoadedConfig } from '../../../src/config/loaded-config.js';

/** A RunContext over an in-memory config, collecting everything printed (through redact, as the CLI does). */
export function fakeContext(dir: string, ebay: Record<string, unknown>, env: Record<string, string> = {}, json = false) {
  const config = Config.parse({
    shop: { name: 'Giocattoli Rossi' },
    stock: { file: './stock.csv', columns: { sku: 'Codice', title: 'Descrizione', price: 'Prezzo', quantity: 'Giacenza' } },
    hooks: {},
    channels: { ebay },
  });
  const loaded: LoadedConfig = { config, file: join(dir, 'civetta.config.yaml'), dir, resolve: (p) => join(dir, p) };
  const log = collectingLogger();
  const printed: string[] = [];
  const out: Output = {
    json,
    log: { debug: (m) => log.debug(redact(m)), info: (m) => log.info(redact(m)), warn: (m) => log.warn(redact(m)) },
    print: (text) => {
      if (!json) printed.push(redact(text));
    },
    progress: () => ({ update: () => undefined, done: () => undefined, fail: () => undefined }),
    emitJson: () => undefined,
  };
  const ctx: RunContext = {
    options: { json, quiet: false, verbose: true },
    out,
    cwd: dir,
    env,
    now: () => new Date('2026-08-01T10:00:00Z'),
    loadConfig: async () => loaded,
  };
  return { ctx, printed, log };
}
